// GET /api/files/<capture|document>/<id>/<warc|render|original>: a stored file for readers — only
// the archived copy or document an editor chose to show for a public source of a published
// dossier (lib/server/reader/read-public-file.ts). The session is never read: the answer is the
// same for everyone.
import { errorResponse } from "@/lib/http/errors";
import { storedFileResponse } from "@/lib/http/stored-file";
import { parseInput } from "@/lib/schemas/parse";
import { StoredFileSchema } from "@/lib/schemas/archive";
import { readPublicFile } from "@/lib/server/reader/read-public-file";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ kind: string; id: string; file: string }> }) {
  try {
    const file = await readPublicFile(parseInput(StoredFileSchema, await params));
    // Readers revalidate each time: an editor may stop showing a file, or the source become confidential.
    return storedFileResponse(file, request, "public, no-cache");
  } catch (error) {
    return errorResponse(error);
  }
}
