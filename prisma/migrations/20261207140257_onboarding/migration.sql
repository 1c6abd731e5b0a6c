-- CreateEnum
CREATE TYPE "PbxLicensing" AS ENUM ('PER_USER', 'PER_SYSTEM');

-- CreateEnum
CREATE TYPE "PbxLicenseEventKind" AS ENUM ('REGISTERED', 'RENEWED', 'USERS_CHANGED', 'PLAN_CHANGED', 'SOFTWARE_UPDATED', 'SERVICE_CANCELLATION_REQUESTED', 'SERVICE_ENDED', 'NUMBERS_QUARANTINED');

-- CreateEnum
CREATE TYPE "ServiceChargeKind" AS ENUM ('ACTIVATION', 'RENEWAL', 'USERS_ADDED');

-- AlterEnum
ALTER TYPE "ServiceStatus" ADD VALUE 'EXPIRED';

-- AlterTable
ALTER TABLE "ClassoundService" ADD COLUMN     "cancellationRequestedAt" TIMESTAMP(3),
ADD COLUMN     "endedAt" TIMESTAMP(3),
ADD COLUMN     "numbersQuarantinedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "timeZone" TEXT;

-- AlterTable
ALTER TABLE "Pbx" ADD COLUMN     "licensing" "PbxLicensing" NOT NULL DEFAULT 'PER_USER';

-- AlterTable
ALTER TABLE "PriceList" ADD COLUMN     "publishedAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "ServiceCharge" ADD COLUMN     "kind" "ServiceChargeKind" NOT NULL DEFAULT 'ACTIVATION';

-- CreateTable
CREATE TABLE "PbxLicenseEvent" (
    "id" TEXT NOT NULL,
    "pbxId" TEXT NOT NULL,
    "kind" "PbxLicenseEventKind" NOT NULL,
    "effectiveAt" TIMESTAMP(3) NOT NULL,
    "detail" JSONB NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PbxLicenseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceExpiryNotice" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "daysBefore" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceExpiryNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PbxLicenseEvent_pbxId_effectiveAt_idx" ON "PbxLicenseEvent"("pbxId", "effectiveAt");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceExpiryNotice_serviceId_expiresAt_daysBefore_key" ON "ServiceExpiryNotice"("serviceId", "expiresAt", "daysBefore");

-- CreateIndex
CREATE INDEX "ClassoundService_status_expiresAt_idx" ON "ClassoundService"("status", "expiresAt");

-- AddForeignKey
ALTER TABLE "PbxLicenseEvent" ADD CONSTRAINT "PbxLicenseEvent_pbxId_fkey" FOREIGN KEY ("pbxId") REFERENCES "Pbx"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceExpiryNotice" ADD CONSTRAINT "ServiceExpiryNotice_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "ClassoundService"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every version stored before drafts existed was in force: published when it was created.
UPDATE "PriceList" SET "publishedAt" = "createdAt";
