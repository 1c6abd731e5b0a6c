import type { Metadata } from "next";
import { z } from "zod";
import { RegisterPbxForm } from "@/components/pbx/register-pbx-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { AGREEMENT_SUSPENDED_MESSAGE, canChange } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { ZId } from "@/lib/http/ids";
import { parseSearchParams, type RawSearchParams } from "@/lib/http/search-params";
import { customerForPbx, registrationToday } from "@/lib/pbx/register";

const ZSearch = z.object({ customerId: ZId.optional().catch(undefined) });

export const metadata: Metadata = { title: "Register a PBX" };

/** Registers a PBX for a customer; `?customerId=…` (from a customer's card) preselects the customer. */
export default async function RegisterPbxPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("pbx.manage");
  const { customerId } = parseSearchParams(ZSearch, await searchParams);
  const [initialCustomer, today] = await Promise.all([
    customerId ? customerForPbx(db(), actor, customerId) : null,
    registrationToday(db(), actor),
  ]);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "PBXs", href: "/pbxs" }, { label: "Register a PBX" }]}
        title="Register a PBX"
        description="A customer's PBX with its licence: serial, plan and term, users by licence level and software version. Many at once: import them from a CSV file."
      />
      <Card className="max-w-3xl">
        <CardContent className="py-6">
          {canChange(actor, "pbx.manage") ? (
            <RegisterPbxForm initialCustomer={initialCustomer} today={today} />
          ) : (
            <Alert variant="warning">{AGREEMENT_SUSPENDED_MESSAGE}</Alert>
          )}
        </CardContent>
      </Card>
    </>
  );
}
