// GET /api/dossiers: the published dossiers (docs/api.md). Public, read-only, cached.
import { env, publicUrl } from "@/lib/env";
import { errorResponse } from "@/lib/http/errors";
import { loadPublishedDossiers } from "@/lib/http/reader-cache";
import { absoluteUrl, dossierLocale, readerPaths } from "@/lib/i18n/routing";
import { publicJson } from "@/lib/http/public-api";

export async function GET(request: Request) {
  try {
    const dossiers = await loadPublishedDossiers();
    return publicJson(
      request,
      dossiers.map((d) => ({ ...d, url: absoluteUrl(publicUrl(), readerPaths.dossier(d.slug, dossierLocale(d.language, env.DEFAULT_LOCALE))), api: absoluteUrl(publicUrl(), readerPaths.api(d.slug)) })),
    );
  } catch (e) {
    return errorResponse(e);
  }
}
