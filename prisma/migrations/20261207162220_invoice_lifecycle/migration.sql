-- CreateEnum
CREATE TYPE "DocumentSeries" AS ENUM ('INVOICE', 'CREDIT_NOTE');

-- CreateEnum
CREATE TYPE "PaymentSource" AS ENUM ('MANUAL', 'CSV_IMPORT');

-- CreateEnum
CREATE TYPE "ResaleBasis" AS ENUM ('END_USER_LIST', 'PURCHASE_MARKUP', 'END_USER_MARKUP');

-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "billedTo" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "dueAt" TIMESTAMP(3),
ADD COLUMN     "net" DECIMAL(14,2) NOT NULL DEFAULT 0,
ADD COLUMN     "paidAt" TIMESTAMP(3),
ADD COLUMN     "reverseCharge" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "vatAmount" DECIMAL(14,2) NOT NULL DEFAULT 0,
ADD COLUMN     "vatNote" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "vatRate" DECIMAL(5,2) NOT NULL DEFAULT 0;

-- Drafts of the first slice had no VAT: their net is their total.
UPDATE "Invoice" SET "net" = "total";
ALTER TABLE "Invoice" ALTER COLUMN "net" DROP DEFAULT;

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "attachments" JSONB;

-- CreateTable
CREATE TABLE "DocumentNumberSeries" (
    "series" "DocumentSeries" NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "DocumentNumberSeries_pkey" PRIMARY KEY ("series","year")
);

-- CreateTable
CREATE TABLE "CreditNote" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "net" DECIMAL(14,2) NOT NULL,
    "vatAmount" DECIMAL(14,2) NOT NULL,
    "total" DECIMAL(14,2) NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,

    CONSTRAINT "CreditNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoicePayment" (
    "id" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "paidOn" DATE NOT NULL,
    "reference" TEXT NOT NULL,
    "source" "PaymentSource" NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvoicePayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResalePricing" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "customerId" TEXT,
    "basis" "ResaleBasis" NOT NULL,
    "markupPercent" DECIMAL(6,2) NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResalePricing_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CreditNote_number_key" ON "CreditNote"("number");

-- CreateIndex
CREATE INDEX "CreditNote_invoiceId_idx" ON "CreditNote"("invoiceId");

-- CreateIndex
CREATE INDEX "CreditNote_partnerId_issuedAt_idx" ON "CreditNote"("partnerId", "issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "InvoicePayment_invoiceId_reference_key" ON "InvoicePayment"("invoiceId", "reference");

-- CreateIndex
CREATE INDEX "ResalePricing_partnerId_idx" ON "ResalePricing"("partnerId");

-- CreateIndex
CREATE INDEX "Invoice_status_dueAt_idx" ON "Invoice"("status", "dueAt");

-- AddForeignKey
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoicePayment" ADD CONSTRAINT "InvoicePayment_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoicePayment" ADD CONSTRAINT "InvoicePayment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResalePricing" ADD CONSTRAINT "ResalePricing_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResalePricing" ADD CONSTRAINT "ResalePricing_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One rule per partner for all its customers (customerId null) and one per customer.
CREATE UNIQUE INDEX "ResalePricing_partnerId_customerId_key" ON "ResalePricing"("partnerId", "customerId") NULLS NOT DISTINCT;

-- An issued invoice never changes (R9, issue 33): after DRAFT only its status may move on
-- (ISSUED to PAID or OVERDUE, OVERDUE to PAID) with paidAt, it is never deleted, its lines never change,
-- and what it billed stays billed by it. Corrections are credit notes.
CREATE FUNCTION classound_invoice_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."status" <> 'DRAFT' THEN
      RAISE EXCEPTION 'invoice % is issued and cannot be deleted', OLD."number" USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."status" <> 'DRAFT' AND (
       NEW."number" IS DISTINCT FROM OLD."number" OR NEW."partnerId" <> OLD."partnerId"
       OR NEW."periodStart" <> OLD."periodStart" OR NEW."periodEnd" <> OLD."periodEnd"
       OR NEW."currency" <> OLD."currency" OR NEW."net" <> OLD."net" OR NEW."vatRate" <> OLD."vatRate"
       OR NEW."vatAmount" <> OLD."vatAmount" OR NEW."vatNote" <> OLD."vatNote"
       OR NEW."reverseCharge" <> OLD."reverseCharge" OR NEW."total" <> OLD."total"
       OR NEW."billedTo" <> OLD."billedTo" OR NEW."issuedAt" IS DISTINCT FROM OLD."issuedAt"
       OR NEW."dueAt" IS DISTINCT FROM OLD."dueAt"
       OR NOT ((OLD."status", NEW."status") IN (('ISSUED', 'ISSUED'), ('ISSUED', 'PAID'), ('ISSUED', 'OVERDUE'),
                                                ('OVERDUE', 'OVERDUE'), ('OVERDUE', 'PAID'), ('PAID', 'PAID')))
       OR (OLD."status" = 'PAID' AND NEW."paidAt" IS DISTINCT FROM OLD."paidAt")) THEN
    RAISE EXCEPTION 'invoice % is issued: only its payment status may change', OLD."number" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Invoice_immutable_once_issued" BEFORE UPDATE OR DELETE ON "Invoice"
  FOR EACH ROW EXECUTE FUNCTION classound_invoice_immutable();

CREATE FUNCTION classound_invoice_part_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched TEXT[];
BEGIN
  IF TG_TABLE_NAME = 'InvoiceLine' THEN
    touched := ARRAY[CASE WHEN TG_OP <> 'INSERT' THEN OLD."invoiceId" END, CASE WHEN TG_OP <> 'DELETE' THEN NEW."invoiceId" END];
  ELSIF NEW."invoiceId" IS DISTINCT FROM OLD."invoiceId" THEN
    touched := ARRAY[OLD."invoiceId", NEW."invoiceId"];
  ELSE
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM "Invoice" WHERE "id" = ANY(touched) AND "status" <> 'DRAFT') THEN
    RAISE EXCEPTION '% of an issued invoice cannot change', TG_TABLE_NAME USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER "InvoiceLine_immutable_once_issued" BEFORE INSERT OR UPDATE OR DELETE ON "InvoiceLine"
  FOR EACH ROW EXECUTE FUNCTION classound_invoice_part_immutable();
CREATE TRIGGER "ServiceCharge_invoice_immutable_once_issued" BEFORE UPDATE OF "invoiceId" ON "ServiceCharge"
  FOR EACH ROW EXECUTE FUNCTION classound_invoice_part_immutable();
CREATE TRIGGER "NumberOrderLine_invoice_immutable_once_issued" BEFORE UPDATE OF "invoiceId" ON "NumberOrderLine"
  FOR EACH ROW EXECUTE FUNCTION classound_invoice_part_immutable();
