import type { Actor } from "@/lib/auth/actor";
import { assertCanChange } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ActivationStatus, DocumentReviewStatus } from "@/lib/db/generated/enums";
import { storeFileWith } from "@/lib/storage";
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
export async function uploadActivationDocument(
  db: Db,
  actor: Actor,
  input: UploadActivationDocumentInput,
  driver?: StorageDriver,
) {
  assertCanChange(actor, "activation.request");
  const request = await loadActivationRequest(db, actor, input.requestId, {
    documents: { where: { id: input.documentId } },
  });
  const slot = request.documents[0];
  if (!slot) throw new AppError("NOT_FOUND", "This document slot does not exist.");
  assertSlotReplaceable(request.status, slot.reviewStatus);
  const owner = { partnerId: request.partnerId, uploadedById: actor.userId };
  return storeFileWith(
    db,
    { bytes: input.bytes, fileName: input.fileName, ...owner },
    async (tx, file) => {
      // The request may have been submitted (or the slot replaced) while the file was being stored:
      // the slot changes only if the request is still at the status and version read above.
      const { count } = await tx.activationRequest.updateMany({
        where: { id: request.id, status: request.status, version: request.version },
        data: { version: { increment: 1 } },
      });
      if (count === 0)
        throw new AppError(
          "CONFLICT",
          "This request changed while the file was uploading (submitted, or changed in another window). Reload it to continue.",
        );
      // A replacement asked for by the reviewer keeps the request for changes (and its comment) until the
      // partner resubmits, so a wrong file can be replaced again; the file it replaces is remembered for the
      // reviewer. In a draft a new file (or one instead of a reused copy) is simply reviewed afresh.
      const replacing = slot.reviewStatus === "CHANGES_REQUESTED";
      const updated = await tx.activationDocument.update({
        where: { id: slot.id },
        data: {
          fileId: file.id,
          uploadedAt: new Date(),
          expiresAt: null,
          ...(replacing
            ? { replacedFileId: slot.replacedFileId ?? slot.fileId }
            : { reviewStatus: "PENDING", reviewComment: null, replacedFileId: null }),
        },
        include: { file: { select: { id: true, fileName: true, sizeBytes: true, contentType: true } } },
      });
      await recordActivationEvent(
        tx,
        request.id,
        actor.userId,
        "document_uploaded",
        `${slot.name}: uploaded ${file.fileName}.`,
      );
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "activation.document_uploaded",
        entityType: "ActivationDocument",
        entityId: slot.id,
        detail: { fileId: file.id, sha256: file.sha256 },
      });
      return updated;
    },
    driver,
  );
}

function assertSlotReplaceable(status: ActivationStatus, reviewStatus: DocumentReviewStatus) {
  if (status === "CHANGES_REQUESTED" ? reviewStatus !== "CHANGES_REQUESTED" : status !== "DRAFT") {
    throw new AppError(
      "CONFLICT",
      status === "CHANGES_REQUESTED"
        ? "Only the documents the reviewer asked for can be replaced."
        : "This request is read-only until it is reviewed.",
    );
  }
}
