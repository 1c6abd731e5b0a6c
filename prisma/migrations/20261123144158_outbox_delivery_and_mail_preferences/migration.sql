-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "html" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "messageId" TEXT,
ADD COLUMN     "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
ADD COLUMN     "toName" TEXT;

-- Rows written before this migration get their fixed Message-ID now. Those never sent are not sent
-- by the new worker on its own (they may announce long-decided requests): an admin resends them.
UPDATE "OutboxEmail" SET "messageId" = '<' || "id" || '@outbox.classound.invalid>';
UPDATE "OutboxEmail" SET "status" = CASE
  WHEN "sentAt" IS NOT NULL THEN 'SENT'::"OutboxStatus"
  ELSE 'FAILED'::"OutboxStatus" END,
  "error" = CASE WHEN "sentAt" IS NULL AND "error" IS NULL THEN 'Written before mail went through the job queue, so not sent automatically.' ELSE "error" END;
ALTER TABLE "OutboxEmail" ALTER COLUMN "messageId" SET NOT NULL;

-- CreateTable
CREATE TABLE "MailOptOut" (
    "userId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailOptOut_pkey" PRIMARY KEY ("userId","event")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEmail_messageId_key" ON "OutboxEmail"("messageId");

-- CreateIndex
CREATE INDEX "OutboxEmail_status_idx" ON "OutboxEmail"("status");

-- AddForeignKey
ALTER TABLE "MailOptOut" ADD CONSTRAINT "MailOptOut_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
