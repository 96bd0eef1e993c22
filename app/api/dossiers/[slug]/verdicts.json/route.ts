// GET /api/dossiers/<slug>/verdicts.json: the dossier's JSON Feed 1.1 of published verdicts with
// their history and corrections (docs/api.md). 404 for an unknown slug and for a draft.
import { errorResponse } from "@/lib/http/errors";
import { publicJson, publishedDossierOr404 } from "@/lib/http/public-api";
import { verdictFeed } from "@/lib/server/feeds/verdict-feed";

export async function GET(request: Request, { params }: RouteContext<"/api/dossiers/[slug]/verdicts.json">) {
  try {
    const dossier = await publishedDossierOr404((await params).slug);
    return publicJson(request, verdictFeed([dossier], dossier), "application/feed+json");
  } catch (e) {
    return errorResponse(e);
  }
}
