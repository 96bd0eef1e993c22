// The static edition (docs/static-edition.md, decisions/044): every published dossier's reader
// pages in both languages, its JSON, ClaimReview, timeline and open feeds, as plain files any static host can
// serve with no app server. Written from the app's own reader routes over HTTP — exactly what
// readers get, lightened by the server (no JavaScript, no flight data) — so it does not depend on
// how the data is stored. Each dossier is written to a fresh folder, then swapped in.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { SLUG_PATTERN } from "@/lib/domain/slug";
import { hasExecutableScript } from "@/lib/http/reader-html";
import { LOCALE_PARAM, LOCALES, type Locale } from "@/lib/i18n/locales";
import { readerPaths } from "@/lib/i18n/routing";

export interface EditionTarget {
  /** Where the app answers (http://127.0.0.1:<port>): the pages are its own. */
  origin: string;
  /** The folder the edition is written to. */
  dir: string;
  defaultLocale: Locale;
}

interface DossierJson {
  slug: string;
  claims: { id: string }[];
  /** Every published version (its page shows what it changed). */
  updates?: { version: number }[];
}

/** A page's file: `/fr/dossiers/x` → `fr/dossiers/x/index.html` (what static hosts serve for a folder). */
export const pageFile = (urlPath: string) => path.join(...urlPath.split("/").filter(Boolean), "index.html");
/** A JSON endpoint's file: `/api/dossiers/x` → `api/dossiers/x.json`. */
export const jsonFile = (urlPath: string) => `${path.join(...urlPath.split("/").filter(Boolean))}.json`;

/** A feed's file: its URL already ends with its type (`/api/feeds/updates.atom`), kept as it is. */
export const feedFile = (urlPath: string) => path.join(...urlPath.split("/").filter(Boolean));

async function get(target: EditionTarget, urlPath: string): Promise<Response> {
  const response = await fetch(new URL(urlPath, target.origin), { redirect: "manual", signal: AbortSignal.timeout(60_000) });
  return response;
}

async function text(target: EditionTarget, urlPath: string, expected = 200): Promise<string> {
  const response = await get(target, urlPath);
  if (response.status !== expected) throw new Error(`${urlPath}: HTTP ${response.status}, expected ${expected}`);
  return response.text();
}

