-- CreateEnum
CREATE TYPE "CallTopScopeKind" AS ENUM ('ALL', 'PARTNER', 'CUSTOMER', 'PBX');

-- CreateTable
CREATE TABLE "CallNumberMonthlyTop" (
    "id" BIGSERIAL NOT NULL,
    "month" DATE NOT NULL,
    "scopeKind" "CallTopScopeKind" NOT NULL,
    "partnerId" TEXT,
    "customerId" TEXT,
    "pbxId" TEXT,
    "direction" "CallDirection" NOT NULL,
    "allAreas" BOOLEAN NOT NULL,
    "area" INTEGER,
    "number" TEXT NOT NULL,
    "calls" INTEGER NOT NULL,
    "seconds" BIGINT NOT NULL,

    CONSTRAINT "CallNumberMonthlyTop_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CallNumberMonthlyTop_scope_idx" ON "CallNumberMonthlyTop"("month", "scopeKind", "partnerId", "customerId", "pbxId");
