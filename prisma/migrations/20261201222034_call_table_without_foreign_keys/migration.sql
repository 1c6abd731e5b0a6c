-- The call table without foreign keys and with one index fewer (docs/decisions/0026): the import
-- resolves partner, customer and PBX from the PBX serial itself, and the three RI checks per row
-- were a large part of the import's cost. The call-id unique index now leads with (pbxId,
-- startedAt), so it also serves a PBX's calls by time and the (pbxId, startedAt) index goes.

-- DropForeignKey
ALTER TABLE "CallRecord" DROP CONSTRAINT "CallRecord_customerId_fkey";

-- DropForeignKey
ALTER TABLE "CallRecord" DROP CONSTRAINT "CallRecord_partnerId_fkey";

-- DropForeignKey
ALTER TABLE "CallRecord" DROP CONSTRAINT "CallRecord_pbxId_fkey";

-- DropIndex
DROP INDEX "CallRecord_pbxId_externalId_startedAt_key";

-- DropIndex
DROP INDEX "CallRecord_pbxId_startedAt_idx";

-- CreateIndex
CREATE UNIQUE INDEX "CallRecord_pbxId_startedAt_externalId_key" ON "CallRecord"("pbxId", "startedAt", "externalId");
