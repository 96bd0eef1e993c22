import "server-only";
// Shared by the public JSON endpoints (app/api/dossiers/**).
import { AppError } from "@/lib/domain/errors";
import type { PublicDossier } from "@/lib/server/reader/get-published-dossier";
import { DossierSlugSchema } from "@/lib/schemas/reader";
import { loadPublishedDossier } from "./reader-cache";

/**
 * Anyone may read published dossiers, from any origin. The data comes from the tagged cache, so a
 * change is visible on the next request; browsers and proxies revalidate every time.
 */
export const PUBLIC_API_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Cache-Control": "public, no-cache",
} as const;

export async function publishedDossierOr404(slug: string): Promise<PublicDossier> {
  const parsed = DossierSlugSchema.safeParse(slug);
  const dossier = parsed.success ? await loadPublishedDossier(parsed.data) : null;
  // The same answer for a draft as for a dossier that does not exist: a draft's slug is not public.
  if (!dossier) throw new AppError("NOT_FOUND", `No published dossier "${slug}".`);
  return dossier;
}
