// Issue 9, item 5 (schema agreement) and issue 10, item 5 (NUL bytes and lone surrogates):
//  1. a content file and the newsroom validate every field the same way: for each field of every
//     content record, and a long list of probe values, what one refuses the other refuses, and
//     what both accept is stored the same (trimmed or verbatim alike);
//  2. no input schema of the project lets a NUL or a lone surrogate through to the database: each
//     text field refuses them, naming the field, whatever the way in (form, JSON, content file).
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import * as archive from "@/lib/schemas/archive";
import * as auth from "@/lib/schemas/auth";
import * as claims from "@/lib/schemas/claims";
import * as content from "@/lib/schemas/content";
import * as desk from "@/lib/schemas/desk";
import * as exportSchemas from "@/lib/schemas/export";
import * as dossier from "@/lib/schemas/dossier";
import * as notifications from "@/lib/schemas/notifications";
import * as publishing from "@/lib/schemas/publishing";
import { DossierSlugSchema } from "@/lib/schemas/reader";
import * as records from "@/lib/schemas/records";
import * as search from "@/lib/schemas/search";
import * as sources from "@/lib/schemas/sources";
import * as verdicts from "@/lib/schemas/verdicts";

type Path = (string | number)[];
type Side = { schema: z.ZodType; base: Record<string, unknown>; path: Path };

const LENGTHS = [1, 80, 81, 199, 200, 201, 299, 300, 301, 999, 1000, 1001, 1999, 2000, 2001, 3999, 4000, 4001, 4999, 5000, 5001];
const PROBES: unknown[] = [
  "",
  "   ",
  "Texte",
  "  Texte avec espaces autour  ",
  "Deux\nlignes",
  "« Guillemets » et apostrophe’",
  "😀 emoji",
  "a\u0000b",
  "a\uD800b",
  "a\uDC00b",
  ...LENGTHS.map((n) => "x".repeat(n)),
  ...LENGTHS.map((n) => ` ${"y".repeat(n)} `),
  42,
  0,
  true,
  false,
  null,
  [],
  {},
  ["Texte"],
  // Vocabularies, dates, addresses, keys, slugs: valid and not.
  "person",
  "organisation",
  "document",
  "official-record",
  "rumour",
  "supports",
  "contradicts",
  "verified",
  "partly-true",
  "Verified",
  "open",
  "answered",
  "dropped",
  "happened",
  "expected",
  "high",
  "unknown",
  "fr",
  "en",
  "de",
  "2023",
  "2023-06~",
  "2023-06-0X",
  "2024-21",
  "2023-06/2023-07",
  "vers 2022",
  "2024-01-10",
  " 2024-01-10 ",
  "10/01/2024",
  "2024-02-30",
  "https://example.org/page",
  " https://example.org/page ",
  "http://example.org",
  "javascript:alert(1)",
  "ftp://example.org",
  `https://example.org/${"p".repeat(2000)}`,
  "mini",
  "Mini",
  "new",
  "-dash",
  "trailing-",
  "a--b",
  "x".repeat(80),
];

const selection = (exact: unknown) => ({ exact, prefix: "", suffix: "", start: 0, end: typeof exact === "string" && exact.length > 0 ? exact.length : 7 });

/**
 * Every field of every content record: the newsroom schema and field it corresponds to, or why it
 * has no newsroom counterpart. A field missing from this table fails the test below.
 */
