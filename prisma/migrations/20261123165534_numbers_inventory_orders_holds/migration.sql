-- CreateEnum
CREATE TYPE "NumberRangeImportStatus" AS ENUM ('PREVIEWED', 'COMMITTED', 'REFUSED');

-- CreateEnum
CREATE TYPE "PhoneNumberEventKind" AS ENUM ('IMPORTED', 'HELD', 'ORDERED', 'ASSIGNED', 'RELEASED', 'QUARANTINED', 'AVAILABLE_AGAIN', 'PORTED', 'DEFAULT_CALLER_SET', 'CNAM_REQUESTED');

-- CreateEnum
CREATE TYPE "IdempotencyState" AS ENUM ('IN_PROGRESS', 'DONE');

-- AlterEnum
ALTER TYPE "NumberStatus" ADD VALUE 'RESERVED';

-- AlterTable (R11: the default caller number becomes a reference, and existing E.164 values are carried
-- over when the PBX owns that number, and dropped otherwise since they named nothing the PBX owns)
ALTER TABLE "ClassoundService" ADD COLUMN     "defaultCallerNumberId" TEXT;
UPDATE "ClassoundService" s SET "defaultCallerNumberId" = n."id"
  FROM "PhoneNumber" n WHERE n."e164" = s."defaultCallerNumber" AND n."pbxId" = s."pbxId";
ALTER TABLE "ClassoundService" DROP COLUMN "defaultCallerNumber";

-- AlterTable
ALTER TABLE "NumberOrder" ADD COLUMN     "areaName" TEXT,
ADD COLUMN     "chargeTotal" DECIMAL(14,2) NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "PhoneNumber" ADD COLUMN     "areaName" TEXT,
ADD COLUMN     "holdId" TEXT,
ADD COLUMN     "quarantineUntil" TIMESTAMP(3),
ADD COLUMN     "rangeId" TEXT;

-- CreateTable
CREATE TABLE "NumberRange" (
    "id" TEXT NOT NULL,
    "countryCode" CHAR(2) NOT NULL,
    "type" "NumberType" NOT NULL,
    "areaName" TEXT,
    "firstE164" TEXT NOT NULL,
    "lastE164" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "importId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NumberRange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NumberRangeImport" (
    "id" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" "NumberRangeImportStatus" NOT NULL DEFAULT 'PREVIEWED',
    "rowCount" INTEGER NOT NULL,
    "acceptedCount" INTEGER NOT NULL,
    "rejectedCount" INTEGER NOT NULL,
    "numberCount" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" TIMESTAMP(3),

    CONSTRAINT "NumberRangeImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PhoneNumberEvent" (
    "id" TEXT NOT NULL,
    "phoneNumberId" TEXT NOT NULL,
    "kind" "PhoneNumberEventKind" NOT NULL,
    "actorId" TEXT,
    "partnerId" TEXT,
    "pbxId" TEXT,
    "orderId" TEXT,
    "detail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PhoneNumberEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NumberHold" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "pbxId" TEXT NOT NULL,
    "countryCode" CHAR(2) NOT NULL,
    "type" "NumberType" NOT NULL,
    "blockSize" INTEGER NOT NULL,
    "firstE164" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NumberHold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "state" "IdempotencyState" NOT NULL DEFAULT 'IN_PROGRESS',
    "responseStatus" INTEGER,
    "responseBody" JSONB,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NumberOrderLine" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPrice" DECIMAL(14,4) NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "formula" TEXT NOT NULL,

    CONSTRAINT "NumberOrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NumberRange_countryCode_type_idx" ON "NumberRange"("countryCode", "type");

-- CreateIndex
CREATE INDEX "NumberRange_importId_idx" ON "NumberRange"("importId");

-- CreateIndex
CREATE INDEX "NumberRangeImport_createdAt_idx" ON "NumberRangeImport"("createdAt");

-- CreateIndex
CREATE INDEX "PhoneNumberEvent_phoneNumberId_createdAt_idx" ON "PhoneNumberEvent"("phoneNumberId", "createdAt");

-- CreateIndex
CREATE INDEX "NumberHold_partnerId_expiresAt_idx" ON "NumberHold"("partnerId", "expiresAt");

-- CreateIndex
CREATE INDEX "NumberHold_expiresAt_idx" ON "NumberHold"("expiresAt");

-- CreateIndex
CREATE INDEX "IdempotencyRecord_expiresAt_idx" ON "IdempotencyRecord"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyRecord_partnerId_scope_key_key" ON "IdempotencyRecord"("partnerId", "scope", "key");

-- CreateIndex
CREATE INDEX "NumberOrderLine_orderId_idx" ON "NumberOrderLine"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "ClassoundService_defaultCallerNumberId_pbxId_key" ON "ClassoundService"("defaultCallerNumberId", "pbxId");

-- CreateIndex
CREATE INDEX "PhoneNumber_countryCode_type_areaName_status_e164_idx" ON "PhoneNumber"("countryCode", "type", "areaName", "status", "e164");

-- CreateIndex
CREATE INDEX "PhoneNumber_status_quarantineUntil_idx" ON "PhoneNumber"("status", "quarantineUntil");

-- CreateIndex
CREATE INDEX "PhoneNumber_holdId_idx" ON "PhoneNumber"("holdId");

-- CreateIndex
CREATE UNIQUE INDEX "PhoneNumber_id_pbxId_key" ON "PhoneNumber"("id", "pbxId");

-- AddForeignKey
ALTER TABLE "ClassoundService" ADD CONSTRAINT "ClassoundService_defaultCallerNumberId_pbxId_fkey" FOREIGN KEY ("defaultCallerNumberId", "pbxId") REFERENCES "PhoneNumber"("id", "pbxId") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "PhoneNumber" ADD CONSTRAINT "PhoneNumber_rangeId_fkey" FOREIGN KEY ("rangeId") REFERENCES "NumberRange"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhoneNumber" ADD CONSTRAINT "PhoneNumber_holdId_fkey" FOREIGN KEY ("holdId") REFERENCES "NumberHold"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NumberRange" ADD CONSTRAINT "NumberRange_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NumberRange" ADD CONSTRAINT "NumberRange_importId_fkey" FOREIGN KEY ("importId") REFERENCES "NumberRangeImport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhoneNumberEvent" ADD CONSTRAINT "PhoneNumberEvent_phoneNumberId_fkey" FOREIGN KEY ("phoneNumberId") REFERENCES "PhoneNumber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NumberHold" ADD CONSTRAINT "NumberHold_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyRecord" ADD CONSTRAINT "IdempotencyRecord_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NumberOrderLine" ADD CONSTRAINT "NumberOrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "NumberOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- R6: blocks of 1, 10 or 100 numbers only.
ALTER TABLE "NumberOrder" ADD CONSTRAINT "NumberOrder_blockSize_check" CHECK ("blockSize" IN (1, 10, 100));
ALTER TABLE "NumberHold" ADD CONSTRAINT "NumberHold_blockSize_check" CHECK ("blockSize" IN (1, 10, 100));
