-- CreateEnum
CREATE TYPE "InvoiceLineKind" AS ENUM ('ACTIVATION', 'RENEWAL', 'USERS_ADDED', 'NUMBER_ORDER', 'USAGE_CALLS_AREA', 'USAGE_FREEPHONE', 'USAGE_SMS');

-- AlterEnum
ALTER TYPE "InvoiceStatus" ADD VALUE 'OVERDUE';

-- AlterTable
ALTER TABLE "Invoice" ALTER COLUMN "number" DROP NOT NULL;

-- AlterTable
-- Nothing wrote invoice lines before this migration. Any row there is still given values (the
-- defaults below, dropped at once, and its description as its formula) so the migration never fails.
ALTER TABLE "InvoiceLine" ADD COLUMN     "area" INTEGER,
ADD COLUMN     "countryCode" CHAR(2),
ADD COLUMN     "formula" TEXT,
ADD COLUMN     "freephoneSource" "FreephoneSource",
ADD COLUMN     "kind" "InvoiceLineKind" NOT NULL DEFAULT 'ACTIVATION',
ADD COLUMN     "pbxId" TEXT,
ADD COLUMN     "sortOrder" INTEGER NOT NULL DEFAULT 0;
UPDATE "InvoiceLine" SET "formula" = "description";
ALTER TABLE "InvoiceLine" ALTER COLUMN "formula" SET NOT NULL,
ALTER COLUMN "kind" DROP DEFAULT,
ALTER COLUMN "sortOrder" DROP DEFAULT;

-- AlterTable
ALTER TABLE "NumberOrderLine" ADD COLUMN     "invoiceId" TEXT;

-- CreateIndex
CREATE INDEX "NumberOrderLine_invoiceId_idx" ON "NumberOrderLine"("invoiceId");

-- CreateIndex
CREATE INDEX "ServiceCharge_invoiceId_idx" ON "ServiceCharge"("invoiceId");

-- AddForeignKey
ALTER TABLE "NumberOrderLine" ADD CONSTRAINT "NumberOrderLine_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE SET NULL ON UPDATE CASCADE;
