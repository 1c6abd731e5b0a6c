import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/users/change-password-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "My account" };

export default async function AccountPage() {
  const actor = await requirePermission("account.manage");
  return (
    <>
      <PageHeader title="My account" description={`${actor.name} · ${actor.email}`} />
      <Card aria-labelledby="password-heading">
        <CardHeader>
          <CardTitle id="password-heading">Password</CardTitle>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm />
        </CardContent>
      </Card>
    </>
  );
}
