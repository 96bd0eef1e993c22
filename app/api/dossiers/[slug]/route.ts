// GET /api/dossiers/<slug>: the public dossier as JSON, under the reader's visibility rules
// (a draft is a 404, a confidential source is its description only). docs/api.md
import { errorResponse } from "@/lib/http/errors";
import { publicJson, publishedDossierOr404 } from "@/lib/http/public-api";
import { publicDossierJson } from "@/lib/server/reader/public-json";

export async function GET(request: Request, { params }: RouteContext<"/api/dossiers/[slug]">) {
  try {
    const dossier = await publishedDossierOr404((await params).slug);
    return publicJson(request, publicDossierJson(dossier));
  } catch (e) {
    return errorResponse(e);
  }
}