function writeFile(root: string, file: string, content: string | Buffer) {
  const full = path.join(root, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
}

/**
 * What the app's HTML needs to stand alone: the language switch's `?lang=` links (handled by the
 * app's proxy) point at the page in the other language; inline styles move to files (a static
 * host's CSP can then be `style-src 'self'`); stylesheets are copied. Refuses a page that would run code.
 */
async function standalone(target: EditionTarget, html: string, pathIn: (l: Locale) => string, root: string): Promise<string> {
  if (hasExecutableScript(html)) throw new Error(`${pathIn(target.defaultLocale)}: the page carries a script; the static edition must have none`);
  let out = html;
  for (const l of LOCALES) out = out.replaceAll(`href="?${LOCALE_PARAM}=${l}"`, `href="${pathIn(l)}"`);
  out = out.replace(/<style\b[^>]*>([\s\S]*?)<\/style>/gi, (_m, css: string) => {
    const name = `/_dossier/${createHash("sha256").update(css).digest("hex").slice(0, 16)}.css`;
    writeFile(root, name.slice(1), css);
    return `<link rel="stylesheet" href="${name}"/>`;
  });
  for (const match of out.matchAll(/<link rel="stylesheet" href="(\/_next\/static\/[^"?#]+\.css)"/g)) {
    const asset = match[1]!;
    if (fs.existsSync(path.join(root, asset.slice(1)))) continue;
    const response = await get(target, asset);
    if (!response.ok) throw new Error(`${asset}: HTTP ${response.status}`);
    writeFile(root, asset.slice(1), Buffer.from(await response.arrayBuffer()));
  }
  return out;
}

/** A language-free URL's stand-in: static hosts cannot negotiate, so it sends readers to the default language. */
function redirectStub(to: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=${to}"><link rel="canonical" href="${to}"><title>${to}</title></head><body><p><a href="${to}">${to}</a></p></body></html>\n`;
}

function swapIn(fresh: string, destination: string) {
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const old = `${destination}.old-${randomBytes(4).toString("hex")}`;
  if (fs.existsSync(destination)) fs.renameSync(destination, old);
  if (fs.existsSync(fresh)) fs.renameSync(fresh, destination);
  fs.rmSync(old, { recursive: true, force: true });
}

const dossierFolders = (dir: string, slug: string) => [
  ...LOCALES.map((l) => path.join(dir, l, "dossiers", slug)),
  path.join(dir, "dossiers", slug),
  path.join(dir, "api", "dossiers", slug),
];

/** Writes (or, when it is no longer published, removes) one dossier. */
export async function writeDossierEdition(target: EditionTarget, slug: string): Promise<"written" | "removed"> {
  const api = await get(target, readerPaths.api(slug));
  if (api.status === 404) {
    for (const folder of dossierFolders(target.dir, slug)) fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(path.join(target.dir, jsonFile(readerPaths.api(slug))), { force: true });
    return "removed";
  }
  if (!api.ok) throw new Error(`${readerPaths.api(slug)}: HTTP ${api.status}`);
  const json = await api.text();
  const dossier = JSON.parse(json) as DossierJson;

  const staging = path.join(target.dir, `.staging-${slug}-${randomBytes(4).toString("hex")}`);
  fs.mkdirSync(staging, { recursive: true });
  try {
    const pages: ((l?: Locale) => string)[] = [
      (l) => readerPaths.dossier(slug, l),
      (l) => readerPaths.timeline(slug, l),
      ...dossier.claims.map((c) => (l?: Locale) => readerPaths.claim(slug, c.id, l)),
      ...(dossier.updates ?? []).map((u) => (l?: Locale) => readerPaths.version(slug, u.version, l)),
    ];
    for (const pathIn of pages) {
      for (const l of LOCALES) writeFile(staging, pageFile(pathIn(l)), await standalone(target, await text(target, pathIn(l)), pathIn, target.dir));
      writeFile(staging, pageFile(pathIn()), redirectStub(pathIn(target.defaultLocale)));
    }
    writeFile(staging, jsonFile(readerPaths.api(slug)), json);
    writeFile(staging, jsonFile(readerPaths.claimReviewApi(slug)), await text(target, readerPaths.claimReviewApi(slug)));
    // The dossier's open feeds (docs/api.md), under their own names: the pages announce them.
    for (const feed of [readerPaths.verdictFeed(slug), readerPaths.updateFeed(slug), readerPaths.timelineJs(slug)]) writeFile(staging, feedFile(feed), await text(target, feed));
    for (const folder of dossierFolders("", slug)) swapIn(path.join(staging, folder), path.join(target.dir, folder));
    fs.mkdirSync(path.join(target.dir, "api", "dossiers"), { recursive: true });
    fs.renameSync(path.join(staging, jsonFile(readerPaths.api(slug))), path.join(target.dir, jsonFile(readerPaths.api(slug))));
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return "written";
}

/** The lists: each language's home page, the list of dossiers as JSON, the root and the 404 page. */
export async function writeEditionIndex(target: EditionTarget): Promise<void> {
  for (const l of LOCALES) {
    writeFile(target.dir, pageFile(readerPaths.home(l)), await standalone(target, await text(target, readerPaths.home(l)), readerPaths.home, target.dir));
    const notFound = await standalone(target, await text(target, readerPaths.notFound(l), 404), readerPaths.notFound, target.dir);
    writeFile(target.dir, pageFile(readerPaths.notFound(l)), notFound);
    if (l === target.defaultLocale) writeFile(target.dir, "404.html", notFound);
  }
  writeFile(target.dir, "index.html", redirectStub(readerPaths.home(target.defaultLocale)));
  writeFile(target.dir, jsonFile(readerPaths.list()), await text(target, readerPaths.list()));
  for (const feed of [readerPaths.verdictFeed(), readerPaths.updateFeed()]) writeFile(target.dir, feedFile(feed), await text(target, feed));
  // The publisher's logo, named in every ClaimReview (unless PUBLISHER_LOGO_URL points elsewhere).
  const logo = await get(target, "/logo.svg");
  if (logo.ok) writeFile(target.dir, "logo.svg", Buffer.from(await logo.arrayBuffer()));
}

/** Every published dossier, the lists, and nothing left of a dossier that is no longer published. */
export async function writeWholeEdition(target: EditionTarget): Promise<{ written: string[]; removed: string[] }> {
  fs.mkdirSync(target.dir, { recursive: true });
  const published = (JSON.parse(await text(target, readerPaths.list())) as { slug: string }[]).map((d) => d.slug);
  const present = new Set<string>();
  for (const l of LOCALES) {
    const folder = path.join(target.dir, l, "dossiers");
    if (fs.existsSync(folder)) for (const name of fs.readdirSync(folder)) if (SLUG_PATTERN.test(name)) present.add(name);
  }
  const written: string[] = [];
  const removed: string[] = [];
  for (const slug of published) {
    await writeDossierEdition(target, slug);
    written.push(slug);
  }
  for (const slug of present) {
    if (published.includes(slug)) continue;
    if ((await writeDossierEdition(target, slug)) === "removed") removed.push(slug);
  }
  await writeEditionIndex(target);
  return { written, removed };
}
