import type { Db } from "@/lib/db/client";

type Tx = Pick<Db, "requiredDocument" | "complianceDocument">;

/**
 * One slot per document the country requires now, as a snapshot (a later catalogue change does not
 * alter the request). Documents already accepted for this customer and still valid are reused.
 */
export async function documentSlotsFor(db: Tx, customerId: string, countryCode: string, now = new Date()) {
  // One after the other: inside a transaction both would share one connection, which runs one query at a time.
  const required = await db.requiredDocument.findMany({
    where: { countryCode, archivedAt: null },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
  const onFile = await db.complianceDocument.findMany({
    where: { customerId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
  });
  const reusable = new Map(onFile.map((d) => [d.requiredDocumentId, d]));
  return required.map((doc) => {
    const kept = reusable.get(doc.id);
    return {
      requiredDocumentId: doc.id,
      name: doc.name,
      description: doc.description,
      mandatory: doc.mandatory,
      fileId: kept?.fileId ?? null,
      reviewStatus: kept ? ("ACCEPTED" as const) : ("PENDING" as const),
      reviewComment: kept ? "Reused from the customer's compliance profile." : null,
      expiresAt: kept?.expiresAt ?? null,
      uploadedAt: kept?.acceptedAt ?? null,
    };
  });
}
