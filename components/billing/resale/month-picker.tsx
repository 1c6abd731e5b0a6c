import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { formatMonthIn } from "@/lib/format";

/** "2026-10" as "October 2026". */
export const monthLabel = (month: string) => formatMonthIn(new Date(`${month}-15T12:00:00Z`), "UTC");

function shift(month: string, by: number) {
  const [year, index] = month.split("-").map(Number) as [number, number];
  const at = new Date(Date.UTC(year, index - 1 + by, 1));
  return at.toISOString().slice(0, 7);
}

/**
 * The month shown, as a GET form (the month lives in the URL, so it works without script and the
 * back button keeps it), with links to the month before and after.
 */
export function MonthPicker({ base, month }: { base: string; month: string }) {
  const link = "text-sm font-medium text-brand-700 hover:underline";
  return (
    <div className="mb-6 flex flex-wrap items-end gap-x-6 gap-y-3">
      <form method="get" action={base} aria-label="Choose a month" className="flex items-end gap-2">
        <FormField label="Month" className="w-44">
          {(field) => (
            <Input {...field} name="month" type="month" defaultValue={month} min="2000-01" max="2099-12" required />
          )}
        </FormField>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </form>
      <nav aria-label="Other months" className="flex gap-4 pb-2">
        <Link className={link} href={`${base}?month=${shift(month, -1)}`}>
          ← {monthLabel(shift(month, -1))}
        </Link>
        <Link className={link} href={`${base}?month=${shift(month, 1)}`}>
          {monthLabel(shift(month, 1))} →
        </Link>
      </nav>
    </div>
  );
}