const RECORDS: {
  name: string;
  content: { schema: z.ZodType; base: Record<string, unknown>; shape: Record<string, unknown> };
  fields: Record<string, { newsroom: Omit<Side, "path"> & { path: Path }; contentPath?: Path; buildNewsroom?: (value: unknown) => Record<string, unknown> } | string>;
}[] = [
  {
    name: "dossier",
    content: { schema: content.ContentDossierSchema, base: { slug: "mini", title: "T" }, shape: shapeOf(content.ContentDossierSchema) },
    fields: {
      slug: "tested below: every slug the importer accepts, the newsroom and the reader routes accept",
      title: { newsroom: { schema: dossier.UpdateDossierSchema, base: { dossierId: "d", version: 1, title: "T", summary: "", language: "fr" }, path: ["title"] } },
      summary: { newsroom: { schema: dossier.UpdateDossierSchema, base: { dossierId: "d", version: 1, title: "T", summary: "", language: "fr" }, path: ["summary"] } },
      language: { newsroom: { schema: dossier.UpdateDossierSchema, base: { dossierId: "d", version: 1, title: "T", summary: "", language: "fr" }, path: ["language"] } },
      status: "publishing is the desk's decision in the newsroom (the publish gate), not a field",
      publishedAt: "the publication record's date: set by publishing in the newsroom",
      article: "the name of the file holding the article (article.md's content is checked with the newsroom's articleBody)",
      entities: "a list (its items are checked below)",
      sources: "a list (its items are checked below)",
      claims: "a list (its items are checked below)",
      quotes: "a list (its items are checked below)",
      questions: "a list (its items are checked below)",
      events: "a list (its items are checked below)",
      export: "an export's header (format, date, confidentiality, the record's hash): written by the exporter, not a field anyone edits",
    },
  },
  {
    name: "entity",
    content: { schema: content.ContentEntitySchema, base: { key: "k", kind: "person", name: "N" }, shape: shapeOf(content.ContentEntitySchema) },
    fields: {
      key: "content files' own reference between records",
      ...same(["kind", "name", "description"], records.CreateEntitySchema, { dossierId: "d", kind: "person", name: "N", description: "" }),
    },
  },
  {
    name: "source",
    content: { schema: content.ContentSourceSchema, base: { key: "k", kind: "document", title: "T" }, shape: shapeOf(content.ContentSourceSchema) },
    fields: {
      key: "content files' own reference between records",
      confidential: "a YAML boolean (true/false); the newsroom's is a checkbox",
      ...same(["kind", "title", "url", "publisher", "author", "date", "accessedAt", "reliability", "publicDescription", "identity", "notes"], sources.CreateSourceSchema, {
        dossierId: "d",
        kind: "document",
        title: "T",
        reliability: "unknown",
      }),
    },
  },
  {
    name: "claim",
    content: { schema: content.ContentClaimSchema, base: { key: "k", text: "T", anchor: { exact: "passage" } }, shape: shapeOf(content.ContentClaimSchema) },
    fields: {
      key: "content files' own reference between records",
      hedged: "a YAML boolean (true/false); the newsroom's is a checkbox",
      author: "an email in files; the newsroom knows the signed-in author",
      evidence: "a list (its items are checked below)",
      verdicts: "a list (its items are checked below)",
      text: { newsroom: { schema: claims.CreateClaimSchema, base: { dossierId: "d", selection: selection("passage"), text: "T" }, path: ["text"] } },
      anchor: "an object: its fields are the entries below",
      "anchor.exact": {
        contentPath: ["anchor", "exact"],
        newsroom: { schema: claims.CreateClaimSchema, base: { dossierId: "d", text: "T" }, path: ["selection", "exact"] },
        buildNewsroom: (value) => ({ dossierId: "d", text: "T", selection: selection(value) }),
      },
      "anchor.prefix": { contentPath: ["anchor", "prefix"], newsroom: { schema: claims.CreateClaimSchema, base: { dossierId: "d", text: "T", selection: selection("passage") }, path: ["selection", "prefix"] } },
      "anchor.suffix": { contentPath: ["anchor", "suffix"], newsroom: { schema: claims.CreateClaimSchema, base: { dossierId: "d", text: "T", selection: selection("passage") }, path: ["selection", "suffix"] } },
    },
  },
  {
    name: "evidence",
    content: { schema: content.ContentEvidenceSchema, base: { source: "s", stance: "supports" }, shape: shapeOf(content.ContentEvidenceSchema) },
    fields: {
      source: "the source's key in files; the newsroom picks the source from a list",
      ...same(["stance", "excerpt", "note"], claims.CreateEvidenceSchema, { dossierId: "d", claimId: "c", sourceId: "s", stance: "supports", excerpt: "" }),
    },
  },
  {
    name: "verdict",
    content: { schema: content.ContentVerdictSchema, base: { status: "verified", rationale: "R", decidedAt: "2024-01-01" }, shape: shapeOf(content.ContentVerdictSchema) },
    fields: {
      decidedAt: "files say when a past verdict was decided; the newsroom records the moment it is given",
      decidedBy: "an email in files; the newsroom knows the signed-in editor",
      status: { newsroom: { schema: verdicts.SetVerdictSchema, base: { claimId: "c", version: 1, verdict: "verified", rationale: "R" }, path: ["verdict"] } },
      ...same(["rationale", "correctionNote"], verdicts.SetVerdictSchema, { claimId: "c", version: 1, verdict: "verified", rationale: "R" }),
    },
  },
  {
    name: "quote",
    content: { schema: content.ContentQuoteSchema, base: { key: "k", text: "Q", speaker: "e" }, shape: shapeOf(content.ContentQuoteSchema) },
    fields: {
      key: "content files' own reference between records",
      speaker: "the entity's key in files; the newsroom picks the speaker from a list",
      source: "the source's key in files; the newsroom picks the source from a list",
      onRecord: "a YAML boolean (true/false); the newsroom's is a checkbox",
      ...same(["text", "language", "speakerLabel", "date", "context"], records.CreateQuoteSchema, { dossierId: "d", text: "Q", language: "fr", speakerId: "e", context: "" }),
    },
  },
  {
    name: "question",
    content: { schema: content.ContentQuestionSchema, base: { key: "k", text: "Q?" }, shape: shapeOf(content.ContentQuestionSchema) },
    fields: {
      key: "content files' own reference between records",
      owner: "an email in files; the newsroom picks a member from a list",
      answeredBy: "the answering claim's key in files; the newsroom picks the claim from a list (both require it for an answered question: tested below)",
      answeredAt: "files say when; the newsroom records the moment it is answered",
      ...same(["text", "status", "answer"], records.UpdateQuestionSchema, { dossierId: "d", questionId: "q", version: 1, text: "Q?", status: "open" }),
    },
  },
  {
    name: "event",
    content: { schema: content.ContentEventSchema, base: { key: "k", title: "E", date: "2023" }, shape: shapeOf(content.ContentEventSchema) },
    fields: {
      key: "content files' own reference between records",
      claims: "claim keys in files; the newsroom picks claims from a list",
      sources: "source keys in files; the newsroom picks sources from a list",
      ...same(["title", "description", "date", "certainty"], records.CreateEventSchema, { dossierId: "d", title: "E", description: "", date: "2023", certainty: "happened" }),
    },
  },
];

