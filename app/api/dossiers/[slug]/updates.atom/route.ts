// GET /api/dossiers/<slug>/updates.atom: the dossier's Atom feed of its publication, updates and
// corrections (docs/api.md). 404 for an unknown slug and for a draft.
import { errorResponse } from "@/lib/http/errors";
import { publicText, publishedDossierOr404 } from "@/lib/http/public-api";
import { updateFeed } from "@/lib/server/feeds/update-feed";

export async function GET(request: Request, { params }: RouteContext<"/api/dossiers/[slug]/updates.atom">) {
  try {
    const dossier = await publishedDossierOr404((await params).slug);
    return publicText(request, updateFeed([dossier], dossier), "application/atom+xml");
  } catch (e) {
    return errorResponse(e);
  }
}
