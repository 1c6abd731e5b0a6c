import type { Metadata } from "next";
import Link from "next/link";
import { SenderNameChecker } from "@/components/sms/sender-name-checker";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { smsCountryRules } from "@/lib/sms/country-rules";
import { SMS_MAX_CHARACTERS } from "@/lib/sms/message-rules";

export const metadata: Metadata = { title: "SMS sender names" };

export default async function SmsPage() {
  const actor = await requirePermission("sms.view");
  const { senderIdCountries, twoWayCountries } = await smsCountryRules(db(), actor);
  return (
    <>
      <PageHeader title="SMS sender names" description="Type a sender name to see exactly what recipients will see." />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card>
          <CardHeader>
            <CardTitle>Sender-name check</CardTitle>
          </CardHeader>
          <CardContent>
            <SenderNameChecker />
          </CardContent>
        </Card>
        <aside aria-label="SMS rules" className="space-y-4 text-sm">
          <Card>
            <CardHeader>
              <CardTitle>Rules</CardTitle>
            </CardHeader>
            <CardContent className="space-y-3">
              <p>
                Recipients must be in international E.164 form (e.g. +447700900123). A message has at most{" "}
                {SMS_MAX_CHARACTERS} characters.
              </p>
              <p>Two-way SMS: numbers in {twoWayCountries.join(", ")}.</p>
              <p>
                The sender ID must be registered before use in {senderIdCountries.join(", ")}.
                {can(actor, "tickets.use") && (
                  <>
                    {" "}
                    <Link
                      href="/tickets/new?category=SENDER_ID_REGISTRATION"
                      className="font-medium text-brand-700 underline"
                    >
                      Request a registration
                    </Link>
                    .
                  </>
                )}
              </p>
            </CardContent>
          </Card>
        </aside>
      </div>
    </>
  );
}
