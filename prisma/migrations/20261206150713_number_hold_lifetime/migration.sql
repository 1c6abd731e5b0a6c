-- AlterTable
ALTER TABLE "PhoneNumber" ADD COLUMN     "heldByPartnerId" TEXT,
ADD COLUMN     "heldSince" TIMESTAMP(3);
