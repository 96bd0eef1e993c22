// GET /api/dossiers/<slug>/claimreview: schema.org ClaimReview for every claim with a published
// verdict, as JSON-LD (the same objects the dossier page embeds). docs/api.md
import { errorResponse } from "@/lib/http/errors";
import { publicJson, publishedDossierOr404 } from "@/lib/http/public-api";
import { dossierClaimReviews } from "@/lib/server/reader/public-json";

export async function GET(request: Request, { params }: RouteContext<"/api/dossiers/[slug]/claimreview">) {
  try {
    const dossier = await publishedDossierOr404((await params).slug);
    return publicJson(request, dossierClaimReviews(dossier), "application/ld+json");
  } catch (e) {
    return errorResponse(e);
  }
}
