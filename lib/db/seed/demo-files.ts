import {
  approveActivationRequest,
  rejectActivationRequest,
  requestActivationChanges,
  startActivationReview,
} from "@/lib/activations/review-request";
import { activationCandidates } from "@/lib/activations/queries";
import { startActivationRequest } from "@/lib/activations/start-request";
import { submitActivationRequest } from "@/lib/activations/submit-request";
import { uploadActivationDocument } from "@/lib/activations/upload-document";
import { actorFromUser, type Actor } from "@/lib/auth/actor";
import { renderDocumentForm } from "@/lib/catalogue/document-form-pdf";
import type { Db } from "@/lib/db/client";
import { unsafeMarkOutboxDelivered } from "@/lib/mail/delivery";
import { storeFile, storageDriver } from "@/lib/storage";
import type { StorageDriver } from "@/lib/storage/driver";
import { renderFilledDocument, storeComplianceProfile } from "./compliance-profile";
import { REQUIRED_DOCUMENT_FORMS } from "./documents";
import { seedDemoInvoices } from "./invoices";
import { DEMO_LOGINS } from "./tenants";

// The part of the demo data that needs file storage: the fillable templates of the required
// documents, and activation requests in every review state. Run after seedDatabase, by `npm start`.

export interface DemoFilesSummary {
  templates: number;
  activationRequests: number;
  complianceDocuments: number;
  /** Last month's drafts made by the run (Alpentel's issued). */
  invoices: number;
}

type Outcome = "SUBMITTED" | "IN_REVIEW" | "CHANGES_REQUESTED" | "REJECTED" | "APPROVED";

// Per demo partner (by its place in DEMO_LOGINS), what happens to its first eligible PBXs. The first
// partner is left alone: its eligible PBXs are where a visitor (and the e2e test) starts a request.
export const DEMO_REQUESTS: { partnerLogin: number; outcomes: Outcome[] }[] = [
  { partnerLogin: 1, outcomes: ["SUBMITTED", "CHANGES_REQUESTED"] },
  { partnerLogin: 2, outcomes: ["IN_REVIEW", "REJECTED", "APPROVED"] },
];

export async function seedDemoFiles(
  db: Db,
  now = new Date(),
  driver: StorageDriver = storageDriver(),
): Promise<DemoFilesSummary> {
  const actor = async (email: string) => actorFromUser(await db.user.findUniqueOrThrow({ where: { email } }));
  const logins = (role: string) => DEMO_LOGINS.filter((login) => login.role === role);
  // Looked up only when there is something to add, so a usual start costs two counts and no user lookup.
  const admin = () => actor(logins("ADMIN")[0].email);
  const templates = await attachFormTemplates(db, async () => (await admin()).userId, driver);

  // Only a database nobody has used yet gets the demo requests and profiles.
  if ((await db.activationRequest.count()) > 0)
    return { templates, activationRequests: 0, complianceDocuments: 0, invoices: 0 };
  const reviewer = await admin();
  const seedStartedAt = new Date();
  const complianceDocuments = await seedComplianceProfile(db, await actor(logins("PARTNER")[0].email), now, driver);
  let activationRequests = 0;
  for (const { partnerLogin, outcomes } of DEMO_REQUESTS) {
    const partner = await actor(logins("PARTNER")[partnerLogin].email);
    const pbxIds = await eligiblePbxsWithLegalEntity(db, partner, now);
    for (const [index, outcome] of outcomes.entries()) {
      if (!pbxIds[index]) break;
      await playActivation(db, { partner, admin: reviewer, pbxId: pbxIds[index], outcome, now, driver });
      activationRequests++;
    }
  }
  const invoices = await seedDemoInvoices(db, reviewer, now);
  // The demo requests' notices and invoice mail would go to (reserved) addresses about made-up events: never send them.
  await unsafeMarkOutboxDelivered(db, seedStartedAt);
  return { templates, activationRequests, complianceDocuments, invoices };
}

// Weber's services predate the portal: its documents were accepted before, one of them
// (valid 6 months) so long ago that it is flagged as expiring, and a new request reuses them.
const PROFILE_CUSTOMER = "Weber Maschinenbau GmbH";
const PROFILE_ACCEPTED_DAYS_AGO = 170;

