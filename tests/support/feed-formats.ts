// The open feeds' formats, as their specifications define them, for the unit, integration and
// e2e tests (docs/api.md, "Open feeds"):
// - JSON Feed 1.1, https://www.jsonfeed.org/version/1.1/ (required: version, title, items; each
//   item id and content_html or content_text; extensions only under keys starting with "_");
// - TimelineJS, https://timeline.knightlab.com/docs/json-format.html (events with a start_date
//   whose year is a number);
// - Atom, RFC 4287, parsed by a real XML parser (jsdom's XML mode): feed id/title/updated exactly
//   once, an author, a self link; entries id/title/updated exactly once, an alternate link;
//   dates RFC 3339, ids absolute IRIs;
// - schema.org ClaimReview as Google's and the Duke Reporters' Lab's readers expect it.
import { JSDOM } from "jsdom";
import { z } from "zod";

const rfc3339 = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, "an RFC 3339 date-time");
const url = z.url();

/** Only the spec's keys, or extension keys ("_name"). */
const withExtensions = <T extends z.ZodRawShape>(shape: T) =>
  z.looseObject(shape).superRefine((value, ctx) => {
    for (const key of Object.keys(value)) if (!(key in shape) && !key.startsWith("_")) ctx.addIssue({ code: "custom", message: `unknown key "${key}" (extensions start with "_")`, path: [key] });
  });

const JsonFeedAuthor = withExtensions({ name: z.string().optional(), url: url.optional(), avatar: url.optional() }).refine((a) => a.name || a.url || a.avatar, "an author has a name, url or avatar");

export const JsonFeedItemSchema = withExtensions({
  id: z.string().min(1),
  url: url.optional(),
  external_url: url.optional(),
  title: z.string().optional(),
  content_html: z.string().optional(),
  content_text: z.string().optional(),
  summary: z.string().optional(),
  image: url.optional(),
  banner_image: url.optional(),
  date_published: rfc3339.optional(),
  date_modified: rfc3339.optional(),
  authors: z.array(JsonFeedAuthor).min(1).optional(),
  tags: z.array(z.string()).optional(),
  language: z.string().optional(),
  attachments: z.array(z.looseObject({ url, mime_type: z.string() })).optional(),
}).refine((i) => typeof i.content_html === "string" || typeof i.content_text === "string", "an item has content_html or content_text");

export const JsonFeedSchema = withExtensions({
  version: z.literal("https://jsonfeed.org/version/1.1"),
  title: z.string().min(1),
  home_page_url: url.optional(),
  feed_url: url.optional(),
  description: z.string().optional(),
  user_comment: z.string().optional(),
  next_url: url.optional(),
  icon: url.optional(),
  favicon: url.optional(),
  authors: z.array(JsonFeedAuthor).min(1).optional(),
  language: z.string().optional(),
  expired: z.boolean().optional(),
  hubs: z.array(z.object({ type: z.string(), url })).optional(),
  items: z.array(JsonFeedItemSchema),
}).refine((f) => new Set(f.items.map((i) => i.id)).size === f.items.length, "item ids are unique");

const TimelineDate = z.object({
  year: z.number().int(),
  month: z.number().int().min(1).max(12).optional(),
  day: z.number().int().min(1).max(31).optional(),
  hour: z.number().int().min(0).max(23).optional(),
  minute: z.number().int().min(0).max(59).optional(),
  second: z.number().int().min(0).max(59).optional(),
  millisecond: z.number().int().optional(),
  display_date: z.string().optional(),
});
const TimelineText = z.object({ headline: z.string().optional(), text: z.string().optional() });
const TimelineMedia = z.object({ url: z.string(), caption: z.string().optional(), credit: z.string().optional() });

export const TimelineJsSchema = z.object({
  title: z.object({ text: TimelineText.optional(), media: TimelineMedia.optional(), unique_id: z.string().optional() }).optional(),
  events: z.array(
    z.object({
      start_date: TimelineDate,
      end_date: TimelineDate.optional(),
      text: TimelineText.optional(),
      media: TimelineMedia.optional(),
      group: z.string().optional(),
      display_date: z.string().optional(),
      background: z.object({ url: z.string().optional(), color: z.string().optional() }).optional(),
      autolink: z.boolean().optional(),
      unique_id: z.string().optional(),
    }),
  ),
  eras: z.array(z.object({ start_date: TimelineDate, end_date: TimelineDate, text: TimelineText.optional() })).optional(),
  scale: z.enum(["human", "cosmological"]).optional(),
});

