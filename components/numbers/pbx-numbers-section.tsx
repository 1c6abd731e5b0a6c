import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { formatCount, formatPageSummary } from "@/lib/format";
import type { pbxNumbersOverview } from "@/lib/numbers/queries";
import { DefaultCallerForm } from "./default-caller-form";
import { NumbersTable } from "./numbers-table";

/**
 * The PBX hub's numbers: every number of the PBX a page at a time, searched by any part of its digits
 * (the query in the URL), ordering, release, the default caller number (R11) and a CNAM request for
 * the US and Canadian numbers (R12). Takes the overview as a promise.
 */
export async function PbxNumbersSection({
  pbxId,
  q,
  overview,
  canOrder,
  canManage,
  quarantineDays,
}: {
  pbxId: string;
  q: string | undefined;
  overview: ReturnType<typeof pbxNumbersOverview>;
  canOrder: boolean;
  canManage: boolean;
  quarantineDays: number;
}) {
  const { rows, total, page, pageCount, cnamCount, serviceActive, defaultCaller } = await overview;
  const path = `/pbxs/${pbxId}/numbers`;
  const hrefOf = (p: number) =>
    `${path}?${new URLSearchParams({ ...(q ? { q } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  return (
    <Card aria-labelledby="pbx-numbers">
      <CardHeader>
        <div>
          <CardTitle id="pbx-numbers">Numbers</CardTitle>
          <CardDescription>
            {q ? `${formatCount(total, "number")} matching “${q}”.` : `${formatCount(total, "number")} on this PBX.`}
          </CardDescription>
        </div>
        {canOrder && serviceActive && (
          <Link href={`/pbxs/${pbxId}/numbers/order`} className={buttonClassName("primary", "sm")}>
            Order numbers
          </Link>
        )}
      </CardHeader>
      <CardContent className="space-y-4">
        {canOrder && !serviceActive && (
          <p className="text-sm text-muted-foreground">Numbers can be ordered once CLASSOUND is active on this PBX.</p>
        )}
        {canManage && serviceActive && <DefaultCallerForm pbxId={pbxId} current={defaultCaller} />}
        <form
          method="get"
          action={path}
          role="search"
          aria-label="Find a number of this PBX"
          className="flex flex-wrap items-end gap-2"
        >
          <label className="flex w-full flex-col gap-1 text-sm font-medium text-foreground sm:w-64">
            Number contains
            <Input name="q" type="search" inputMode="tel" defaultValue={q ?? ""} placeholder="Any digits, e.g. 4930" />
          </label>
          <button type="submit" className={buttonClassName("secondary")}>
            Search
          </button>
          {q && (
            <Link href={path} className="py-2 text-sm font-medium text-brand-700 hover:underline">
              Show all
            </Link>
          )}
        </form>
        <NumbersTable
          rows={rows}
          caption="Numbers of this PBX"
          canRelease={canManage}
          showPbx={false}
          quarantineDays={quarantineDays}
          empty={q ? "No number of this PBX matches." : "No numbers on this PBX yet."}
        />
        {pageCount > 1 && (
          <Pagination
            summary={formatPageSummary(total, "number", page, pageCount)}
            page={page}
            pageCount={pageCount}
            hrefOf={hrefOf}
          />
        )}
        {canManage && cnamCount > 0 && (
          <p className="text-sm">
            <Link
              href={`/tickets/new?${new URLSearchParams({ category: "CNAM", pbx: pbxId, allNumbers: "1", subject: "Caller name (CNAM)" })}`}
              className="font-medium text-brand-700 hover:underline"
            >
              Request a caller name (CNAM) for the{" "}
              {formatCount(cnamCount, "US or Canadian number", "US and Canadian numbers")}
            </Link>
          </p>
        )}
      </CardContent>
    </Card>
  );
}
