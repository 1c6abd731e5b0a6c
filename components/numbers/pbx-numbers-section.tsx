import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatNumber } from "@/lib/format";
import { PBX_NUMBERS_SHOWN, type pbxNumbersOverview } from "@/lib/numbers/queries";
import { CNAM_COUNTRIES } from "@/lib/tickets/categories";
import { DefaultCallerForm } from "./default-caller-form";
import { NumbersTable } from "./numbers-table";

/**
 * The PBX page's numbers: the list (read-only for end users), ordering, release, the default caller
 * number (R11) and a CNAM request for US and Canadian numbers (R12). Takes the overview as a promise.
 */
export async function PbxNumbersSection({
  pbxId,
  overview,
  canOrder,
  canManage,
  quarantineDays,
}: {
  pbxId: string;
  overview: ReturnType<typeof pbxNumbersOverview>;
  canOrder: boolean;
  canManage: boolean;
  quarantineDays: number;
}) {
  const { rows, total, serviceActive, defaultCallerNumberId } = await overview;
  const callerChoices = rows.filter((n) => n.status === "ASSIGNED" && n.type !== "FREEPHONE");
  const cnamNumbers = rows.filter(
    (n) => n.status === "ASSIGNED" && CNAM_COUNTRIES.includes(n.countryCode) && n.type !== "FREEPHONE",
  );
  return (
    <Card className="mt-6" aria-labelledby="pbx-numbers">
      <CardHeader>
        <div>
          <CardTitle id="pbx-numbers">Numbers</CardTitle>
          <CardDescription>
            {formatNumber(total)} number{total === 1 ? "" : "s"} on this PBX.
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
        <NumbersTable
          rows={rows}
          caption="Numbers of this PBX"
          canRelease={canManage}
          showPbx={false}
          quarantineDays={quarantineDays}
          empty="No numbers on this PBX yet."
        />
        {total > PBX_NUMBERS_SHOWN && (
          <p className="text-sm">
            <Link href={`/numbers?pbx=${pbxId}`} className="font-medium text-brand-700 hover:underline">
              All {formatNumber(total)} numbers of this PBX
            </Link>
          </p>
        )}
        {canManage && serviceActive && callerChoices.length > 0 && (
          <DefaultCallerForm
            pbxId={pbxId}
            current={defaultCallerNumberId}
            numbers={callerChoices.map((n) => ({ id: n.id, e164: n.e164 }))}
          />
        )}
        {canManage && cnamNumbers.length > 0 && (
          <p className="text-sm">
            <Link
              href={`/tickets/new?${new URLSearchParams({ category: "CNAM", pbx: pbxId, numbers: cnamNumbers.map((n) => n.id).join(","), subject: "Caller name (CNAM)" })}`}
              className="font-medium text-brand-700 hover:underline"
            >
              Request a caller name (CNAM) for the US and Canadian numbers
            </Link>
          </p>
        )}
      </CardContent>
    </Card>
  );
}
