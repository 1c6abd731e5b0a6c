-- CreateEnum
CREATE TYPE "TicketMessageKind" AS ENUM ('MESSAGE', 'EVENT');

-- AlterEnum
BEGIN;
CREATE TYPE "TicketStatus_new" AS ENUM ('OPEN', 'WAITING_FOR_PARTNER', 'WAITING_FOR_SUPPORT', 'RESOLVED', 'CLOSED');
ALTER TABLE "public"."Ticket" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "Ticket" ALTER COLUMN "status" TYPE "TicketStatus_new" USING ("status"::text::"TicketStatus_new");
ALTER TYPE "TicketStatus" RENAME TO "TicketStatus_old";
ALTER TYPE "TicketStatus_new" RENAME TO "TicketStatus";
DROP TYPE "public"."TicketStatus_old";
ALTER TABLE "Ticket" ALTER COLUMN "status" SET DEFAULT 'OPEN';
COMMIT;

-- DropIndex
DROP INDEX "Ticket_status_createdAt_idx";

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "assigneeId" TEXT,
ADD COLUMN     "callerName" TEXT,
ADD COLUMN     "countryCode" CHAR(2),
ADD COLUMN     "resolvedAt" TIMESTAMP(3),
ADD COLUMN     "resolvedById" TEXT,
ADD COLUMN     "senderName" TEXT,
ADD COLUMN     "statusChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "TicketMessage" ADD COLUMN     "fileId" TEXT,
ADD COLUMN     "kind" "TicketMessageKind" NOT NULL DEFAULT 'MESSAGE';

-- CreateTable
CREATE TABLE "TicketNumber" (
    "ticketId" TEXT NOT NULL,
    "phoneNumberId" TEXT NOT NULL,

    CONSTRAINT "TicketNumber_pkey" PRIMARY KEY ("ticketId","phoneNumberId")
);

-- CreateTable
CREATE TABLE "SenderIdRegistration" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "countryCode" CHAR(2) NOT NULL,
    "senderName" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "registeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SenderIdRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TicketNumber_phoneNumberId_idx" ON "TicketNumber"("phoneNumberId");

-- CreateIndex
CREATE UNIQUE INDEX "SenderIdRegistration_ticketId_key" ON "SenderIdRegistration"("ticketId");

-- CreateIndex
CREATE UNIQUE INDEX "SenderIdRegistration_customerId_countryCode_senderName_key" ON "SenderIdRegistration"("customerId", "countryCode", "senderName");

-- CreateIndex
CREATE INDEX "Ticket_status_statusChangedAt_idx" ON "Ticket"("status", "statusChangedAt");

-- CreateIndex
CREATE INDEX "Ticket_pbxId_idx" ON "Ticket"("pbxId");

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketNumber" ADD CONSTRAINT "TicketNumber_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketNumber" ADD CONSTRAINT "TicketNumber_phoneNumberId_fkey" FOREIGN KEY ("phoneNumberId") REFERENCES "PhoneNumber"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketMessage" ADD CONSTRAINT "TicketMessage_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SenderIdRegistration" ADD CONSTRAINT "SenderIdRegistration_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SenderIdRegistration" ADD CONSTRAINT "SenderIdRegistration_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SenderIdRegistration" ADD CONSTRAINT "SenderIdRegistration_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
