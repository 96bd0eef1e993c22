-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN "archivedAt" DATETIME;
ALTER TABLE "Dossier" ADD COLUMN "archivedById" TEXT;
ALTER TABLE "Dossier" ADD COLUMN "archiveReason" TEXT;

-- CreateIndex
CREATE INDEX "Dossier_archivedAt_idx" ON "Dossier"("archivedAt");
