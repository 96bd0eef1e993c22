import "server-only";
// A stored file for readers: only the capture or document an editor chose to show for a public
// source of a published dossier. Anything else is NOT_FOUND (no hint that it exists).
import { AppError } from "@/lib/domain/errors";
import type { StoredFileInput } from "@/lib/schemas/archive";
import { loadStoredFile, resolveStoredFile, type StoredFileResponse } from "../archive/stored-files";
import { db } from "../db";
import { publishedPublicSources } from "./get-published-dossier";

const PUBLIC = { readerCopyAt: { not: null }, dossier: { status: "published" }, source: { confidential: false } };

export async function readPublicFile(input: StoredFileInput): Promise<StoredFileResponse> {
  // Of a source readers see by name in the latest published version, not only in the working copy.
  const select = { sourceId: true, dossier: { select: { slug: true } } } as const;
  const owner = input.kind === "capture" ? await db.capture.findUnique({ where: { id: input.id }, select }) : await db.document.findUnique({ where: { id: input.id }, select });
  const published = owner?.sourceId ? await publishedPublicSources(owner.dossier.slug) : null;
  const found = owner?.sourceId && published?.has(owner.sourceId) ? await resolveStoredFile(input, { capture: PUBLIC, document: PUBLIC }) : null;
  if (!found) throw new AppError("NOT_FOUND", "There is no such file.");
  return loadStoredFile(found);
}
