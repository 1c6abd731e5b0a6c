import Link from "next/link";

/** The price-list types the user may see, as links; the one shown is marked. Hidden when there is only one. */
export function PriceListTierNav({
  tiers,
  currentId,
  href,
}: {
  tiers: { id: string; code: string; name: string }[];
  currentId: string | undefined;
  href: (code: string) => string;
}) {
  if (tiers.length < 2) return null;
  return (
    <nav aria-label="Price-list type" className="mb-6 flex flex-wrap gap-2">
      {tiers.map((t) => (
        <Link
          key={t.id}
          href={href(t.code)}
          aria-current={t.id === currentId ? "page" : undefined}
          className={`rounded-full border px-3 py-1 text-sm font-medium ${t.id === currentId ? "border-brand-700 bg-brand-700 text-white" : "border-neutral-300 text-neutral-700 hover:bg-neutral-100"}`}
        >
          {t.name}
        </Link>
      ))}
    </nav>
  );
}
