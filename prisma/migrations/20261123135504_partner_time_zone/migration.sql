-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'Europe/Berlin';
