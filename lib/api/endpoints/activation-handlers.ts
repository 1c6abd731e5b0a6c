import type { z } from "zod";
import { discardActivationDraft } from "@/lib/activations/discard-draft";
import { ACTIVATION_READERS, loadActivationRequest } from "@/lib/activations/load";
import { activationRequestDetail } from "@/lib/activations/queries";
import { saveActivationDraft } from "@/lib/activations/save-draft";
import { pickLegalEntity } from "@/lib/activations/schemas";
import { startActivationRequest } from "@/lib/activations/start-request";
import { submitActivationRequest } from "@/lib/activations/submit-request";
import { uploadActivationDocument } from "@/lib/activations/upload-document";
import type { Actor } from "@/lib/auth/actor";
import { assertCanAny, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { requestMailDelivery } from "@/lib/jobs/enqueue";
import { afterCreated, createdKey, pageFrom } from "../cursor";
import type {
  createActivationEndpoint,
  listActivationsEndpoint,
  TApiActivation,
  TApiActivationDetail,
  updateActivationEndpoint,
} from "./activations";

type Body<E extends { body?: z.ZodType }> = z.output<NonNullable<E["body"]>>;
const iso = (instant: Date | null) => instant && instant.toISOString();

const SUMMARY = {
  id: true,
  status: true,
  pbxId: true,
  customerId: true,
  countryCode: true,
  legalName: true,
  submittedAt: true,
  decidedAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ActivationRequestSelect;

/** The summary's fields alone, from a row that may carry more (the detail's includes). */
function toApiActivation(row: Prisma.ActivationRequestGetPayload<{ select: typeof SUMMARY }>): TApiActivation {
  return {
    id: row.id,
    status: row.status,
    pbxId: row.pbxId,
    customerId: row.customerId,
    countryCode: row.countryCode,
    legalName: row.legalName,
    submittedAt: iso(row.submittedAt),
    decidedAt: iso(row.decidedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A page of the requests the actor may see (the requests list's permission and tenant scope). */
export async function activationsPage(
  db: Db,
  actor: Actor,
  query: z.output<NonNullable<typeof listActivationsEndpoint.query>>,
) {
  assertCanAny(actor, ACTIVATION_READERS);
  const where: Prisma.ActivationRequestWhereInput[] = [scope.activationRequests(actor), afterCreated(query.cursor)];
  if (query.status) where.push({ status: query.status });
  if (query.pbxId) where.push({ pbxId: query.pbxId });
  const rows = await db.activationRequest.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: SUMMARY,
  });
  const page = pageFrom(rows, query.limit, createdKey);
  return { next: page.next, data: page.data.map(toApiActivation) };
}

/** One request as its portal page shows it (same query, same scope, same pre-check). */
export async function apiActivation(db: Db, actor: Actor, id: string, now = new Date()): Promise<TApiActivationDetail> {
  const { request, issues } = await activationRequestDetail(db, actor, id, now);
  return {
    ...toApiActivation(request),
    legalEntity: pickLegalEntity(request),
    rejectionReason: request.rejectionReason,
    documents: request.documents.map((slot) => ({
      id: slot.id,
      name: slot.name,
      description: slot.description,
      mandatory: slot.mandatory,
      reviewStatus: slot.reviewStatus,
      reviewComment: slot.reviewComment,
      expiresAt: iso(slot.expiresAt),
      file: slot.file && {
        id: slot.file.id,
        fileName: slot.file.fileName,
        contentType: slot.file.contentType,
        sizeBytes: slot.file.sizeBytes,
        sha256: slot.file.sha256,
        uploadedAt: iso(slot.uploadedAt),
      },
    })),
    missing: issues,
    history: request.events.map((event) => ({
      type: event.type,
      message: event.message,
      at: event.createdAt.toISOString(),
    })),
  };
}

/**
 * Starts the draft and fills its form as the portal does (startActivationRequest, then
 * saveActivationDraft). All or nothing: a form the save refuses (a country without CLASSOUND, say)
 * discards the draft again, so the PBX is not left with an open request the client never saw.
 */
export async function createApiActivation(
  db: Db,
  actor: Actor,
  body: Body<typeof createActivationEndpoint>,
  now: Date,
) {
  const { pbxId, ...form } = body;
  const draft = await startActivationRequest(db, actor, pbxId, now);
  try {
    await saveActivationDraft(db, actor, draft.id, draft.version, form, now);
  } catch (error) {
    await discardActivationDraft(db, actor, draft.id, draft.version).catch(() => undefined);
    throw error;
  }
  return apiActivation(db, actor, draft.id, now);
}

/** Saves the fields sent over the draft's (the API takes no version: the latest state is the one changed). */
export async function updateApiActivation(
  db: Db,
  actor: Actor,
  id: string,
  body: Body<typeof updateActivationEndpoint>,
  now: Date,
) {
  const request = await loadActivationRequest(db, actor, id);
  await saveActivationDraft(
    db,
    actor,
    id,
    request.version,
    { ...body, countryCode: body.countryCode ?? request.countryCode },
    now,
  );
  return apiActivation(db, actor, id, now);
}

/** Stores the file through the portal's upload (checked by its bytes and size, audited) and answers the slot. */
export async function uploadApiActivationDocument(
  db: Db,
  actor: Actor,
  params: { id: string; documentId: string },
  file: File,
) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  await uploadActivationDocument(db, actor, {
    requestId: params.id,
    documentId: params.documentId,
    bytes,
    fileName: file.name,
  });
  const { documents } = await apiActivation(db, actor, params.id);
  return documents.find((slot) => slot.id === params.documentId)!;
}

/** Submits the request at its current version; a refusal names each missing item (submitActivationRequest). */
export async function submitApiActivation(db: Db, actor: Actor, id: string, now: Date) {
  const request = await loadActivationRequest(db, actor, id);
  await submitActivationRequest(db, actor, id, request.version, now);
  // The admins' notification mail is in the outbox: ask for it now rather than at the hourly sweep.
  await requestMailDelivery();
  return apiActivation(db, actor, id, now);
}
