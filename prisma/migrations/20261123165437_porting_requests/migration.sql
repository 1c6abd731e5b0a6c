-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PortingStatus" ADD VALUE 'IN_PROGRESS';
ALTER TYPE "PortingStatus" ADD VALUE 'CANCELLED';

-- AlterTable (the string array is dropped at the end, once its numbers are rows)
-- Requests that predate these fields say so instead of holding an empty string.
ALTER TABLE "PortingRequest"
ADD COLUMN     "accountHolder" TEXT NOT NULL DEFAULT 'Not recorded',
ADD COLUMN     "completedAt" TIMESTAMP(3),
ADD COLUMN     "currentOperator" TEXT NOT NULL DEFAULT 'Not recorded',
ADD COLUMN     "loaFileId" TEXT,
ADD COLUMN     "rejectionReason" TEXT,
ADD COLUMN     "requestedDate" DATE,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "PortingRequestNumber" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "e164" TEXT NOT NULL,
    "countryCode" CHAR(2) NOT NULL,
    "phoneNumberId" TEXT,

    CONSTRAINT "PortingRequestNumber_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortingEvent" (
    "id" BIGSERIAL NOT NULL,
    "requestId" TEXT NOT NULL,
    "actorId" TEXT,
    "type" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PortingEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PortingRequestNumber_e164_idx" ON "PortingRequestNumber"("e164");

-- CreateIndex
CREATE INDEX "PortingRequestNumber_phoneNumberId_idx" ON "PortingRequestNumber"("phoneNumberId");

-- CreateIndex
CREATE UNIQUE INDEX "PortingRequestNumber_requestId_e164_key" ON "PortingRequestNumber"("requestId", "e164");

-- CreateIndex
CREATE INDEX "PortingEvent_requestId_createdAt_idx" ON "PortingEvent"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "PortingRequest_pbxId_idx" ON "PortingRequest"("pbxId");

-- CreateIndex
CREATE INDEX "PortingRequest_status_createdAt_idx" ON "PortingRequest"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "PortingRequest" ADD CONSTRAINT "PortingRequest_loaFileId_fkey" FOREIGN KEY ("loaFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortingRequestNumber" ADD CONSTRAINT "PortingRequestNumber_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "PortingRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortingRequestNumber" ADD CONSTRAINT "PortingRequestNumber_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortingRequestNumber" ADD CONSTRAINT "PortingRequestNumber_phoneNumberId_fkey" FOREIGN KEY ("phoneNumberId") REFERENCES "PhoneNumber"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortingEvent" ADD CONSTRAINT "PortingEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "PortingRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing requests keep their numbers, one row each. The country is the inventory's when the number
-- is already known, else the longest matching calling code (NANP's shared "1" resolved to the
-- customer's country when it is one of them), else the customer's country.
INSERT INTO "PortingRequestNumber" ("id", "requestId", "e164", "countryCode", "phoneNumberId")
SELECT
    'c' || substr(md5(pr."id" || n.e164), 1, 24),
    pr."id",
    n.e164,
    COALESCE(
        pn."countryCode",
        (SELECT c."code" FROM "Country" c
          WHERE n.e164 LIKE '+' || c."dialCode" || '%'
          ORDER BY length(c."dialCode") DESC, (c."code" = cu."countryCode") DESC, c."code"
          LIMIT 1),
        cu."countryCode"
    ),
    pn."id"
FROM "PortingRequest" pr
JOIN "Pbx" p ON p."id" = pr."pbxId"
JOIN "Customer" cu ON cu."id" = p."customerId"
CROSS JOIN LATERAL (SELECT DISTINCT trim(x) AS e164 FROM unnest(pr."numbers") AS x WHERE trim(x) <> '') n
LEFT JOIN "PhoneNumber" pn ON pn."e164" = n.e164;

ALTER TABLE "PortingRequest" DROP COLUMN "numbers",
ALTER COLUMN "accountHolder" DROP DEFAULT,
ALTER COLUMN "currentOperator" DROP DEFAULT;
