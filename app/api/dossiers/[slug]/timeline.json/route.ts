// GET /api/dossiers/<slug>/timeline.json: the dossier's timeline as TimelineJS JSON (docs/api.md).
// 404 for an unknown slug and for a draft.
import { errorResponse } from "@/lib/http/errors";
import { publicJson, publishedDossierOr404 } from "@/lib/http/public-api";
import { timelineJs } from "@/lib/server/feeds/timeline-js";

export async function GET(request: Request, { params }: RouteContext<"/api/dossiers/[slug]/timeline.json">) {
  try {
    const dossier = await publishedDossierOr404((await params).slug);
    return publicJson(request, timelineJs(dossier));
  } catch (e) {
    return errorResponse(e);
  }
}
