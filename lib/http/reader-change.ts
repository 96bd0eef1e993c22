import "server-only";
// After a change readers can see has been revalidated (lib/http/revalidate.ts), and once the
// response has gone out (`after`): the static edition is rewritten (STATIC_DIR) and the purge
// hook is told which URLs and cache tags are superseded (PURGE_URL), so a CDN or nginx in front
// never serves the previous verdict for long (docs/deployment.md, decisions/040 and 044). Both
// read the app's own reader routes over HTTP, so they see what the next reader sees.
import { after } from "next/server";
import { env, publicUrl } from "@/lib/env";
import { LOCALES } from "@/lib/i18n/locales";
import { absoluteUrl, readerPaths } from "@/lib/i18n/routing";
import { writeDossierEdition, writeEditionIndex, type EditionTarget } from "@/lib/static/edition";
import { READER_LIST_TAG, READER_TAG, readerDossierTag } from "./cache-tags";

const pending = new Set<string>();
let scheduled = false;
/** One change after another: two quick edits never interleave their writes. */
let queue: Promise<void> = Promise.resolve();

/** Call with the slugs whose reader pages were just revalidated (none: only the lists changed). */
export function announceReaderChange(slugs: readonly string[]): void {
  if (!env.STATIC_DIR && !env.PURGE_URL) return;
  for (const slug of slugs) pending.add(slug);
  if (scheduled) return;
  scheduled = true;
  after(() => {
    scheduled = false;
    const batch = [...pending];
    pending.clear();
    queue = queue.then(() => processChange(batch)).catch((error: unknown) => console.error("After a change: the static edition or the purge hook failed", error));
    return queue;
  });
}

const selfOrigin = () => `http://127.0.0.1:${env.PORT}`;

interface ChangeOutcome {
  urls: string[];
  tags: string[];
}

/** The public URLs built from these dossiers (both languages, the language-free ones, the JSON) and the lists. */
export async function supersededUrls(slugs: readonly string[], origin = selfOrigin()): Promise<ChangeOutcome> {
  const paths = new Set<string>([readerPaths.list(), readerPaths.verdictFeed(), readerPaths.updateFeed(), readerPaths.home(), ...LOCALES.map((l) => readerPaths.home(l))]);
  for (const slug of slugs) {
    const claims: string[] = [];
    const versions: number[] = [];
    const response = await fetch(new URL(readerPaths.api(slug), origin));
    if (response.ok) {
      const json = (await response.json()) as { claims: { id: string }[]; updates?: { version: number }[] };
      claims.push(...json.claims.map((c) => c.id));
      versions.push(...(json.updates ?? []).map((u) => u.version));
    }
    for (const l of [undefined, ...LOCALES]) {
      paths.add(readerPaths.dossier(slug, l)).add(readerPaths.timeline(slug, l));
      for (const id of claims) paths.add(readerPaths.claim(slug, id, l));
      // The version pages: a new one appears, and every one links to the latest.
      for (const n of versions) paths.add(readerPaths.version(slug, n, l));
    }
    paths.add(readerPaths.api(slug)).add(readerPaths.claimReviewApi(slug));
    paths.add(readerPaths.verdictFeed(slug)).add(readerPaths.updateFeed(slug)).add(readerPaths.timelineJs(slug));
  }
  return {
    urls: [...paths].map((p) => absoluteUrl(publicUrl(), p)),
    tags: [READER_TAG, READER_LIST_TAG, ...slugs.map(readerDossierTag)],
  };
}

async function processChange(slugs: string[]): Promise<void> {
  // Live readers first: caches in front of the app drop the superseded pages, then the edition
  // (a CDN whose origin is the static edition should be purged by the host that serves it).
  if (env.PURGE_URL) await sendPurge(slugs, await supersededUrls(slugs));
  if (env.STATIC_DIR) {
    const target: EditionTarget = { origin: selfOrigin(), dir: env.STATIC_DIR, defaultLocale: env.DEFAULT_LOCALE };
    for (const slug of slugs) await writeDossierEdition(target, slug);
    await writeEditionIndex(target);
  }
}

export async function sendPurge(slugs: readonly string[], change: ChangeOutcome): Promise<void> {
  const body = JSON.stringify({ event: "reader-change", slugs, urls: change.urls, tags: change.tags, at: new Date().toISOString() });
  const response = await fetch(env.PURGE_URL!, {
    method: "POST",
    headers: { "content-type": "application/json", ...(env.PURGE_TOKEN ? { authorization: `Bearer ${env.PURGE_TOKEN}` } : {}) },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`the purge hook ${env.PURGE_URL} answered HTTP ${response.status}`);
}
