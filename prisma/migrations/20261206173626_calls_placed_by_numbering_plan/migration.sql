-- AlterTable
ALTER TABLE "CallRecord" ADD COLUMN     "numberType" "NumberType";

-- CreateTable
CREATE TABLE "NumberPrefixPlacement" (
    "prefix" TEXT NOT NULL,
    "countryCode" CHAR(2),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NumberPrefixPlacement_pkey" PRIMARY KEY ("prefix")
);

-- Backfill (decision 0043): an inbound call is charged only when its DID is a FreePhone number of the
-- inventory, so every stored inbound call gets the type of the DID it reached. Calls with no country
-- yet are placed by placeCalls (lib/cdr/placement) the next time their month is rated.
UPDATE "CallRecord" c SET "numberType" = p.type
FROM "PhoneNumber" p
WHERE c.direction = 'INBOUND' AND p.e164 = coalesce(c."didE164", c."toE164");
