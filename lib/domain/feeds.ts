// Open feeds for the fact-check ecosystem (docs/api.md, docs/decisions/071): JSON Feed 1.1, Atom
// (RFC 4287) and TimelineJS JSON. Pure: the data layer (lib/server/feeds) gives these builders
// what readers may see — the latest published versions only — and they only change its shape.

/** Newest first by date, then by id, so the same data always gives the same feed (and ETag). */
export function newestFirst<T extends { date: string; id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

// ───────────────────────────── JSON Feed 1.1 ─────────────────────────────

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

export interface JsonFeedAuthor {
  name: string;
  url?: string;
  avatar?: string;
}

export interface JsonFeedItem {
  id: string;
  url?: string;
  external_url?: string;
  title?: string;
  content_text?: string;
  content_html?: string;
  summary?: string;
  date_published?: string;
  date_modified?: string;
  authors?: JsonFeedAuthor[];
  tags?: string[];
  language?: string;
  /** Our extension (JSON Feed allows keys starting with "_"): the structured verdict. */
  [extension: `_${string}`]: unknown;
}

export interface JsonFeed {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url?: string;
  feed_url?: string;
  description?: string;
  icon?: string;
  favicon?: string;
  authors?: JsonFeedAuthor[];
  language?: string;
  items: JsonFeedItem[];
  [extension: `_${string}`]: unknown;
}

// ───────────────────────────── Atom (RFC 4287) ─────────────────────────────

export interface AtomLink {
  href: string;
  rel?: "alternate" | "self" | "related";
  type?: string;
  hreflang?: string;
  title?: string;
}

export interface AtomPerson {
  name: string;
  uri?: string;
}

export interface AtomEntry {
  id: string;
  title: string;
  /** ISO instant. */
  updated: string;
  published?: string;
  /** BCP 47: the entry's text is in this language (xml:lang). */
  language?: string;
  links: AtomLink[];
  summary?: string;
  /** Plain text (type="text"): never markup. */
  content?: string;
  categories?: { term: string; label?: string }[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  language?: string;
  /** ISO instant; the newest entry's when absent (and the fallback when there is none). */
  updated?: string;
  fallbackUpdated: string;
  author: AtomPerson;
  links: AtomLink[];
  icon?: string;
  logo?: string;
  generator?: string;
  entries: AtomEntry[];
}

/** Text for XML: escaped, and stripped of the characters XML 1.0 forbids (they would make the feed unreadable). */
export function xmlText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

const attrs = (values: Record<string, string | undefined>) =>
  Object.entries(values)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${xmlText(v)}"`)
    .join("");

const element = (name: string, text: string | undefined, attributes: Record<string, string | undefined> = {}) =>
  text === undefined ? "" : `<${name}${attrs(attributes)}>${xmlText(text)}</${name}>`;

const link = (l: AtomLink) => `<link${attrs({ rel: l.rel ?? "alternate", href: l.href, type: l.type, hreflang: l.hreflang, title: l.title })}/>`;

const person = (tag: string, p: AtomPerson) => `<${tag}>${element("name", p.name)}${element("uri", p.uri)}</${tag}>`;

export function atomXml(feed: AtomFeed): string {
  const updated = feed.updated ?? feed.entries.map((e) => e.updated).sort().at(-1) ?? feed.fallbackUpdated;
  const entries = feed.entries.map(
    (e) =>
      `<entry${attrs({ "xml:lang": e.language })}>` +
      element("id", e.id) +
      element("title", e.title, { type: "text" }) +
      element("updated", e.updated) +
      element("published", e.published) +
      person("author", feed.author) +
      e.links.map(link).join("") +
      (e.categories ?? []).map((c) => `<category${attrs({ term: c.term, label: c.label })}/>`).join("") +
      element("summary", e.summary, { type: "text" }) +
      element("content", e.content, { type: "text" }) +
      "</entry>",
  );
  return (
    `<?xml version="1.0" encoding="utf-8"?>\n` +
    `<feed xmlns="http://www.w3.org/2005/Atom"${attrs({ "xml:lang": feed.language })}>` +
    element("id", feed.id) +
    element("title", feed.title, { type: "text" }) +
    element("subtitle", feed.subtitle, { type: "text" }) +
    element("updated", updated) +
    person("author", feed.author) +
    feed.links.map(link).join("") +
    element("generator", feed.generator) +
    element("icon", feed.icon) +
    element("logo", feed.logo) +
    entries.join("") +
    "</feed>\n"
  );
}

// ───────────────────────────── TimelineJS ─────────────────────────────

/** https://timeline.knightlab.com/docs/json-format.html */
export interface TimelineJsDate {
  year: number;
  month?: number;
  day?: number;
  display_date?: string;
}

export interface TimelineJsEvent {
  unique_id: string;
  start_date: TimelineJsDate;
  end_date?: TimelineJsDate;
  /** Shown instead of the computed date: the EDTF date in words. */
  display_date?: string;
  /** TimelineJS renders both as HTML: built only from escaped text. */
  text: { headline: string; text: string };
  group?: string;
}

export interface TimelineJs {
  title?: { text: { headline: string; text: string }; unique_id?: string };
  events: TimelineJsEvent[];
  scale: "human";
}

/** Text for an HTML context (TimelineJS renders headline and text as HTML). */
export function htmlText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const partsOf = (iso: string) => {
  const d = new Date(iso);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), date: d };
};

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * An EDTF event's bounds (earliest and latest possible instants) as TimelineJS dates, at the
 * precision they span: one day, one month, one year, or else a start and an end day (a season,
 * an interval, "2023-06-0X"). Never more precise than the date the newsroom wrote.
 */
export function timelineDates(sortStart: string, sortEnd: string): { start_date: TimelineJsDate; end_date?: TimelineJsDate } {
  const a = partsOf(sortStart);
  const b = partsOf(sortEnd);
  if (Number.isNaN(a.date.getTime()) || Number.isNaN(b.date.getTime())) throw new Error(`Not a date: ${sortStart} – ${sortEnd}`);
  const sameYear = a.year === b.year;
  if (sameYear && a.month === b.month && a.day === b.day) return { start_date: { year: a.year, month: a.month, day: a.day } };
  if (sameYear && a.month === b.month && a.day === 1 && b.day === lastDayOfMonth(b.year, b.month)) return { start_date: { year: a.year, month: a.month } };
  if (sameYear && a.month === 1 && a.day === 1 && b.month === 12 && b.day === 31) return { start_date: { year: a.year } };
  const wholeYears = a.month === 1 && a.day === 1 && b.month === 12 && b.day === 31;
  if (wholeYears) return { start_date: { year: a.year }, end_date: { year: b.year } };
  return { start_date: { year: a.year, month: a.month, day: a.day }, end_date: { year: b.year, month: b.month, day: b.day } };
}
