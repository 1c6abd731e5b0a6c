import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { LegalEntityDetails } from "@/components/activations/legal-entity-card";
import { ComplianceDocumentsTable } from "@/components/compliance/compliance-documents-table";
import { ArchiveCustomerButton } from "@/components/customers/archive-customer-button";
import { CustomerEditForm } from "@/components/customers/customer-edit-form";
import { CustomerPbxsTable } from "@/components/customers/customer-pbxs-table";
import { UsageAlertsDialog } from "@/components/customers/usage-alerts-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FactList } from "@/components/ui/fact-list";
import { PageHeader } from "@/components/ui/page-header";
import { EXPIRY_NOTICE_DAYS } from "@/lib/activations/compliance-profile";
import { activationCountries } from "@/lib/activations/countries";
import { can, canChange } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { holdsSentence } from "@/lib/customers/archive";
import { customerDetail } from "@/lib/customers/customer-detail";
import { usageAlertThresholds } from "@/lib/customers/usage-alerts";
import { db } from "@/lib/db/client";
import { formatDate, formatNumber } from "@/lib/format";
import { ZId } from "@/lib/http/ids";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseRouteParams } from "@/lib/http/search-params";
import { timeZoneChoices } from "@/lib/validation/time-zone";

const ZParams = z.object({ id: ZId });

export const metadata: Metadata = { title: "Customer" };

const linkClass = "text-sm font-medium text-brand-700 hover:underline";

/**
 * One customer: its details (an edit form for its partner), what it has (PBXs, services, numbers,
 * end users), its PBXs with "Register a PBX", its compliance documents, and archiving or restoring it.
 */
