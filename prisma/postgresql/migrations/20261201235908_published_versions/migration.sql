-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "anchorRevision" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "VerdictChange" ADD COLUMN     "checked" TEXT,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'verdict';

-- AlterTable
ALTER TABLE "PublicationEvent" ADD COLUMN     "message" TEXT,
ADD COLUMN     "versionNumber" INTEGER;

-- CreateTable
CREATE TABLE "PublishedVersion" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "format" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "claimCount" INTEGER NOT NULL,
    "note" TEXT,
    "minor" BOOLEAN NOT NULL DEFAULT false,
    "changes" TEXT NOT NULL,
    "publishedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublishedVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportedRecord" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "recordId" TEXT,

    CONSTRAINT "ImportedRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PublishedVersion_dossierId_number_key" ON "PublishedVersion"("dossierId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ImportedRecord_dossierId_kind_key_key" ON "ImportedRecord"("dossierId", "kind", "key");

-- AddForeignKey
ALTER TABLE "PublishedVersion" ADD CONSTRAINT "PublishedVersion_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedVersion" ADD CONSTRAINT "PublishedVersion_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportedRecord" ADD CONSTRAINT "ImportedRecord_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;
