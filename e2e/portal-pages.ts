import type { Page } from "@playwright/test";
import type { Db } from "@/lib/db/client";
import type { Tenant } from "@/lib/testing/fixtures";

/**
 * Ids of real rows, so the dynamic pages are visited too: a draft the tenant's partner starts (through
 * the portal: the workflow's functions reach Next.js's `after()`, which plain Node cannot import), and
 * any submitted request for the admin's review page (read-only use of the demo's).
 */
export async function pageIds(db: Db, partner: Page, tenant: Tenant) {
  await partner.goto("/activations");
  await partner.getByRole("button", { name: `Activate CLASSOUND on ${tenant.pbx.name}` }).click();
  await partner.waitForURL(/\/activations\/c[a-z0-9]+$/);
  const draftId = new URL(partner.url()).pathname.split("/").pop()!;
  const [document] = await db.activationDocument.findMany({ where: { requestId: draftId }, take: 1 });
  const submitted = await db.activationRequest.findFirst({ where: { status: { not: "DRAFT" } }, select: { id: true } });
  return { draftId, documentId: document?.id ?? draftId, reviewId: submitted?.id ?? draftId, pbxId: tenant.pbx.id };
}

export type PageIds = Awaited<ReturnType<typeof pageIds>>;

/** Every page of the portal; each role visits all of them (those it may not open must answer 403, not fail). */
export function portalPages(ids: PageIds) {
  return [
    "/sign-in",
    "/admin",
    "/admin/activations",
    `/admin/activations/${ids.reviewId}`,
    "/admin/countries",
    "/admin/countries/DE",
    "/admin/price-lists",
    "/admin/outbox",
    "/admin/jobs",
    "/admin/cdr-imports",
    "/admin/audit",
    "/partner",
    "/activations",
    `/activations/${ids.draftId}`,
    "/customers",
    "/pbxs",
    `/pbxs/${ids.pbxId}`,
    "/price-list",
    "/price-list/changes",
    "/notifications",
    "/settings",
    "/customer",
    "/tickets",
    "/tickets/new",
    "/admin/tickets",
    "/sms",
    "/statistics",
    `/statistics?pbx=${ids.pbxId}&preset=last_month`,
    "/numbers",
    `/pbxs/${ids.pbxId}/numbers/order`,
    "/admin/numbers",
    "/admin/numbers/import",
    "/porting",
    "/porting/new",
    `/porting/${ids.draftId}`,
    "/admin/porting",
    `/admin/porting/${ids.draftId}`,
    "/emergency",
    "/admin/emergency",
  ];
}

/** The admin's workbook uploads (POST): checked, then published as a new version. */
export const PRICE_LIST_UPLOADS = ["/api/admin/price-lists/GOLD/check", "/api/admin/price-lists/GOLD/publish"];

export function routeHandlers(ids: PageIds) {
  return [`/api/activations/${ids.draftId}/documents/${ids.documentId}`, `/api/activations/${ids.draftId}/documents/${ids.documentId}/template`, `/api/files/${ids.documentId}`, `/api/admin/required-documents/${ids.documentId}/template`, `/api/tickets/${ids.draftId}/attachments`, `/api/tickets/${ids.draftId}/support-attachments`, "/api/statistics/figures/perDay", `/api/statistics/calls?pbx=${ids.pbxId}`, "/api/statistics/calls/export", "/api/numbers/export", "/api/porting", "/api/emergency/export", "/api/emergency/import", "/api/price-lists/GOLD/changes", ...PRICE_LIST_UPLOADS];
}
