-- CreateEnum
CREATE TYPE "ApiKeyKind" AS ENUM ('PBX', 'PARTNER');

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "kind" "ApiKeyKind" NOT NULL,
    "partnerId" TEXT NOT NULL,
    "pbxId" TEXT,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "lastUsedFrom" TEXT,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiRateWindow" (
    "keyId" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ApiRateWindow_pkey" PRIMARY KEY ("keyId","windowStart")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_pbxId_idx" ON "ApiKey"("pbxId");

-- CreateIndex
CREATE INDEX "ApiKey_partnerId_kind_idx" ON "ApiKey"("partnerId", "kind");

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_pbxId_fkey" FOREIGN KEY ("pbxId") REFERENCES "Pbx"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiRateWindow" ADD CONSTRAINT "ApiRateWindow_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A PBX key names its PBX, a partner key none (issue 34: one model of key).
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_pbx_matches_kind" CHECK (("kind" = 'PBX') = ("pbxId" IS NOT NULL));

-- The PBX keys made so far move over, as they were, under their PBX's partner.
INSERT INTO "ApiKey" ("id", "kind", "partnerId", "pbxId", "name", "prefix", "hash", "createdById", "createdAt", "lastUsedAt", "revokedAt")
SELECT k."id", 'PBX', c."partnerId", k."pbxId", k."name", k."prefix", k."hash", k."createdById", k."createdAt", k."lastUsedAt", k."revokedAt"
FROM "PbxApiKey" k JOIN "Pbx" p ON p."id" = k."pbxId" JOIN "Customer" c ON c."id" = p."customerId";

-- DropForeignKey
ALTER TABLE "PbxApiKey" DROP CONSTRAINT "PbxApiKey_createdById_fkey";

-- DropForeignKey
ALTER TABLE "PbxApiKey" DROP CONSTRAINT "PbxApiKey_pbxId_fkey";

-- DropTable
DROP TABLE "PbxApiKey";
