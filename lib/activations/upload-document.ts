import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { storeFile } from "@/lib/storage";
import type { StorageDriver } from "@/lib/storage/driver";
import { recordActivationEvent } from "./events";
import { loadActivationRequest } from "./load";

export interface UploadActivationDocumentInput {
  requestId: string;
  documentId: string;
  bytes: Uint8Array;
  fileName: string;
}

/**
 * Stores one document of a request, independently of the others. In a draft any slot may be filled
 * or replaced; when changes were asked for, only the documents named by the admin.
 */
export async function uploadActivationDocument(db: Db, actor: Actor, input: UploadActivationDocumentInput, driver?: StorageDriver) {
  assertCan(actor, "activation.request");
  const request = await loadActivationRequest(db, actor, input.requestId, { documents: { where: { id: input.documentId } } });
  const slot = request.documents[0];
  if (!slot) throw new AppError("NOT_FOUND", "This document slot does not exist.");
  if (request.status === "CHANGES_REQUESTED" ? slot.reviewStatus !== "CHANGES_REQUESTED" : request.status !== "DRAFT") {
    throw new AppError("CONFLICT", request.status === "CHANGES_REQUESTED" ? "Only the documents the reviewer asked for can be replaced." : "This request is read-only until it is reviewed.");
  }
  const file = await storeFile(db, { bytes: input.bytes, fileName: input.fileName, partnerId: request.partnerId, uploadedById: actor.userId }, driver);
  return db.$transaction(async (tx) => {
    const updated = await tx.activationDocument.update({
      where: { id: slot.id },
      data: {
        fileId: file.id,
        uploadedAt: new Date(),
        expiresAt: null,
        // A new file (a replacement, or one instead of a reused copy) is reviewed afresh.
        reviewStatus: "PENDING",
        reviewComment: null,
      },
      include: { file: { select: { id: true, fileName: true, sizeBytes: true, contentType: true } } },
    });
    await tx.activationRequest.update({ where: { id: request.id }, data: { version: { increment: 1 } } });
    await recordActivationEvent(tx, request.id, actor.userId, "document_uploaded", `${slot.name}: uploaded ${file.fileName}.`);
    await recordAudit(tx, { actorId: actor.userId, action: "activation.document_uploaded", entityType: "ActivationDocument", entityId: slot.id, detail: { fileId: file.id, sha256: file.sha256 } });
    return updated;
  });
}