export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("compliance.view");
  const { id } = parseRouteParams(ZParams, await params);
  const customer = await orNotFound(customerDetail(db(), actor, id));
  const archived = customer.archivedAt !== null;
  const canManage = canChange(actor, "customers.manage");
  const canEdit = canManage && !archived;
  const canRegisterPbx = canChange(actor, "pbx.manage") && !archived;
  const [openCountries, thresholds] = await Promise.all([
    canEdit ? activationCountries(db()) : [],
    canManage ? usageAlertThresholds(db(), actor, [customer.id]) : null,
  ]);
  // The country it has stays choosable after activations there close.
  const countries = openCountries.some((c) => c.code === customer.countryCode)
    ? openCountries
    : [{ code: customer.countryCode, name: customer.countryName }, ...openCountries];
  const still = holdsSentence(customer.holds);
  const activeServices = customer.pbxs.filter((p) => p.serviceStatus === "ACTIVE").length;
  const showPartner = can(actor, "partners.view_all");
  const registerPbx = canRegisterPbx ? (
    <Button asChild>
      <Link href={`/pbxs/new?customerId=${customer.id}`}>Register a PBX</Link>
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Customers", href: "/customers" }, { label: customer.name }]}
        title={customer.name}
        description={[customer.countryName, showPartner && customer.partnerName, archived && "Archived"]
          .filter(Boolean)
          .join(" · ")}
        actions={
          <>
            {registerPbx}
            {canManage && (archived || !still) && (
              <ArchiveCustomerButton customer={{ id: customer.id, name: customer.name, archived }} />
            )}
          </>
        }
      />
      {archived && (
        <Alert variant="info" className="mb-6" title={`Archived on ${formatDate(customer.archivedAt)}`}>
          It is out of the customers list and takes no new PBX or activation request.
          {canManage ? " Restore it to edit it or add to it." : ""}
        </Alert>
      )}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card aria-labelledby="customer-details" className="min-w-0 lg:col-span-2">
          <CardHeader>
            <div>
              <CardTitle id="customer-details">Details</CardTitle>
              {canEdit && (
                <CardDescription>
                  Fields marked * are required; the legal entity is all filled in or left empty.
                </CardDescription>
              )}
            </div>
          </CardHeader>
          <CardContent>
            {canEdit ? (
              <CustomerEditForm
                key={customer.updatedAt.toISOString()}
                customer={{
                  id: customer.id,
                  name: customer.name,
                  countryCode: customer.countryCode,
                  timeZone: customer.timeZone,
                  legalEntity: customer.legalEntity,
                }}
                countries={countries}
                partnerTimeZone={customer.partnerTimeZone}
                timeZones={timeZoneChoices()}
              />
            ) : (
              <div className="space-y-4">
                <FactList
                  facts={[
                    ["Name", customer.name],
                    ["Country of service", customer.countryName],
                    ["Time zone", customer.timeZone ?? `${customer.partnerTimeZone} (the partner's)`],
                  ]}
                />
                {customer.legalEntity ? (
                  <LegalEntityDetails entity={customer.legalEntity} />
                ) : (
                  <p className="text-sm text-muted-foreground">
                    No legal entity on file yet: it is taken from the first approved activation request.
                  </p>
                )}
              </div>
            )}
          </CardContent>
        </Card>

        <Card aria-labelledby="customer-summary" className="min-w-0">
          <CardHeader>
            <CardTitle id="customer-summary">At a glance</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            <FactList
              facts={[
                ["PBXs", formatNumber(customer.pbxs.length)],
                ["Active CLASSOUND services", formatNumber(activeServices)],
                ["Assigned numbers", formatNumber(customer.holds.numbers)],
                ["End users", formatNumber(customer.endUserCount)],
                ["Time zone", customer.effectiveTimeZone.replaceAll("_", " ")],
                ["Customer since", formatDate(customer.createdAt)],
              ]}
            />
            <nav aria-label={`More about ${customer.name}`} className="flex flex-col gap-2">
              <Link href={`/statistics?customer=${customer.id}`} className={linkClass}>
                Call statistics
              </Link>
              {canChange(actor, "activation.request") && (
                <Link href={`/activations?customer=${customer.id}`} className={linkClass}>
                  Activation requests
                </Link>
              )}
            </nav>
            {thresholds?.has(customer.id) && !archived && (
              <UsageAlertsDialog
                customer={{ id: customer.id, name: customer.name }}
                thresholds={thresholds.get(customer.id)!}
              />
            )}
            {canManage && !archived && still && (
              <p className="text-sm text-muted-foreground">
                It cannot be archived yet: it {still}. A customer is archived once nothing runs for it.
              </p>
            )}
          </CardContent>
        </Card>
      </div>

      <Card aria-labelledby="customer-pbxs" className="mt-6">
        <CardHeader>
          <CardTitle id="customer-pbxs">PBXs</CardTitle>
          {customer.pbxs.length > 0 && registerPbx && (
            <Link href={`/pbxs/new?customerId=${customer.id}`} className={linkClass}>
              Register another PBX
            </Link>
          )}
        </CardHeader>
        <CardContent>
          {customer.pbxs.length ? (
            <CustomerPbxsTable customerName={customer.name} pbxs={customer.pbxs} />
          ) : (
            <EmptyState
              title="No PBX yet"
              description={
                canRegisterPbx
                  ? "Register this customer's PBX with “Register a PBX” above: its serial, licence and term. CLASSOUND is then activated on it."
                  : "PBXs appear here once they are registered for this customer."
              }
            />
          )}
        </CardContent>
      </Card>

      <Card aria-labelledby="customer-documents" className="mt-6">
        <CardHeader>
          <div>
            <CardTitle id="customer-documents">Compliance documents</CardTitle>
            <CardDescription>
              Accepted with its activation requests and reused by the next one; flagged {EXPIRY_NOTICE_DAYS} days before
              they expire.
            </CardDescription>
          </div>
        </CardHeader>
        <CardContent>
          {customer.documents.length ? (
            <ComplianceDocumentsTable customerName={customer.name} documents={customer.documents} />
          ) : (
            <p className="text-sm text-muted-foreground">
              No documents on file yet: they join the profile when an activation request for this customer is approved.
            </p>
          )}
        </CardContent>
      </Card>
    </>
  );
}
