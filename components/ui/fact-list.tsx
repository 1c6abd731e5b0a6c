import type { ReactNode } from "react";

/** Label and value pairs of a detail card (a PBX, a request), one per line, values right-aligned. */
export function FactList({ facts }: { facts: [string, ReactNode][] }) {
  return (
    <dl className="divide-y divide-border text-sm">
      {facts.map(([label, value]) => (
        <div key={label} className="flex flex-wrap justify-between gap-x-4 py-1.5">
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="text-right text-foreground">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