function same(names: string[], schema: z.ZodType, base: Record<string, unknown>) {
  return Object.fromEntries(names.map((n) => [n, { newsroom: { schema, base, path: [n] } }]));
}

function shapeOf(schema: z.ZodType): Record<string, unknown> {
  const s = schema as unknown as { shape?: Record<string, unknown> };
  if (!s.shape) throw new Error("not an object schema");
  return s.shape;
}

function withValue(base: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const copy = structuredClone(base) as Record<string, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = (target[key as string] ??= {}) as Record<string, unknown>;
  target[path[path.length - 1] as string] = value;
  return copy;
}

function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k as string] : undefined), value);
}

/** Refused (an issue at the field itself), or accepted with the value it stores (when the rest parses). */
function outcome(schema: z.ZodType, input: unknown, path: Path): { refused: boolean; stored?: unknown } {
  const result = schema.safeParse(input);
  if (result.success) return { refused: false, stored: at(result.data, path) };
  const key = path.join(".");
  return { refused: result.error.issues.some((i) => i.path.join(".") === key) };
}

describe("the importer and the newsroom validate every field with the same rules", () => {
  it("classifies every field of every content record (a new field must say how it relates to the newsroom)", () => {
    for (const record of RECORDS) {
      const fields = Object.keys(record.content.shape);
      const anchorFields = record.name === "claim" ? Object.keys(shapeOf(record.content.shape.anchor as z.ZodType)).map((k) => `anchor.${k}`) : [];
      expect([...fields, ...anchorFields].sort(), record.name).toEqual(Object.keys(record.fields).sort());
    }
  });

  for (const record of RECORDS) {
    for (const [field, pair] of Object.entries(record.fields)) {
      if (typeof pair === "string") continue;
      it(`${record.name}.${field}: what one refuses the other refuses, and both store the same`, () => {
        const contentPath = pair.contentPath ?? [field];
        const disagreements: string[] = [];
        for (const probe of PROBES) {
          const fromFile = outcome(record.content.schema, withValue(record.content.base, contentPath, probe), contentPath);
          const newsroomInput = pair.buildNewsroom ? pair.buildNewsroom(probe) : withValue(pair.newsroom.base, pair.newsroom.path, probe);
          const fromNewsroom = outcome(pair.newsroom.schema, newsroomInput, pair.newsroom.path);
          const shown = JSON.stringify(probe)?.slice(0, 40);
          if (fromFile.refused !== fromNewsroom.refused) {
            disagreements.push(`${shown}: ${fromFile.refused ? "the file refuses it" : "the file accepts it"}, ${fromNewsroom.refused ? "the newsroom refuses it" : "the newsroom accepts it"}`);
          } else if (!fromFile.refused && "stored" in fromFile && "stored" in fromNewsroom && fromFile.stored !== undefined && fromNewsroom.stored !== undefined) {
            if (JSON.stringify(fromFile.stored) !== JSON.stringify(fromNewsroom.stored)) disagreements.push(`${shown}: stored as ${JSON.stringify(fromFile.stored)?.slice(0, 40)} from a file, ${JSON.stringify(fromNewsroom.stored)?.slice(0, 40)} from the newsroom`);
          }
        }
        expect(disagreements).toEqual([]);
      });
    }
  }

  it("accepts as a dossier slug only what the newsroom would create and the reader routes serve", () => {
    for (const probe of PROBES) {
      const fromFile = content.ContentDossierSchema.safeParse({ slug: probe, title: "T" });
      const fromNewsroom = dossier.CreateDossierSchema.safeParse({ title: "T", summary: "", language: "fr", slug: probe });
      const shown = JSON.stringify(probe)?.slice(0, 40);
      if (fromFile.success) {
        expect(fromNewsroom.success && fromNewsroom.data.slug, shown).toBe(fromFile.data.slug);
        expect(DossierSlugSchema.safeParse(fromFile.data.slug).success, shown).toBe(true);
      } else if (typeof probe === "string" && probe.trim() !== "") {
        // A non-empty slug the file refuses, the newsroom refuses too (empty: the newsroom proposes one from the title).
        expect(fromNewsroom.success, shown).toBe(false);
      }
    }
    expect(content.ContentDossierSchema.safeParse({ slug: "new", title: "T" }).success).toBe(false);
  });

  it("refuses an answered question without its answering claim or its answer, in a file as in the newsroom", () => {
    const file = (q: Record<string, unknown>) => content.ContentQuestionSchema.safeParse({ key: "q", text: "Q?", status: "answered", ...q });
    const newsroom = (q: Record<string, unknown>) => records.UpdateQuestionSchema.safeParse({ dossierId: "d", questionId: "q", version: 1, text: "Q?", status: "answered", ...q });
    expect([file({ answer: "Oui." }).success, newsroom({ answer: "Oui." }).success]).toEqual([false, false]);
    expect([file({ answeredBy: "c" }).success, newsroom({ answeringClaimId: "c" }).success]).toEqual([false, false]);
    expect([file({ answeredBy: "c", answer: "Oui." }).success, newsroom({ answeringClaimId: "c", answer: "Oui." }).success]).toEqual([true, true]);
  });

  it("applies the newsroom's article limit to article.md", () => {
    expect(content.articleBody).toBe(dossier.articleBody);
    expect(dossier.articleBody.safeParse("x".repeat(dossier.ARTICLE_MAX)).success).toBe(true);
    expect(dossier.articleBody.safeParse("x".repeat(dossier.ARTICLE_MAX + 1)).success).toBe(false);
  });
});

