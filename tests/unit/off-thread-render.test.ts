// A large article's text and passages are computed in a worker thread (decision 103): the same
// result as the one pipeline on the calling thread, while the calling thread keeps running.
import { describe, expect, it } from "vitest";
import { anchorQuote, prepareText } from "@/lib/domain/anchoring";
import { articlePassagesOffThread, articlePreparedTextOffThread, articleTextOffThread, OFF_THREAD_FROM } from "@/lib/markdown/off-thread";
import { hastPassages } from "@/lib/markdown/passages";
import { articleText, markdownToHast } from "@/lib/markdown/render";
import { syntheticArticle } from "../bench/synthetic";

/** Counts the turns of the calling thread's event loop while `work` is pending. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let running = true;
  const spin = () => {
    if (!running) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  const value = await work();
  running = false;
  return { value, turns };
}

describe("rendering a large article off the request thread", { timeout: 60_000 }, () => {
  const large = syntheticArticle(600) + "\n> Une citation\n>\n> - en liste\n\n| a | b |\n|---|---|\n| c | d |\n\n<script>alert(1)</script>\n";

  it("gives the same text and passages as the pipeline on the calling thread", async () => {
    expect(large.length).toBeGreaterThan(OFF_THREAD_FROM);
    expect(await articleTextOffThread(large)).toBe(articleText(large));
    const passages = await articlePassagesOffThread(large);
    expect(passages).toEqual(hastPassages(markdownToHast(large)));
    expect(passages).toContain("Une citation");
    expect(passages.join(" ")).not.toContain("alert(1)");
  });

  it("prepares the text for anchoring as the calling thread would, and passages are found the same", async () => {
    const prepared = await articlePreparedTextOffThread(large);
    const inline = prepareText(articleText(large));
    expect(prepared.original).toBe(inline.original);
    expect(prepared.normalized.text).toBe(inline.normalized.text);
    expect(Array.from(prepared.normalized.startOf)).toEqual(inline.normalized.startOf);
    expect(Array.from(prepared.normalized.endOf)).toEqual(inline.normalized.endOf);
    const exact = inline.original.slice(2000, 2060);
    expect(anchorQuote(prepared, { exact })).toEqual(anchorQuote(inline, { exact }));
  });

  it("lets the calling thread run while a large article renders, not while a small one does", async () => {
    const offThread = await turnsDuring(() => articleTextOffThread(syntheticArticle(2000)));
    expect(offThread.value).toContain("Le fait numéro 1999");
    expect(offThread.turns).toBeGreaterThan(10);
    const small = "Un **court** article.";
    const inline = await turnsDuring(() => articleTextOffThread(small));
    expect(inline.value).toBe("Un court article.");
    expect(inline.turns).toBe(0);
  });

  it("renders an article it has just rendered once (a save's text, then its search passages)", async () => {
    const article = syntheticArticle(700);
    const { turns } = await turnsDuring(async () => {
      await articleTextOffThread(article);
      return articlePassagesOffThread(article);
    });
    const again = await turnsDuring(() => articlePassagesOffThread(article));
    expect(turns).toBeGreaterThan(0);
    expect(again.value).toEqual(hastPassages(markdownToHast(article)));
    expect(again.turns).toBeLessThan(3);
  });

  it("answers many concurrent requests each with its own article", async () => {
    const articles = [300, 400, 500].map((n) => syntheticArticle(n) + `\n\nFin ${n}.\n`);
    const texts = await Promise.all(articles.map((a) => articleTextOffThread(a)));
    texts.forEach((text, i) => expect(text).toBe(articleText(articles[i]!)));
  });
});
