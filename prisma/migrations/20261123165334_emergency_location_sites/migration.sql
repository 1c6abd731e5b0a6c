-- R13: EmergencyLocation becomes a reusable site with its own tenant keys, each number
-- points to one site and carries its registration status, every change is kept in a history table.
-- Existing per-number rows are kept: each becomes a site of the customer of its number, assigned to that
-- number (status PENDING: entered, awaiting registration by the operator), with a first history row.

-- CreateEnum
CREATE TYPE "EmergencyStatus" AS ENUM ('NO_LOCATION', 'PENDING', 'ACTIVE', 'CHANGES_REQUIRED');

-- AlterTable
ALTER TABLE "PhoneNumber" ADD COLUMN     "emergencyLocationId" TEXT,
ADD COLUMN     "emergencyStatus" "EmergencyStatus" NOT NULL DEFAULT 'NO_LOCATION',
ADD COLUMN     "emergencyStatusAt" TIMESTAMP(3),
ADD COLUMN     "emergencyStatusReason" TEXT;

ALTER TABLE "EmergencyLocation" ADD COLUMN     "building" TEXT,
ADD COLUMN     "callbackNumber" TEXT,
ADD COLUMN     "customerId" TEXT,
ADD COLUMN     "name" TEXT,
ADD COLUMN     "partnerId" TEXT,
ADD COLUMN     "region" TEXT;

-- CreateTable
CREATE TABLE "EmergencyLocationChange" (
    "id" TEXT NOT NULL,
    "phoneNumberId" TEXT NOT NULL,
    "changedById" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "oldLocation" JSONB,
    "newLocation" JSONB,
    "oldStatus" "EmergencyStatus" NOT NULL,
    "newStatus" "EmergencyStatus" NOT NULL,
    "reason" TEXT,

    CONSTRAINT "EmergencyLocationChange_pkey" PRIMARY KEY ("id")
);

-- Backfill: the tenant keys come from the the number PBX, the name must be unique per customer.
UPDATE "EmergencyLocation" l
SET "partnerId" = c."partnerId",
    "customerId" = c."id",
    "name" = l."street" || ' ' || l."houseNumber" || ', ' || l."city" || ' (' || n."e164" || ')'
FROM "PhoneNumber" n
JOIN "Pbx" p ON p."id" = n."pbxId"
JOIN "Customer" c ON c."id" = p."customerId"
WHERE n."id" = l."phoneNumberId";

UPDATE "PhoneNumber" n
SET "emergencyLocationId" = l."id", "emergencyStatus" = 'PENDING', "emergencyStatusAt" = l."updatedAt"
FROM "EmergencyLocation" l
WHERE l."phoneNumberId" = n."id" AND l."customerId" IS NOT NULL;

-- Every old row goes into the history, including those of numbers on no PBX any more (which have
-- no customer to own a site, so they are not carried over as sites).
INSERT INTO "EmergencyLocationChange" ("id", "phoneNumberId", "changedById", "changedAt", "oldLocation", "newLocation", "oldStatus", "newStatus")
SELECT 'mig' || md5(l."id"), l."phoneNumberId", u."id", l."updatedAt", NULL,
       jsonb_build_object('street', l."street", 'houseNumber', l."houseNumber", 'postcode', l."postcode", 'city', l."city",
                          'countryCode', l."countryCode", 'floor', l."floor", 'room', l."room",
                          'latitude', l."latitude"::text, 'longitude', l."longitude"::text),
       'NO_LOCATION', CASE WHEN l."customerId" IS NULL THEN 'NO_LOCATION'::"EmergencyStatus" ELSE 'PENDING'::"EmergencyStatus" END
FROM "EmergencyLocation" l
LEFT JOIN "User" u ON u."id" = l."updatedById";

DELETE FROM "EmergencyLocation" WHERE "customerId" IS NULL;

ALTER TABLE "EmergencyLocation" ALTER COLUMN "customerId" SET NOT NULL,
ALTER COLUMN "name" SET NOT NULL,
ALTER COLUMN "partnerId" SET NOT NULL;

-- DropForeignKey
ALTER TABLE "EmergencyLocation" DROP CONSTRAINT "EmergencyLocation_phoneNumberId_fkey";

-- DropIndex
DROP INDEX "EmergencyLocation_phoneNumberId_key";

-- The regime follows from the country (Country.emergencyRegime).
ALTER TABLE "EmergencyLocation" DROP COLUMN "phoneNumberId",
DROP COLUMN "regime";

-- CreateIndex
CREATE INDEX "EmergencyLocationChange_phoneNumberId_changedAt_idx" ON "EmergencyLocationChange"("phoneNumberId", "changedAt");

-- CreateIndex
CREATE INDEX "EmergencyLocation_partnerId_idx" ON "EmergencyLocation"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "EmergencyLocation_customerId_name_key" ON "EmergencyLocation"("customerId", "name");

-- CreateIndex
CREATE INDEX "PhoneNumber_emergencyLocationId_idx" ON "PhoneNumber"("emergencyLocationId");

-- CreateIndex
CREATE INDEX "PhoneNumber_emergencyStatus_idx" ON "PhoneNumber"("emergencyStatus");

-- AddForeignKey
ALTER TABLE "PhoneNumber" ADD CONSTRAINT "PhoneNumber_emergencyLocationId_fkey" FOREIGN KEY ("emergencyLocationId") REFERENCES "EmergencyLocation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmergencyLocation" ADD CONSTRAINT "EmergencyLocation_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmergencyLocation" ADD CONSTRAINT "EmergencyLocation_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmergencyLocationChange" ADD CONSTRAINT "EmergencyLocationChange_phoneNumberId_fkey" FOREIGN KEY ("phoneNumberId") REFERENCES "PhoneNumber"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmergencyLocationChange" ADD CONSTRAINT "EmergencyLocationChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
