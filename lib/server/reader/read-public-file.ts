import "server-only";
// A stored file for readers: only the capture or document an editor chose to show for a public
// source of a published dossier. Anything else is NOT_FOUND (no hint that it exists).
import { AppError } from "@/lib/domain/errors";
import type { StoredFileInput } from "@/lib/schemas/archive";
import { loadStoredFile, resolveStoredFile, type StoredFileResponse } from "../archive/stored-files";

const PUBLIC = { readerCopyAt: { not: null }, dossier: { status: "published" }, source: { confidential: false } };

export async function readPublicFile(input: StoredFileInput): Promise<StoredFileResponse> {
  const found = await resolveStoredFile(input, { capture: PUBLIC, document: PUBLIC });
  if (!found) throw new AppError("NOT_FOUND", "There is no such file.");
  return loadStoredFile(found);
}
