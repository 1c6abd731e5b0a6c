import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { ZRequiredDocument, type TRequiredDocument } from "./schemas";

type Tx = Pick<Db, "requiredDocument">;

function toData(input: TRequiredDocument) {
  return { ...input, validityMonths: input.validityMonths ?? null };
}

// Two live documents with one name would be indistinguishable to a partner filling in a request.
async function assertNameFree(db: Tx, countryCode: string, name: string, exceptId?: string) {
  const clash = await db.requiredDocument.findFirst({
    where: {
      countryCode,
      archivedAt: null,
      name: { equals: name, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (clash)
    throw new AppError("INVALID", "Check the highlighted fields.", {
      name: ["This country already requires a document with this name."],
    });
}

/** A live (not archived) required document, or NOT_FOUND / CONFLICT. */
export async function loadLiveDocument(db: Tx, documentId: string) {
  const document = await db.requiredDocument.findUnique({ where: { id: documentId } });
  if (!document) throw new AppError("NOT_FOUND", "This required document does not exist.");
  if (document.archivedAt)
    throw new AppError("CONFLICT", "This document has been archived and can no longer be changed.");
  return document;
}

export async function createRequiredDocument(db: Db, actor: Actor, countryCode: string, input: unknown) {
  assertCan(actor, "catalogue.manage");
  const data = toData(parseOrThrow(ZRequiredDocument, input));
  return db.$transaction(async (tx) => {
    const country = await tx.country.findUnique({ where: { code: countryCode.toUpperCase() }, select: { code: true } });
    if (!country) throw new AppError("NOT_FOUND", "This country does not exist.");
    await assertNameFree(tx, country.code, data.name);
    const document = await tx.requiredDocument.create({ data: { ...data, countryCode: country.code } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "catalogue.document_created",
      entityType: "RequiredDocument",
      entityId: document.id,
      detail: { countryCode: country.code, ...data },
    });
    return document;
  });
}

/**
 * Changes the catalogue entry only. Requests already made keep the name, description and
 * mandatory flag they were started with (ActivationDocument holds a snapshot).
 */
export async function updateRequiredDocument(db: Db, actor: Actor, documentId: string, input: unknown) {
  assertCan(actor, "catalogue.manage");
  const data = toData(parseOrThrow(ZRequiredDocument, input));
  return db.$transaction(async (tx) => {
    const before = await loadLiveDocument(tx, documentId);
    await assertNameFree(tx, before.countryCode, data.name, before.id);
    const document = await tx.requiredDocument.update({ where: { id: before.id }, data });
    const changed = (Object.keys(data) as (keyof typeof data)[]).filter((key) => before[key] !== data[key]);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "catalogue.document_updated",
      entityType: "RequiredDocument",
      entityId: document.id,
      detail: {
        countryCode: before.countryCode,
        changes: Object.fromEntries(changed.map((key) => [key, { from: before[key], to: data[key] }])),
      },
    });
    return document;
  });
}

/**
 * Retires a document: new requests no longer ask for it. Never deleted, because requests and
 * compliance profiles that used it still point at it.
 */
export async function archiveRequiredDocument(db: Db, actor: Actor, documentId: string, now = new Date()) {
  assertCan(actor, "catalogue.manage");
  return db.$transaction(async (tx) => {
    const existing = await tx.requiredDocument.findUnique({ where: { id: documentId } });
    if (!existing) throw new AppError("NOT_FOUND", "This required document does not exist.");
    // A second click (or a second admin) finds it already done; that is not an error.
    if (existing.archivedAt) return existing;
    const document = await tx.requiredDocument.update({ where: { id: existing.id }, data: { archivedAt: now } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "catalogue.document_archived",
      entityType: "RequiredDocument",
      entityId: document.id,
      detail: { countryCode: document.countryCode, name: document.name },
    });
    return document;
  });
}
