import "server-only";
// The record readers see (archived copies, documents), cached like every reader page's data and
// tagged with its dossier (lib/http/reader-cache.ts, docs/decisions/005), so an editor's choice
// (setReaderCopy returns the slug) shows on the next request.
import { unstable_cache } from "next/cache";
import { isAppError } from "@/lib/domain/errors";
import { getPublicArchive, type PublicArchivedCopy } from "@/lib/server/reader/get-public-archive";
import { getPublicCapture, type PublicCapture } from "@/lib/server/reader/get-public-capture";
import { READER_TAG, readerDossierTag } from "./revalidate";

export function loadPublicArchive(slug: string): Promise<Record<string, PublicArchivedCopy[]>> {
  return unstable_cache(() => getPublicArchive(slug), ["reader:archive", slug], { tags: [READER_TAG, readerDossierTag(slug)], revalidate: false })();
}

export function loadPublicCapture(slug: string, captureId: string): Promise<PublicCapture | null> {
  return unstable_cache(
    async () => {
      try {
        return await getPublicCapture(slug, captureId);
      } catch (e) {
        if (isAppError(e) && e.code === "NOT_FOUND") return null;
        throw e;
      }
    },
    ["reader:capture", slug, captureId],
    { tags: [READER_TAG, readerDossierTag(slug)], revalidate: false },
  )();
}

export const publicFilePath = (kind: "capture" | "document", id: string, file: "warc" | "render" | "original") => `/api/files/${kind}/${id}/${file}`;
