import "server-only";
// One archived copy as readers read it, served by Dossier: the capture's readable text (as plain
// text, never the archived HTML), its date, addresses, HTTP status and SHA-256. Only a capture an
// editor chose for a public source of a published dossier exists for readers; anything else is
// NOT_FOUND, exactly like a capture that does not exist.
import { AppError } from "@/lib/domain/errors";
import { db } from "../db";
import { PUBLIC_RECORD } from "./get-public-archive";
import { publishedPublicSources } from "./get-published-dossier";

export interface PublicCapture {
  id: string;
  sourceId: string;
  sourceTitle: string;
  /** The source's citation number in the dossier. */
  sourceNumber: number;
  capturedAt: string;
  requestedUrl: string;
  finalUrl: string;
  httpStatus: number;
  contentType: string;
  sha256: string;
  pageTitle: string | null;
  text: string;
  hasScreenshot: boolean;
  screenshotKind: string | null;
  timestampAt: string | null;
  internetArchiveUrl: string | null;
}

export async function getPublicCapture(slug: string, captureId: string): Promise<PublicCapture> {
  const published = await publishedPublicSources(slug);
  const c = await db.capture.findFirst({
    where: { id: captureId, ...PUBLIC_RECORD(slug, published.keys()) },
    select: {
      id: true,
      sourceId: true,
      capturedAt: true,
      requestedUrl: true,
      finalUrl: true,
      httpStatus: true,
      contentType: true,
      sha256: true,
      pageTitle: true,
      text: true,
      renderSha256: true,
      renderKind: true,
      timestampAt: true,
      internetArchiveUrl: true,
    },
  });
  if (!c) throw new AppError("NOT_FOUND", "There is no such archived copy.");
  // The source as readers know it: its title and number in the published version.
  const source = published.get(c.sourceId)!;
  return {
    id: c.id,
    sourceId: c.sourceId,
    sourceTitle: source.title,
    sourceNumber: source.number,
    capturedAt: c.capturedAt.toISOString(),
    requestedUrl: c.requestedUrl,
    finalUrl: c.finalUrl,
    httpStatus: c.httpStatus,
    contentType: c.contentType,
    sha256: c.sha256,
    pageTitle: c.pageTitle,
    text: c.text,
    hasScreenshot: c.renderSha256 !== null,
    screenshotKind: c.renderKind,
    timestampAt: c.timestampAt?.toISOString() ?? null,
    internetArchiveUrl: c.internetArchiveUrl,
  };
}
