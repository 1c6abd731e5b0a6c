-- CreateEnum
CREATE TYPE "ExpensiveWorkKind" AS ENUM ('RANKING', 'EXPORT', 'IMPORT');

-- CreateTable
CREATE TABLE "ExpensiveWorkStart" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "ExpensiveWorkKind" NOT NULL,
    "workKey" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExpensiveWorkStart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "id" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "beatAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExpensiveWorkStart_userId_kind_startedAt_idx" ON "ExpensiveWorkStart"("userId", "kind", "startedAt");

-- CreateIndex
CREATE INDEX "ExpensiveWorkStart_kind_workKey_idx" ON "ExpensiveWorkStart"("kind", "workKey");

-- CreateIndex
CREATE INDEX "WorkerHeartbeat_beatAt_idx" ON "WorkerHeartbeat"("beatAt");
