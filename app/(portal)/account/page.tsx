import type { Metadata } from "next";
import { SecondFactorSettings } from "@/components/account/second-factor-settings";
import { ChangePasswordForm } from "@/components/users/change-password-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { secondFactorStatus } from "@/lib/auth/enrolment";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "My account" };

export default async function AccountPage() {
  const actor = await requirePermission("account.manage");
  const secondFactor = await secondFactorStatus(db(), actor);
  return (
    <>
      <PageHeader title="My account" description={`${actor.name} · ${actor.email}`} />
      <div className="space-y-6">
        <Card aria-labelledby="password-heading">
          <CardHeader>
            <CardTitle id="password-heading">Password</CardTitle>
          </CardHeader>
          <CardContent>
            <ChangePasswordForm />
          </CardContent>
        </Card>
        <Card aria-labelledby="two-factor-heading">
          <CardHeader>
            <CardTitle id="two-factor-heading">Two-factor sign-in</CardTitle>
          </CardHeader>
          <CardContent>
            <SecondFactorSettings status={secondFactor} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
