-- CreateTable
CREATE TABLE "CallDailyRollup" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "partnerId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "pbxId" TEXT NOT NULL,
    "direction" "CallDirection" NOT NULL,
    "area" INTEGER,
    "countryCode" CHAR(2),
    "currency" CHAR(3) NOT NULL,
    "calls" INTEGER NOT NULL,
    "answeredCalls" INTEGER NOT NULL,
    "seconds" BIGINT NOT NULL,
    "answeredSeconds" BIGINT NOT NULL,
    "billedSeconds" BIGINT NOT NULL,
    "cost" DECIMAL(18,5) NOT NULL,

    CONSTRAINT "CallDailyRollup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallHourlyRollup" (
    "id" BIGSERIAL NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "partnerId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "pbxId" TEXT NOT NULL,
    "direction" "CallDirection" NOT NULL,
    "area" INTEGER,
    "calls" INTEGER NOT NULL,

    CONSTRAINT "CallHourlyRollup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallNumberDailyRollup" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "partnerId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "pbxId" TEXT NOT NULL,
    "direction" "CallDirection" NOT NULL,
    "area" INTEGER,
    "number" TEXT NOT NULL,
    "calls" INTEGER NOT NULL,
    "seconds" BIGINT NOT NULL,

    CONSTRAINT "CallNumberDailyRollup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallUserDailyRollup" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,
    "partnerId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "pbxId" TEXT NOT NULL,
    "extension" TEXT NOT NULL,
    "area1Seconds" BIGINT NOT NULL,
    "smsSent" INTEGER NOT NULL,

    CONSTRAINT "CallUserDailyRollup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CallDailyRollup_partnerId_day_idx" ON "CallDailyRollup"("partnerId", "day");

-- CreateIndex
CREATE INDEX "CallDailyRollup_customerId_day_idx" ON "CallDailyRollup"("customerId", "day");

-- CreateIndex
CREATE INDEX "CallDailyRollup_pbxId_day_idx" ON "CallDailyRollup"("pbxId", "day");

-- CreateIndex
CREATE INDEX "CallDailyRollup_day_idx" ON "CallDailyRollup"("day");

-- CreateIndex
CREATE INDEX "CallHourlyRollup_partnerId_hour_idx" ON "CallHourlyRollup"("partnerId", "hour");

-- CreateIndex
CREATE INDEX "CallHourlyRollup_customerId_hour_idx" ON "CallHourlyRollup"("customerId", "hour");

-- CreateIndex
CREATE INDEX "CallHourlyRollup_pbxId_hour_idx" ON "CallHourlyRollup"("pbxId", "hour");

-- CreateIndex
CREATE INDEX "CallHourlyRollup_hour_idx" ON "CallHourlyRollup"("hour");

-- CreateIndex
CREATE INDEX "CallNumberDailyRollup_partnerId_day_idx" ON "CallNumberDailyRollup"("partnerId", "day");

-- CreateIndex
CREATE INDEX "CallNumberDailyRollup_customerId_day_idx" ON "CallNumberDailyRollup"("customerId", "day");

-- CreateIndex
CREATE INDEX "CallNumberDailyRollup_pbxId_day_idx" ON "CallNumberDailyRollup"("pbxId", "day");

-- CreateIndex
CREATE INDEX "CallNumberDailyRollup_day_idx" ON "CallNumberDailyRollup"("day");

-- CreateIndex
CREATE INDEX "CallUserDailyRollup_partnerId_day_idx" ON "CallUserDailyRollup"("partnerId", "day");

-- CreateIndex
CREATE INDEX "CallUserDailyRollup_customerId_day_idx" ON "CallUserDailyRollup"("customerId", "day");

-- CreateIndex
CREATE INDEX "CallUserDailyRollup_pbxId_day_idx" ON "CallUserDailyRollup"("pbxId", "day");

-- CreateIndex
CREATE INDEX "CallUserDailyRollup_day_idx" ON "CallUserDailyRollup"("day");
