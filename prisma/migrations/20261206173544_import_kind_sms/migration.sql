-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('CALLS', 'SMS');

-- AlterTable
ALTER TABLE "CdrImport" ADD COLUMN     "kind" "ImportKind" NOT NULL DEFAULT 'CALLS';
