// GET /api/dossiers/<slug>/claimreview: schema.org ClaimReview for every claim with a published
// verdict, as JSON-LD (the same objects the dossier page embeds). docs/api.md
import { errorResponse } from "@/lib/http/errors";
import { PUBLIC_API_HEADERS, publishedDossierOr404 } from "@/lib/http/public-api";
import { dossierClaimReviews } from "@/lib/server/reader/public-json";

export async function GET(_request: Request, { params }: RouteContext<"/api/dossiers/[slug]/claimreview">) {
  try {
    const dossier = await publishedDossierOr404((await params).slug);
    return new Response(JSON.stringify(dossierClaimReviews(dossier)), {
      headers: { ...PUBLIC_API_HEADERS, "Content-Type": "application/ld+json; charset=utf-8" },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
