-- CreateTable
CREATE TABLE "UsageAlertSetting" (
    "customerId" TEXT NOT NULL,
    "percents" INTEGER[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UsageAlertSetting_pkey" PRIMARY KEY ("customerId")
);

-- CreateTable
CREATE TABLE "UsageAlert" (
    "id" BIGSERIAL NOT NULL,
    "pbxId" TEXT NOT NULL,
    "extension" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "percent" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsageAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "UsageAlert_pbxId_extension_month_kind_percent_key" ON "UsageAlert"("pbxId", "extension", "month", "kind", "percent");

-- Written by hand: what the schema cannot say.
ALTER TABLE "UsageAlert" ADD CONSTRAINT "UsageAlert_kind_check" CHECK ("kind" IN ('MINUTES', 'SMS'));
ALTER TABLE "UsageAlert" ADD CONSTRAINT "UsageAlert_percent_check" CHECK ("percent" BETWEEN 1 AND 100);
