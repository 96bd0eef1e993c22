// The open feeds' pure builders (lib/domain/feeds.ts), checked against the formats' specifications
// (tests/support/feed-formats.ts); the feeds built from a real database are in
// tests/integration/feeds.test.ts.
import { describe, expect, it } from "vitest";
import { atomXml, htmlText, newestFirst, timelineDates, type AtomFeed } from "@/lib/domain/feeds";
import { feedId } from "@/lib/server/feeds/feed-id";
import { JsonFeedSchema, parseAtom, TimelineJsSchema } from "../support/feed-formats";

const feed = (over: Partial<AtomFeed> = {}): AtomFeed => ({
  id: "urn:uuid:00000000-0000-5000-8000-000000000000",
  title: "La Rédaction — dossiers",
  fallbackUpdated: "1970-01-01T00:00:00.000Z",
  author: { name: "La Rédaction", uri: "https://news.example/" },
  links: [{ href: "https://news.example/api/feeds/updates.atom", rel: "self", type: "application/atom+xml" }],
  entries: [
    {
      id: "urn:uuid:11111111-1111-5111-8111-111111111111",
      title: `Nouveau dossier : <script>alert("x")</script> & « Cie »`,
      updated: "2024-01-10T12:00:00.000Z",
      language: "fr",
      links: [{ href: "https://news.example/fr/dossiers/a?x=1&y=2", type: "text/html" }],
      summary: "Un résumé avec \u0000 un octet nul et \u001b un échappement",
      categories: [{ term: "dossier" }],
    },
    {
      id: "urn:uuid:22222222-2222-5222-8222-222222222222",
      title: "Correction",
      updated: "2024-03-01T12:00:00.000Z",
      links: [{ href: "https://news.example/fr/dossiers/a/claims/c1" }],
      content: "Verdict : Vérifié → Faux.",
    },
  ],
  ...over,
});

describe("the Atom feed (RFC 4287)", () => {
  it("is well-formed XML with the required elements, its text escaped, never markup", () => {
    const xml = atomXml(feed());
    const parsed = parseAtom(xml);
    expect(parsed).toMatchObject({ title: "La Rédaction — dossiers", author: "La Rédaction", updated: "2024-03-01T12:00:00.000Z" });
    expect(parsed.entries[0]).toMatchObject({ title: `Nouveau dossier : <script>alert("x")</script> & « Cie »`, lang: "fr", categories: ["dossier"] });
    expect(parsed.entries[0]!.links[0]!.href).toBe("https://news.example/fr/dossiers/a?x=1&y=2");
    // Characters XML 1.0 forbids would make the whole feed unreadable: they are dropped.
    expect(parsed.entries[0]!.summary).toBe("Un résumé avec  un octet nul et  un échappement");
    expect(xml).not.toContain("<script");
  });

  it("is dated by its newest entry, or a fixed date when it has none (a stable ETag)", () => {
    expect(parseAtom(atomXml(feed({ entries: [] }))).updated).toBe("1970-01-01T00:00:00.000Z");
    expect(atomXml(feed())).toBe(atomXml(feed()));
  });

  it("is refused by the checker when it lacks what RFC 4287 requires (the checker can fail)", () => {
    expect(() => parseAtom(atomXml(feed()).replace(/<id>urn:uuid:0+[^<]*<\/id>/, ""))).toThrow(/exactly one/);
    expect(() => parseAtom(atomXml(feed()).replace("<updated>2024-01-10T12:00:00.000Z</updated>", "<updated>10/01/2024</updated>"))).toThrow(/RFC 3339/);
    expect(() => parseAtom(atomXml(feed()).replace("</feed>", ""))).toThrow();
  });
});

describe("TimelineJS dates", () => {
  const bounds = (start: string, end: string) => timelineDates(start, end);
  it("keep the precision the newsroom wrote: a day, a month, a year", () => {
    expect(bounds("2021-03-03T00:00:00.000Z", "2021-03-03T23:59:59.999Z")).toEqual({ start_date: { year: 2021, month: 3, day: 3 } });
    expect(bounds("2023-02-01T00:00:00.000Z", "2023-02-28T23:59:59.999Z")).toEqual({ start_date: { year: 2023, month: 2 } });
    expect(bounds("2022-01-01T00:00:00.000Z", "2022-12-31T23:59:59.999Z")).toEqual({ start_date: { year: 2022 } });
  });

  it("give a span a start and an end: early June (2023-06-0X), a season, an interval of years", () => {
    expect(bounds("2023-06-01T00:00:00.000Z", "2023-06-09T23:59:59.999Z")).toEqual({ start_date: { year: 2023, month: 6, day: 1 }, end_date: { year: 2023, month: 6, day: 9 } });
    expect(bounds("2020-01-01T00:00:00.000Z", "2022-12-31T23:59:59.999Z")).toEqual({ start_date: { year: 2020 }, end_date: { year: 2022 } });
  });

  it("refuses what is not a date", () => {
    expect(() => bounds("soon", "later")).toThrow(/Not a date/);
  });

  it("validate against the TimelineJS format, and the checker refuses an event without a year", () => {
    const doc = { events: [{ unique_id: "e1", ...bounds("2021-03-03T00:00:00.000Z", "2021-03-03T23:59:59.999Z"), text: { headline: htmlText("<b>x</b>"), text: "" } }], scale: "human" };
    expect(TimelineJsSchema.safeParse(doc).success).toBe(true);
    expect(doc.events[0]!.text.headline).toBe("&lt;b&gt;x&lt;/b&gt;");
    expect(TimelineJsSchema.safeParse({ events: [{ start_date: { month: 3 } }] }).success).toBe(false);
  });
});

describe("JSON Feed 1.1 checker", () => {
  it("accepts extensions under _keys only, and requires content on every item", () => {
    const base = { version: "https://jsonfeed.org/version/1.1", title: "T", items: [{ id: "a", content_text: "x", _dossier: { any: 1 } }] };
    expect(JsonFeedSchema.safeParse(base).success).toBe(true);
    expect(JsonFeedSchema.safeParse({ ...base, author: { name: "1.0 style" } }).success).toBe(false);
    expect(JsonFeedSchema.safeParse({ ...base, items: [{ id: "a" }] }).success).toBe(false);
    expect(JsonFeedSchema.safeParse({ ...base, items: [{ id: "a", content_text: "x", date_published: "2024-01-10" }] }).success).toBe(false);
  });
});

describe("feed ids", () => {
  it("are stable name-based UUIDs, distinct per record and per site", () => {
    const id = feedId("https://news.example", "claims", "c1");
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(feedId("https://news.example/", "claims", "c1")).toBe(id);
    expect(feedId("https://news.example", "claims", "c2")).not.toBe(id);
    expect(feedId("https://other.example", "claims", "c1")).not.toBe(id);
  });

  it("order newest first, then by id, so the same data gives the same feed", () => {
    const items = [
      { id: "b", date: "2024-01-01" },
      { id: "a", date: "2024-01-01" },
      { id: "c", date: "2024-02-01" },
    ];
    expect(newestFirst(items).map((i) => i.id)).toEqual(["c", "a", "b"]);
  });
});
