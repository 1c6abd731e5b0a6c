-- AlterTable
ALTER TABLE "ActivationDocument" ADD COLUMN     "replacedFileId" TEXT;

-- AddForeignKey
ALTER TABLE "ActivationDocument" ADD CONSTRAINT "ActivationDocument_replacedFileId_fkey" FOREIGN KEY ("replacedFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;
