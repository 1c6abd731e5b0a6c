import { startActivationRequest } from "@/lib/activations/start-request";
import type { Db } from "@/lib/db/client";
import { actorOf, makeTenantUser, type Tenant } from "@/lib/testing/fixtures";

/** Ids of real rows, so the dynamic pages are visited too: a draft of the tenant's, and any request an admin reviews. */
export async function pageIds(db: Db, tenant: Tenant) {
  const partnerUser = await makeTenantUser(db, "PARTNER", tenant);
  const draft = await startActivationRequest(db, actorOf(partnerUser), tenant.pbx.id);
  const [document] = await db.activationDocument.findMany({ where: { requestId: draft.id }, take: 1 });
  // Read-only use of the demo's requests: the review page needs one that was submitted.
  const submitted = await db.activationRequest.findFirst({ where: { status: { not: "DRAFT" } }, select: { id: true } });
  return { draftId: draft.id, documentId: document?.id ?? draft.id, reviewId: submitted?.id ?? draft.id };
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
    "/admin/outbox",
    "/admin/audit",
    "/partner",
    "/activations",
    `/activations/${ids.draftId}`,
    "/customers",
    "/pbxs",
    "/price-list",
    "/notifications",
    "/customer",
  ];
}

export function routeHandlers(ids: PageIds) {
  return [`/api/activations/${ids.draftId}/documents/${ids.documentId}`, `/api/files/${ids.documentId}`, `/api/admin/required-documents/${ids.documentId}/template`];
}