async function seedComplianceProfile(db: Db, partner: Actor, now: Date, driver: StorageDriver): Promise<number> {
  const customer = await db.customer.findFirst({
    where: { name: PROFILE_CUSTOMER, partnerId: partner.partnerId!, complianceDocuments: { none: {} } },
    select: { id: true },
  });
  // Renamed or given a profile since the seed: nothing to add.
  if (!customer) return 0;
  return storeComplianceProfile(
    db,
    customer.id,
    partner,
    new Date(now.getTime() - PROFILE_ACCEPTED_DAYS_AGO * 86_400_000),
    driver,
  );
}

/** Renders and stores the template of every seeded form that has none yet (admins only ever replace one). */
/**
 * Stores the fillable template of every seeded required document that has none. The uploader is
 * the demo admin, or nobody on a production start (the operator's catalogue, before any admin exists).
 */
export async function attachFormTemplates(
  db: Db,
  uploaderId: () => Promise<string | null>,
  driver: StorageDriver = storageDriver(),
): Promise<number> {
  const missing = await db.requiredDocument.findMany({
    where: { id: { in: [...REQUIRED_DOCUMENT_FORMS.keys()] }, templateFileId: null },
    select: { id: true },
  });
  if (missing.length === 0) return 0;
  const uploadedById = await uploaderId();
  let attached = 0;
  for (const { id } of missing) {
    const form = REQUIRED_DOCUMENT_FORMS.get(id)!;
    const file = await storeFile(
      db,
      {
        bytes: await renderDocumentForm(form),
        fileName: `${form.title} - template.pdf`,
        partnerId: null,
        uploadedById,
      },
      driver,
    );
    attached += (
      await db.requiredDocument.updateMany({ where: { id, templateFileId: null }, data: { templateFileId: file.id } })
    ).count;
  }
  return attached;
}

/** The partner's PBXs a request can be started for, of customers whose legal entity is on file (so the form is complete). */
async function eligiblePbxsWithLegalEntity(db: Db, partner: Actor, now: Date): Promise<string[]> {
  const eligible = (await activationCandidates(db, partner, now))
    .filter((candidate) => candidate.reasons.length === 0)
    .map((c) => c.id);
  const complete = await db.pbx.findMany({
    where: {
      id: { in: eligible },
      customer: { legalName: { not: null }, vatNumber: { not: null }, contactPhone: { not: null } },
    },
    select: { id: true },
  });
  const ids = new Set(complete.map((pbx) => pbx.id));
  return eligible.filter((id) => ids.has(id));
}

interface Play {
  partner: Actor;
  admin: Actor;
  pbxId: string;
  outcome: Outcome;
  now: Date;
  driver: StorageDriver;
}

/** Takes one request through the same domain functions the portal uses, up to `outcome`. */
async function playActivation(db: Db, { partner, admin, pbxId, outcome, now, driver }: Play) {
  const { id: requestId } = await startActivationRequest(db, partner, pbxId, now);
  const request = await db.activationRequest.findUniqueOrThrow({
    where: { id: requestId },
    include: { documents: { orderBy: { id: "asc" } }, pbx: true, country: true },
  });
  for (const slot of request.documents.filter((d) => !d.fileId)) {
    const bytes = await renderFilledDocument(slot, request.country.name, request, request.pbx.serial, now);
    await uploadActivationDocument(
      db,
      partner,
      { requestId, documentId: slot.id, bytes, fileName: `${slot.name}.pdf` },
      driver,
    );
  }
  await submitActivationRequest(db, partner, requestId, await versionOf(db, requestId), now);
  if (outcome === "SUBMITTED") return;
  await startActivationReview(db, admin, requestId, await versionOf(db, requestId));
  const version = await versionOf(db, requestId);
  if (outcome === "CHANGES_REQUESTED") {
    const slot = request.documents.at(-1)!;
    await requestActivationChanges(db, admin, {
      requestId,
      version,
      documents: [{ documentId: slot.id, comment: "The scan is cut off at the bottom: upload all pages." }],
    });
  } else if (outcome === "REJECTED") {
    await rejectActivationRequest(
      db,
      admin,
      {
        requestId,
        version,
        reason: "The PBX is registered to a different company than the legal entity on the agreement.",
      },
      now,
    );
  } else if (outcome === "APPROVED") {
    await approveActivationRequest(db, admin, requestId, version, now);
  }
}

async function versionOf(db: Db, requestId: string) {
  return (await db.activationRequest.findUniqueOrThrow({ where: { id: requestId }, select: { version: true } }))
    .version;
}
