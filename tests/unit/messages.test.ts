// The interface's ICU messages (decision 112): the two catalogs agree key for key and argument for
// argument, plurals and numbers follow each language's rules (by the library, not by hand), and
// French typography is applied to French templates only — never to the values put into them.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { catalog, messages } from "@/lib/i18n/messages";
import { NBSP, NNBSP } from "@/lib/i18n/typography";

type Tree = { [key: string]: string | Tree };
const leaves = (o: Tree, path: string[] = []): [string, string][] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === "string" ? [[JSON.stringify([...path, k]), v] as [string, string]] : leaves(v, [...path, k])));
/** The names of a message's arguments (`{n, plural, …}`, `{date}`), sorted. */
const argumentsOf = (message: string) => [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();

describe("interface messages", () => {
  const en = new Map(leaves(catalog("en") as unknown as Tree));
  const fr = new Map(leaves(catalog("fr") as unknown as Tree));

  it("has the same keys, and the same arguments for each, in French and English", () => {
    expect([...fr.keys()].sort()).toEqual([...en.keys()].sort());
    const mismatched = [...en].filter(([key, message]) => argumentsOf(message).join() !== argumentsOf(fr.get(key)!).join());
    expect(mismatched).toEqual([]);
  });

  it("formats every message in both languages without an ICU error", () => {
    for (const locale of ["en", "fr"] as const) {
      const formatted = messages(locale) as unknown as Tree;
      for (const [key, message] of leaves(catalog(locale) as unknown as Tree)) {
        const leaf = (JSON.parse(key) as string[]).reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], formatted);
        const names = argumentsOf(message);
        if (names.length === 0) expect(typeof leaf, key).toBe("string");
        else {
          // A plural or a number gets 2, a select its "other" case, anything else a word.
          const values = Object.fromEntries(names.map((n) => [n, new RegExp(`\\{${n}, (plural|number)`).test(message) ? 2 : new RegExp(`\\{${n}, select`).test(message) ? "other" : "x"]));
          expect(typeof (leaf as (v: object) => string)(values), key).toBe("string");
        }
      }
    }
  });

  it("uses each language's plural rules: French singular for 0 and 1, English for 1 only", () => {
    expect(messages("en").home.claims({ n: 0 })).toBe("0 claims");
    expect(messages("en").home.claims({ n: 1 })).toBe("1 claim");
    expect(messages("fr").home.claims({ n: 0 })).toBe("0 affirmation");
    expect(messages("fr").home.claims({ n: 1 })).toBe("1 affirmation");
    expect(messages("fr").home.claims({ n: 2 })).toBe("2 affirmations");
    expect(messages("fr").versionPage.linesChanged({ removed: 1, added: 3 })).toBe("1 paragraphe retiré ou modifié, 3 ajoutés ou modifiés.");
    expect(messages("en").search.count({ n: 20, more: "true", q: "Mistral" })).toBe("More than 20 results for “Mistral”");
  });

  it("writes numbers the way each language does", () => {
    expect(messages("en").home.claims({ n: 2000 })).toBe("2,000 claims");
    expect(messages("fr").home.claims({ n: 2000 })).toBe(`2${NNBSP}000 affirmations`);
  });

  it("typesets French templates, never the English title put into one", () => {
    const title = "Who pays? Nobody: really!";
    expect(messages("fr").timeline.title({ dossier: title })).toBe(`Chronologie · ${title}`);
    expect(messages("fr").apiTokens.revokeTitle({ name: title })).toBe(`Révoquer le jeton «${NNBSP}${title}${NNBSP}»${NNBSP}?`);
    expect(messages("fr").history.first({ to: "Vérifié" })).toBe(`Verdict${NBSP}: Vérifié`);
  });

  it("puts an element into a sentence as rich text, where the language puts it", () => {
    const date = createElement("time", { dateTime: "2023-09-12" }, "12 septembre 2023");
    expect(renderToStaticMarkup(createElement("p", null, messages("fr").dossier.publishedOn({ date })))).toBe('<p>Publié le <time dateTime="2023-09-12">12 septembre 2023</time></p>');
    const author = createElement("span", { lang: "en" }, "Who? Me: yes!");
    expect(renderToStaticMarkup(createElement("p", null, messages("fr").sources.by({ author })))).toBe('<p>par <span lang="en">Who? Me: yes!</span></p>');
  });
});
