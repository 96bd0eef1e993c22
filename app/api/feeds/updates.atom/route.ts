// GET /api/feeds/updates.atom: the newsroom's Atom feed of new dossiers, updates and corrections
// (docs/api.md). Public, read-only, cached like the reader JSON; built only from the latest published versions.
import { errorResponse } from "@/lib/http/errors";
import { allPublishedDossiers, publicText } from "@/lib/http/public-api";
import { updateFeed } from "@/lib/server/feeds/update-feed";

export async function GET(request: Request) {
  try {
    return publicText(request, updateFeed(await allPublishedDossiers(), null), "application/atom+xml");
  } catch (e) {
    return errorResponse(e);
  }
}