// ── NUL bytes and lone surrogates, in every input schema ──

const ALL_SCHEMAS = Object.entries({ ...archive, ...auth, ...claims, ...content, ...desk, ...dossier, ...exportSchemas, ...notifications, ...publishing, ...records, ...search, ...sources, ...verdicts }).filter(
  ([name, value]) => name.endsWith("Schema") && value && typeof value === "object" && "safeParse" in value,
) as [string, z.ZodType][];

/** The object shapes of a schema (the options of a discriminated union each count). */
function shapes(schema: z.ZodType): Record<string, z.ZodType>[] {
  const def = (schema as unknown as { _zod: { def: { type: string; options?: z.ZodType[]; shape?: Record<string, z.ZodType> } } })._zod.def;
  if (def.type === "object") return [def.shape!];
  if (def.type === "union") return def.options!.flatMap(shapes);
  return [];
}

function containsUnsafe(value: unknown): boolean {
  return JSON.stringify(value ?? null).match(/\\u0000|\\ud[89ab][0-9a-f]{2}(?!\\udc)|(?<!\\ud[89ab][0-9a-f]{2})\\udc[0-9a-f]{2}/i) !== null;
}

describe("no field lets a NUL or a lone surrogate through", () => {
  it("finds the project's input schemas", () => {
    expect(ALL_SCHEMAS.length).toBeGreaterThan(40);
  });

  for (const [name, schema] of ALL_SCHEMAS) {
    it(`${name}: each text field refuses them, naming the field`, () => {
      const found: string[] = [];
      const walk = (shape: Record<string, z.ZodType>, prefix: string[]) => {
        for (const [key, field] of Object.entries(shape)) {
          for (const nested of shapes(field)) walk(nested, [...prefix, key]);
          for (const [bad, words] of [["Texte\u0000caché", /NUL character/], ["Texte\uD800cassé", /surrogate/]] as const) {
            for (const probe of [bad, [bad]]) {
              const result = field.safeParse(probe);
              if (result.success) {
                // Accepted only if nothing of it is kept (a checkbox reads any text as "not ticked").
                if (containsUnsafe(result.data)) found.push(`${[...prefix, key].join(".")} keeps ${JSON.stringify(probe)}`);
                continue;
              }
              // A text field (one that accepts ordinary text) must say what is wrong with this one.
              if (typeof probe === "string" && field.safeParse("Texte").success && !result.error.issues.some((i) => words.test(i.message))) {
                found.push(`${[...prefix, key].join(".")} refuses ${JSON.stringify(probe)} without saying why: ${result.error.issues.map((i) => i.message).join(" ")}`);
              }
            }
          }
        }
      };
      for (const shape of shapes(schema)) walk(shape, []);
      expect(found).toEqual([]);
    });
  }

  it("names the field in the form's errors", async () => {
    const { parseInput } = await import("@/lib/schemas/parse");
    expect(() => parseInput(claims.UpdateClaimSchema, { dossierId: "d", claimId: "c", version: 1, text: "Bonjour\uD83D" })).toThrow(
      expect.objectContaining({ fieldErrors: { text: [expect.stringMatching(/^The claim contains a broken character/)] } }),
    );
    expect(() => parseInput(dossier.SaveDraftSchema, { dossierId: "d", baseVersion: 1, body: "Début\u0000fin" })).toThrow(
      expect.objectContaining({ fieldErrors: { body: [expect.stringMatching(/^The article contains a NUL character/)] } }),
    );
  });
});
