// GET /api/newsroom/dossiers/<id>/export[?confidential=1][&files=0]: the dossier's export as a .zip
// (docs/content-format.md, "Exports"), for any signed-in member; with confidential=1 only for a
// role that may read confidential identities (403 otherwise). 401 for anonymous callers.
import { contentDisposition } from "@/lib/domain/archive";
import { AppError } from "@/lib/domain/errors";
import { errorResponse } from "@/lib/http/errors";
import { ExportDossierSchema } from "@/lib/schemas/export";
import { parseInput } from "@/lib/schemas/parse";
import { getActor } from "@/lib/server/auth/get-actor";
import { exportDossier } from "@/lib/server/export/export-dossier";
import { exportFileName, zipExport } from "@/lib/server/export/zip-export";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ dossierId: string }> }) {
  try {
    const actor = await getActor();
    if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
    const query = new URL(request.url).searchParams;
    const input = parseInput(ExportDossierSchema, { dossierId: (await params).dossierId, includeConfidential: query.get("confidential") ?? undefined, includeFiles: query.get("files") ?? undefined });
    const result = await exportDossier(actor, input);
    const zip = await zipExport(result);
    return new Response(Buffer.from(zip), {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": contentDisposition("attachment", exportFileName(result)),
        "Content-Length": String(zip.byteLength),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "X-Dossier-Export-Confidential": result.containsConfidential ? "yes" : "no",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
