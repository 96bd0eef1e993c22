import "server-only";
// What readers see of the record (docs/reader-visibility.md): for each public source of a
// published dossier, the capture and documents an editor chose to show, with their date and
// SHA-256. A confidential source's captures and documents are never selected, whatever was chosen.
import { db } from "../db";
import { publishedPublicSources } from "./get-published-dossier";

export interface PublicArchivedCopy {
  kind: "capture" | "document";
  id: string;
  /** ISO date-time: when it was captured, or uploaded. */
  at: string;
  sha256: string;
  /** The captured address (after redirects), or the document's file name. */
  label: string;
  mediaType: string;
  hasScreenshot: boolean;
}

/**
 * Public records shown to readers: chosen by an editor, of a source public in the working copy and
 * in the latest published version (`publicSourceIds`, from publishedPublicSources).
 */
export const PUBLIC_RECORD = (slug: string, publicSourceIds: Iterable<string>) => ({
  readerCopyAt: { not: null },
  dossier: { slug, status: "published" },
  source: { confidential: false },
  sourceId: { in: [...publicSourceIds] },
});

/** By source id. Empty for a draft or an unknown dossier. */
export async function getPublicArchive(slug: string): Promise<Record<string, PublicArchivedCopy[]>> {
  const ids = [...(await publishedPublicSources(slug)).keys()];
  if (ids.length === 0) return {};
  const [captures, documents] = await Promise.all([
    db.capture.findMany({
      where: PUBLIC_RECORD(slug, ids),
      orderBy: { capturedAt: "desc" },
      select: { id: true, sourceId: true, capturedAt: true, sha256: true, finalUrl: true, contentType: true, renderSha256: true },
    }),
    db.document.findMany({
      where: PUBLIC_RECORD(slug, ids),
      orderBy: { createdAt: "asc" },
      select: { id: true, sourceId: true, createdAt: true, sha256: true, filename: true, mediaType: true },
    }),
  ]);
  const out: Record<string, PublicArchivedCopy[]> = {};
  for (const c of captures) {
    (out[c.sourceId] ??= []).push({ kind: "capture", id: c.id, at: c.capturedAt.toISOString(), sha256: c.sha256, label: c.finalUrl, mediaType: c.contentType, hasScreenshot: c.renderSha256 !== null });
  }
  for (const d of documents) {
    (out[d.sourceId] ??= []).push({ kind: "document", id: d.id, at: d.createdAt.toISOString(), sha256: d.sha256, label: d.filename, mediaType: d.mediaType, hasScreenshot: false });
  }
  return out;
}
