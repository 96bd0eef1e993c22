import "server-only";
// A stored file for the newsroom: any capture or document of any dossier (newsroom members read
// every dossier; what identifies a confidential source is in its title, identity and notes).
import { AppError } from "@/lib/domain/errors";
import type { StoredFileInput } from "@/lib/schemas/archive";
import { requirePermission, type Actor } from "../actor";
import { loadStoredFile, resolveStoredFile, type StoredFileResponse } from "./stored-files";

export async function readStoredFile(actor: Actor, input: StoredFileInput): Promise<StoredFileResponse> {
  requirePermission(actor, "newsroom:access");
  const found = await resolveStoredFile(input, { capture: {}, document: {} });
  if (!found) throw new AppError("NOT_FOUND", "This file does not exist.");
  return loadStoredFile(found);
}
