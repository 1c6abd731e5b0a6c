import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { LicenseType } from "@/lib/db/generated/enums";
import type { pbxSmsOverview } from "@/lib/sms/pbx-sms";

const LICENCE_LABEL: Record<LicenseType, string> = {
  BASIC: "Basic",
  ESSENTIAL: "Essential",
  BUSINESS: "Business",
  PREMIUM: "Premium",
};

/**
 * The PBX page's SMS panel (R15). Takes the overview as a promise so the page only starts the load:
 * the panel streams in on its own.
 */
export async function PbxSmsSection({ overview }: { overview: ReturnType<typeof pbxSmsOverview> }) {
  const { entitlements, twoWayCountries, allTwoWayCountries } = await overview;
  const yesNo = (allowed: boolean, users: number) => (allowed ? `Yes (${users} user${users === 1 ? "" : "s"})` : "No");
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>SMS</CardTitle>
          <CardDescription>
            Sending needs an Essential licence or higher; two-way SMS needs Business or higher and a number in{" "}
            {allTwoWayCountries.join(", ")}.
          </CardDescription>
        </div>
        <Link href="/sms" className="text-sm font-medium text-brand-700 hover:underline">
          Check a sender name
        </Link>
      </CardHeader>
      <CardContent>
        {entitlements.length === 0 ? (
          <p className="text-sm text-muted-foreground">This PBX has no user licences.</p>
        ) : (
          <div className="overflow-x-auto" role="region" aria-label="SMS by licence" tabIndex={0}>
            <table className="w-full min-w-[22rem] text-left text-sm">
              <caption className="sr-only">Who may send SMS, by licence type</caption>
              <thead className="border-b border-border text-muted-foreground">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Licence
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right font-medium">
                    Users
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Send SMS
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Two-way SMS
                  </th>
                </tr>
              </thead>
              <tbody>
                {entitlements.map((e) => (
                  <tr key={e.type} className="border-b border-border last:border-0">
                    <th scope="row" className="py-2 pr-4 font-medium">
                      {LICENCE_LABEL[e.type]}
                    </th>
                    <td className="py-2 pr-4 text-right tabular-nums">{e.users}</td>
                    <td className="py-2 pr-4">{yesNo(e.canSendSms, e.users)}</td>
                    <td className="py-2">{yesNo(e.canUseTwoWaySms, e.users)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="mt-3 text-sm text-muted-foreground">
          {twoWayCountries.length
            ? `Two-way SMS works on this PBX's numbers in ${twoWayCountries.join(", ")}.`
            : "This PBX has no number in a country with two-way SMS, so its users can only send."}
        </p>
      </CardContent>
    </Card>
  );
}
