// GET /api/feeds/verdicts.json: the newsroom's JSON Feed 1.1 of published verdicts (docs/api.md).
// Public, read-only, cached like the reader JSON; built only from the latest published versions.
import { errorResponse } from "@/lib/http/errors";
import { allPublishedDossiers, publicJson } from "@/lib/http/public-api";
import { verdictFeed } from "@/lib/server/feeds/verdict-feed";

export async function GET(request: Request) {
  try {
    return publicJson(request, verdictFeed(await allPublishedDossiers(), null), "application/feed+json");
  } catch (e) {
    return errorResponse(e);
  }
}
