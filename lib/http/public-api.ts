import "server-only";
// Shared by the public JSON endpoints (app/api/dossiers/**).
import { createHash } from "node:crypto";
import { AppError } from "@/lib/domain/errors";
import { cacheTagsOf, publicCacheControl } from "./cache-headers";
import type { PublicDossier } from "@/lib/server/reader/get-published-dossier";
import { DossierSlugSchema } from "@/lib/schemas/reader";
import { loadPublishedDossier, loadPublishedDossiers } from "./reader-cache";

/**
 * Anyone may read published dossiers, from any origin. The data comes from the tagged cache, so a
 * change is visible on the next request; shared caches keep it as long as reader pages
 * (lib/http/cache-headers.ts) and are told by the purge hook when it changes; browsers revalidate
 * every time, with the ETag.
 */
export function publicJson(request: Request, body: unknown, contentType = "application/json"): Response {
  return publicText(request, JSON.stringify(body), contentType);
}

/** The same for a body already serialised (the Atom feed's XML). */
export function publicText(request: Request, text: string, contentType: string): Response {
  const etag = `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
  const headers = {
    "Access-Control-Allow-Origin": "*",
    "Cache-Control": publicCacheControl(),
    "Cache-Tag": cacheTagsOf(new URL(request.url).pathname).join(","),
    ETag: etag,
  };
  const match = request.headers.get("if-none-match");
  if (match && match.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) return new Response(null, { status: 304, headers });
  return new Response(text, { headers: { ...headers, "Content-Type": `${contentType}; charset=utf-8` } });
}

export async function publishedDossierOr404(slug: string): Promise<PublicDossier> {
  const parsed = DossierSlugSchema.safeParse(slug);
  const dossier = parsed.success ? await loadPublishedDossier(parsed.data) : null;
  // The same answer for a draft as for a dossier that does not exist: a draft's slug is not public.
  if (!dossier) throw new AppError("NOT_FOUND", `No published dossier "${slug}".`);
  return dossier;
}

/**
 * Every published dossier, each as its latest published version (the newsroom-wide feeds). Each
 * comes from its own tagged cache entry, so a publication refreshes exactly what it changed.
 */
export async function allPublishedDossiers(): Promise<PublicDossier[]> {
  const list = await loadPublishedDossiers();
  const dossiers = await Promise.all(list.map((d) => loadPublishedDossier(d.slug)));
  return dossiers.filter((d): d is PublicDossier => d !== null);
}