const Organization = z.object({ "@type": z.literal("Organization"), name: z.string().min(1), url, logo: z.object({ "@type": z.literal("ImageObject"), url }) });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ClaimReviewSchema = z.object({
  "@context": z.literal("https://schema.org"),
  "@type": z.literal("ClaimReview"),
  url,
  claimReviewed: z.string().min(1),
  inLanguage: z.string().min(2),
  datePublished: day,
  dateModified: day,
  author: Organization,
  reviewRating: z.object({
    "@type": z.literal("Rating"),
    alternateName: z.string().min(1),
    ratingValue: z.number().optional(),
    bestRating: z.number().optional(),
    worstRating: z.number().optional(),
    ratingExplanation: z.string().optional(),
  }),
  itemReviewed: z.object({
    "@type": z.literal("Claim"),
    appearance: z.object({ "@type": z.literal("CreativeWork"), url, headline: z.string().min(1) }).loose(),
    firstAppearance: z.object({ "@type": z.literal("CreativeWork"), url }).loose().optional(),
    author: Organization.optional(),
  }),
});

export interface AtomEntrySummary {
  id: string;
  title: string;
  updated: string;
  links: { rel: string; href: string; type: string | null }[];
  summary: string | null;
  content: string | null;
  categories: string[];
  lang: string | null;
}

export interface AtomSummary {
  id: string;
  title: string;
  updated: string;
  author: string;
  links: { rel: string; href: string; type: string | null }[];
  entries: AtomEntrySummary[];
}

const ATOM = "http://www.w3.org/2005/Atom";

/** Parses an Atom document with a real XML parser and checks RFC 4287's requirements; throws on the first violation. */
export function parseAtom(xml: string): AtomSummary {
  // jsdom's XML mode throws on a document that is not well-formed.
  const doc = new JSDOM(xml, { contentType: "application/xml" }).window.document;
  const feed = doc.documentElement;
  if (feed.namespaceURI !== ATOM || feed.localName !== "feed") throw new Error(`root element is ${feed.namespaceURI} ${feed.localName}, not atom:feed`);
  const children = (el: Element, name: string) => [...el.children].filter((c) => c.namespaceURI === ATOM && c.localName === name);
  const one = (el: Element, name: string, where: string) => {
    const found = children(el, name);
    if (found.length !== 1) throw new Error(`${where} has ${found.length} atom:${name}, RFC 4287 requires exactly one`);
    return found[0]!.textContent ?? "";
  };
  const date = (value: string, where: string) => {
    if (!rfc3339.safeParse(value).success) throw new Error(`${where} updated "${value}" is not an RFC 3339 date`);
    return value;
  };
  const iri = (value: string, where: string) => {
    if (!URL.canParse(value)) throw new Error(`${where} id "${value}" is not an absolute IRI`);
    return value;
  };
  const links = (el: Element) => children(el, "link").map((l) => ({ rel: l.getAttribute("rel") ?? "alternate", href: l.getAttribute("href") ?? "", type: l.getAttribute("type") }));
  const authorName = (el: Element) => children(el, "author").map((a) => children(a, "name")[0]?.textContent ?? "")[0] ?? null;
  const feedAuthor = authorName(feed);
  const feedLinks = links(feed);
  for (const l of feedLinks) if (!URL.canParse(l.href)) throw new Error(`feed link "${l.href}" is not absolute`);
  if (!feedLinks.some((l) => l.rel === "self")) throw new Error("feed has no rel=self link");
  const entries = children(feed, "entry").map((entry, i): AtomEntrySummary => {
    const where = `entry ${i + 1}`;
    const entryLinks = links(entry);
    const content = children(entry, "content")[0]?.textContent ?? null;
    if (!entryLinks.some((l) => l.rel === "alternate") && content === null) throw new Error(`${where} has neither content nor an alternate link`);
    if (!authorName(entry) && !feedAuthor) throw new Error(`${where} has no author, nor has the feed`);
    for (const t of ["title", "summary", "content"]) for (const c of children(entry, t)) if (!["text", "html", "xhtml", null].includes(c.getAttribute("type"))) throw new Error(`${where} ${t} has type ${c.getAttribute("type")}`);
    return {
      id: iri(one(entry, "id", where), where),
      title: one(entry, "title", where),
      updated: date(one(entry, "updated", where), where),
      links: entryLinks,
      summary: children(entry, "summary")[0]?.textContent ?? null,
      content,
      categories: children(entry, "category").map((c) => c.getAttribute("term") ?? ""),
      lang: entry.getAttribute("xml:lang"),
    };
  });
  if (new Set(entries.map((e) => e.id)).size !== entries.length) throw new Error("two entries share an id");
  if (!feedAuthor && entries.length === 0) throw new Error("feed has no author");
  return {
    id: iri(one(feed, "id", "feed"), "feed"),
    title: one(feed, "title", "feed"),
    updated: date(one(feed, "updated", "feed"), "feed"),
    author: feedAuthor ?? "",
    links: feedLinks,
    entries,
  };
}
