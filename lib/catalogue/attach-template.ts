import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { storeFileWith } from "@/lib/storage";
import type { StorageDriver } from "@/lib/storage/driver";
import { loadLiveDocument } from "./required-documents";

export interface AttachTemplateInput {
  bytes: Uint8Array;
  fileName: string;
}

/**
 * Stores the blank form partners download for a document, replacing any earlier one. Templates are
 * the operator's files (no partner), which is what makes them readable by every partner.
 */
export async function attachTemplate(
  db: Db,
  actor: Actor,
  documentId: string,
  input: AttachTemplateInput,
  driver?: StorageDriver,
) {
  assertCan(actor, "catalogue.manage");
  const document = await loadLiveDocument(db, documentId);
  return storeFileWith(
    db,
    { bytes: input.bytes, fileName: input.fileName, partnerId: null, uploadedById: actor.userId },
    async (tx, file) => {
      // Archived while the file was being stored: refused, and the file is deleted rather than revive it.
      await loadLiveDocument(tx, document.id);
      const updated = await tx.requiredDocument.update({
        where: { id: document.id },
        data: { templateFileId: file.id },
        include: {
          templateFile: { select: { id: true, fileName: true, contentType: true, sizeBytes: true, createdAt: true } },
        },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "catalogue.template_attached",
        entityType: "RequiredDocument",
        entityId: document.id,
        detail: { fileId: file.id, sha256: file.sha256, replacedFileId: document.templateFileId },
      });
      return updated;
    },
    driver,
  );
}
