-- CreateTable
CREATE TABLE "ArchiveJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "dossierId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "stage" TEXT NOT NULL DEFAULT 'queued',
    "bytesReceived" INTEGER NOT NULL DEFAULT 0,
    "errorCode" TEXT,
    "error" TEXT,
    "captureId" TEXT,
    "requestedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "heartbeatAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "ArchiveJob_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArchiveJob_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArchiveJob_captureId_fkey" FOREIGN KEY ("captureId") REFERENCES "Capture" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ArchiveJob_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Capture" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "dossierId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "requestedUrl" TEXT NOT NULL,
    "finalUrl" TEXT NOT NULL,
    "httpStatus" INTEGER NOT NULL,
    "contentType" TEXT NOT NULL,
    "capturedAt" DATETIME NOT NULL,
    "sha256" TEXT NOT NULL,
    "warcSize" INTEGER NOT NULL,
    "pageTitle" TEXT,
    "text" TEXT NOT NULL,
    "textSha256" TEXT NOT NULL,
    "pageTexts" TEXT,
    "renderKind" TEXT,
    "renderSha256" TEXT,
    "renderSize" INTEGER,
    "tools" TEXT NOT NULL,
    "timestampToken" TEXT,
    "timestampAt" DATETIME,
    "timestampAuthority" TEXT,
    "timestampError" TEXT,
    "internetArchiveUrl" TEXT,
    "internetArchiveError" TEXT,
    "readerCopyAt" DATETIME,
    "readerCopyById" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Capture_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Capture_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE NO ACTION ON UPDATE CASCADE,
    CONSTRAINT "Capture_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Capture_readerCopyById_fkey" FOREIGN KEY ("readerCopyById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "dossierId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "pageTexts" TEXT,
    "pageCount" INTEGER,
    "textError" TEXT,
    "readerCopyAt" DATETIME,
    "readerCopyById" TEXT,
    "uploadedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Document_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Document_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE NO ACTION ON UPDATE CASCADE,
    CONSTRAINT "Document_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Document_readerCopyById_fkey" FOREIGN KEY ("readerCopyById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ArchiveJob_captureId_key" ON "ArchiveJob"("captureId");

-- CreateIndex
CREATE INDEX "ArchiveJob_status_createdAt_idx" ON "ArchiveJob"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ArchiveJob_sourceId_createdAt_idx" ON "ArchiveJob"("sourceId", "createdAt");

-- CreateIndex
CREATE INDEX "Capture_sourceId_capturedAt_idx" ON "Capture"("sourceId", "capturedAt");

-- CreateIndex
CREATE INDEX "Capture_dossierId_idx" ON "Capture"("dossierId");

-- CreateIndex
CREATE INDEX "Document_sourceId_createdAt_idx" ON "Document"("sourceId", "createdAt");

-- CreateIndex
CREATE INDEX "Document_dossierId_idx" ON "Document"("dossierId");
