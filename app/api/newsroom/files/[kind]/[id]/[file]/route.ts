// GET /api/newsroom/files/<capture|document>/<id>/<warc|render|original>: a stored file for the
// newsroom (signed-in members only; 401 otherwise).
import { AppError } from "@/lib/domain/errors";
import { errorResponse } from "@/lib/http/errors";
import { storedFileResponse } from "@/lib/http/stored-file";
import { parseInput } from "@/lib/schemas/parse";
import { StoredFileSchema } from "@/lib/schemas/archive";
import { readStoredFile } from "@/lib/server/archive/read-stored-file";
import { getActor } from "@/lib/server/auth/get-actor";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ kind: string; id: string; file: string }> }) {
  try {
    const actor = await getActor();
    if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    const file = await readStoredFile(actor, parseInput(StoredFileSchema, await params));
    return storedFileResponse(file, request, "private, no-store");
  } catch (error) {
    return errorResponse(error);
  }
}
