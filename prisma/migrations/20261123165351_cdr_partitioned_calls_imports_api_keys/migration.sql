-- CreateEnum
CREATE TYPE "CallDisposition" AS ENUM ('ANSWERED', 'BUSY', 'NO_ANSWER', 'FAILED');

-- CreateEnum
CREATE TYPE "CdrImportStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "CdrImportSource" AS ENUM ('UPLOAD', 'COMMAND', 'API');

-- AlterTable (externalId filled for the rows already there before it becomes required)
ALTER TABLE "SmsRecord" ADD COLUMN     "endUserCost" DECIMAL(14,5),
ADD COLUMN     "extension" TEXT,
ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "ratedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CdrImport" (
    "id" TEXT NOT NULL,
    "source" "CdrImportSource" NOT NULL,
    "fileName" TEXT NOT NULL,
    "storageKey" TEXT,
    "pbxId" TEXT,
    "createdById" TEXT,
    "status" "CdrImportStatus" NOT NULL DEFAULT 'QUEUED',
    "rowsRead" INTEGER NOT NULL DEFAULT 0,
    "rowsStored" INTEGER NOT NULL DEFAULT 0,
    "rowsDuplicate" INTEGER NOT NULL DEFAULT 0,
    "rowsRefused" INTEGER NOT NULL DEFAULT 0,
    "committedLine" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "CdrImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CdrImportRefusal" (
    "id" BIGSERIAL NOT NULL,
    "importId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "reasons" TEXT NOT NULL,
    "raw" TEXT NOT NULL,

    CONSTRAINT "CdrImportRefusal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PbxApiKey" (
    "id" TEXT NOT NULL,
    "pbxId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "PbxApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CdrImport_createdAt_idx" ON "CdrImport"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CdrImportRefusal_importId_line_key" ON "CdrImportRefusal"("importId", "line");

-- CreateIndex
CREATE UNIQUE INDEX "PbxApiKey_hash_key" ON "PbxApiKey"("hash");

-- CreateIndex
CREATE INDEX "PbxApiKey_pbxId_idx" ON "PbxApiKey"("pbxId");

-- CreateIndex
CREATE UNIQUE INDEX "SmsRecord_pbxId_externalId_key" ON "SmsRecord"("pbxId", "externalId");

-- AddForeignKey
ALTER TABLE "CdrImport" ADD CONSTRAINT "CdrImport_pbxId_fkey" FOREIGN KEY ("pbxId") REFERENCES "Pbx"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CdrImport" ADD CONSTRAINT "CdrImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CdrImportRefusal" ADD CONSTRAINT "CdrImportRefusal_importId_fkey" FOREIGN KEY ("importId") REFERENCES "CdrImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PbxApiKey" ADD CONSTRAINT "PbxApiKey_pbxId_fkey" FOREIGN KEY ("pbxId") REFERENCES "Pbx"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PbxApiKey" ADD CONSTRAINT "PbxApiKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ───────────── CallRecord rebuilt as a table partitioned by month (docs/decisions/0013) ─────────────
-- Prisma cannot state partitioning. The parent keeps exactly the columns, keys and indexes of the
-- Prisma model. The partitions live in the schema "cdr_partitions", which Prisma neither reads nor
-- manages: lib/cdr/partitions.ts creates one per month ahead (a pg-boss job, the import, the seed)
-- and moves rows out of the DEFAULT partition into it. The migration runner splits scripts at every
-- semicolon, so no semicolon may appear inside a statement or a comment here (no plpgsql).

ALTER TABLE "CallRecord" RENAME TO "CallRecord_unpartitioned";
ALTER TABLE "CallRecord_unpartitioned" DROP CONSTRAINT "CallRecord_partnerId_fkey",
  DROP CONSTRAINT "CallRecord_customerId_fkey",
  DROP CONSTRAINT "CallRecord_pbxId_fkey";
ALTER TABLE "CallRecord_unpartitioned" RENAME CONSTRAINT "CallRecord_pkey" TO "CallRecord_unpartitioned_pkey";
DROP INDEX "CallRecord_pbxId_startedAt_idx";
DROP INDEX "CallRecord_customerId_startedAt_idx";
DROP INDEX "CallRecord_partnerId_startedAt_idx";
-- The ids keep counting from where they were.
ALTER SEQUENCE "CallRecord_id_seq" OWNED BY NONE;

CREATE TABLE "CallRecord" (
    "id" BIGINT NOT NULL DEFAULT nextval('"CallRecord_id_seq"'),
    "partnerId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "pbxId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "direction" "CallDirection" NOT NULL,
    "fromE164" TEXT NOT NULL,
    "toE164" TEXT NOT NULL,
    "extension" TEXT,
    "didE164" TEXT,
    "countryCode" CHAR(2),
    "area" INTEGER,
    "freephoneSource" "FreephoneSource",
    "startedAt" TIMESTAMP(3) NOT NULL,
    "answeredAt" TIMESTAMP(3),
    "durationSeconds" INTEGER NOT NULL,
    "disposition" "CallDisposition" NOT NULL DEFAULT 'ANSWERED',
    "billedSeconds" INTEGER NOT NULL DEFAULT 0,
    "cost" DECIMAL(14,5) NOT NULL,
    "endUserCost" DECIMAL(14,5),
    "currency" CHAR(3) NOT NULL,
    "priceListId" TEXT,
    "ratedAt" TIMESTAMP(3),

    CONSTRAINT "CallRecord_pkey" PRIMARY KEY ("id", "startedAt"),
    -- R14: a call lasts at most four hours.
    CONSTRAINT "CallRecord_duration_0_to_4h" CHECK ("durationSeconds" BETWEEN 0 AND 14400),
    CONSTRAINT "CallRecord_billed_within_duration" CHECK ("billedSeconds" BETWEEN 0 AND "durationSeconds"),
    CONSTRAINT "CallRecord_area_1_to_6" CHECK ("area" BETWEEN 1 AND 6),
    CONSTRAINT "CallRecord_answered_after_start" CHECK ("answeredAt" >= "startedAt")
) PARTITION BY RANGE ("startedAt");
ALTER SEQUENCE "CallRecord_id_seq" OWNED BY "CallRecord"."id";

CREATE UNIQUE INDEX "CallRecord_pbxId_externalId_startedAt_key" ON "CallRecord"("pbxId", "externalId", "startedAt");
CREATE INDEX "CallRecord_pbxId_startedAt_idx" ON "CallRecord"("pbxId", "startedAt");
CREATE INDEX "CallRecord_customerId_startedAt_idx" ON "CallRecord"("customerId", "startedAt");
CREATE INDEX "CallRecord_partnerId_startedAt_idx" ON "CallRecord"("partnerId", "startedAt");

CREATE SCHEMA IF NOT EXISTS cdr_partitions;
-- Catches a call outside every monthly partition instead of refusing it (the old rows land here
-- first). Creating a month's partition moves its rows out of it.
CREATE TABLE cdr_partitions."CallRecord_default" PARTITION OF "CallRecord" DEFAULT;

-- Backfill: the old rows had no call id, no user and no disposition. Their id becomes the call id,
-- outgoing calls are spread over the PBX's users as extensions 100, 101, ... (R5 counts per user),
-- an incoming call's DID is the number it called.
INSERT INTO "CallRecord" ("id", "partnerId", "customerId", "pbxId", "externalId", "direction", "fromE164", "toE164",
  "extension", "didE164", "countryCode", "area", "freephoneSource", "startedAt", "answeredAt", "durationSeconds",
  "disposition", "billedSeconds", "cost", "currency")
SELECT c."id", c."partnerId", c."customerId", c."pbxId", 'legacy-' || c."id", c."direction", c."fromE164", c."toE164",
  CASE WHEN c."direction" = 'OUTBOUND' THEN (100 + c."id" % GREATEST(1, COALESCE(u.users, 1)))::text END,
  CASE WHEN c."direction" = 'INBOUND' THEN c."toE164" END,
  c."countryCode", c."area", c."freephoneSource", c."startedAt",
  CASE WHEN c."durationSeconds" > 0 THEN c."startedAt" END,
  LEAST(c."durationSeconds", 14400),
  CASE WHEN c."durationSeconds" > 0 THEN 'ANSWERED'::"CallDisposition" ELSE 'NO_ANSWER'::"CallDisposition" END,
  LEAST(c."billedSeconds", c."durationSeconds", 14400), c."cost", c."currency"
FROM "CallRecord_unpartitioned" c
LEFT JOIN (SELECT "pbxId", sum("quantity")::bigint AS users FROM "PbxLicense" GROUP BY "pbxId") u ON u."pbxId" = c."pbxId";
DROP TABLE "CallRecord_unpartitioned";

ALTER TABLE "CallRecord" ADD CONSTRAINT "CallRecord_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CallRecord" ADD CONSTRAINT "CallRecord_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "CallRecord" ADD CONSTRAINT "CallRecord_pbxId_fkey" FOREIGN KEY ("pbxId") REFERENCES "Pbx"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- SMS: the same backfill, then the message id is required.
UPDATE "SmsRecord" s SET "externalId" = 'legacy-' || s."id",
  "extension" = CASE WHEN s."direction" = 'OUTBOUND' THEN (100 + s."id" % GREATEST(1, COALESCE(
    (SELECT sum(l."quantity") FROM "PbxLicense" l WHERE l."pbxId" = s."pbxId"), 1)))::text END;
ALTER TABLE "SmsRecord" ALTER COLUMN "externalId" SET NOT NULL;

ALTER TABLE "CdrImport" ADD CONSTRAINT "CdrImport_counts_not_negative"
  CHECK ("rowsRead" >= 0 AND "rowsStored" >= 0 AND "rowsDuplicate" >= 0 AND "rowsRefused" >= 0 AND "committedLine" >= 0);
