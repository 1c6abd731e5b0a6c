import type { Db } from "@/lib/db/client";

/**
 * Stored files nothing refers to. A second run of the demo files (two instances starting at once)
 * would leave such files behind: the templates and documents that lost the race to the first run's.
 */
export function countUnreferencedStoredFiles(db: Pick<Db, "storedFile">) {
  return db.storedFile.count({
    where: {
      templateFor: { none: {} },
      activationDocuments: { none: {} },
      replacedInActivationDocuments: { none: {} },
      complianceDocuments: { none: {} },
      ticketMessages: { none: {} },
      portingLoas: { none: {} },
    },
  });
}
