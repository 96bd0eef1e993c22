// "Seen before" while a journalist writes a claim: claims of other dossiers like its wording.
import { handleApi } from "@/lib/http/api";
import { SimilarClaimsSchema } from "@/lib/schemas/search";
import { findSimilarClaims } from "@/lib/server/search/find-similar-claims";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  return handleApi(
    async () => ({ text: params.get("text") ?? "", dossierId: params.get("dossierId") ?? undefined }),
    SimilarClaimsSchema,
    async (actor, input) => ({ claims: await findSimilarClaims(actor, input) }),
  );
}
