import "server-only";
// The article's rendered text and passages, computed off the server's only request thread for
// large articles (docs/decisions/103). Parsing Markdown is synchronous: a 2,000-claim article
// (≈ 360k characters) takes 0.6 s on an idle core and 2–4 s on a loaded one, and every request
// the server holds waits that long. In a worker thread the same pipeline (render.ts, the same
// code, not a copy) runs beside the request thread, which keeps answering readers.
// Small articles stay on the calling thread: a round trip costs more than their parse.
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { PreparedText } from "@/lib/domain/anchoring";
import { renderedArticle, type RenderedArticle } from "./passages";
import type { RenderAnswer, RenderRequest } from "./render-thread";

/** Below this many characters (≈ 30 ms of parsing on an idle core), the caller's thread renders. */
export const OFF_THREAD_FROM = 20_000;

// Read from the source tree at run time (the server always runs from it, `npm start`): the
// bundler must neither follow nor bundle the thread's entry.
const WORKER_ENTRY = path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "markdown", "render-worker.mjs");

let worker: Worker | null = null;
/** Set when the thread cannot start here: everything then renders on the caller's thread. */
let unavailable = false;
let nextId = 1;
const pending = new Map<number, { resolve: (value: RenderedArticle) => void; reject: (error: Error) => void }>();

/** The pipeline itself threw (as it would have inline), as opposed to the thread failing. */
class PipelineError extends Error {}

function failAll(error: Error) {
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
}

function thread(): Worker | null {
  if (worker) return worker;
  if (unavailable || !fs.existsSync(WORKER_ENTRY)) return null;
  try {
    const started = new Worker(/* turbopackIgnore: true */ WORKER_ENTRY, { execArgv: [], name: "dossier-markdown" });
    started.on("message", (answer: RenderAnswer) => {
      const waiting = pending.get(answer.id);
      if (!waiting) return;
      pending.delete(answer.id);
      if (pending.size === 0) started.unref();
      if (answer.ok) waiting.resolve(answer.value);
      else waiting.reject(new PipelineError(answer.message));
    });
    started.on("error", (error) => {
      // A thread that cannot load (or died) is not retried in a loop: this process renders inline.
      console.error(`[dossier] Markdown worker thread failed; rendering on the request thread from now on: ${error.message}`);
      unavailable = true;
      worker = null;
      failAll(error);
    });
    started.on("exit", () => {
      if (worker === started) worker = null;
      failAll(new Error("The Markdown worker thread stopped."));
    });
    started.unref();
    worker = started;
    return started;
  } catch {
    unavailable = true;
    return null;
  }
}

/**
 * The last few large articles rendered, by their text: a save re-anchors with the text, then the
 * search index takes the same article's passages — one parse for both.
 */
const recent = new Map<string, Promise<RenderedArticle>>();
const RECENT_MAX = 4;

function render(markdown: string): Promise<RenderedArticle> {
  if (markdown.length < OFF_THREAD_FROM) return Promise.resolve(renderedArticle(markdown));
  const known = recent.get(markdown);
  if (known) return known;
  const rendering = onThread(markdown);
  recent.set(markdown, rendering);
  if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
  // A failure is not remembered: the next call tries again.
  rendering.catch(() => recent.delete(markdown));
  return rendering;
}

async function onThread(markdown: string): Promise<RenderedArticle> {
  const running = thread();
  if (!running) return renderedArticle(markdown);
  const id = nextId++;
  try {
    return await new Promise<RenderedArticle>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      running.ref();
      running.postMessage({ id, markdown } satisfies RenderRequest);
    });
  } catch (error) {
    // The pipeline itself threw: the same error as inline. The thread failed: render inline.
    if (error instanceof PipelineError) throw error;
    return renderedArticle(markdown);
  }
}

/** articleText(markdown), off the request thread when the article is large. */
export async function articleTextOffThread(markdown: string): Promise<string> {
  return (await render(markdown)).text;
}

/**
 * The article's text prepared for anchoring passages (lib/domain/anchoring.ts), normalised off the
 * request thread too: for a 2,000-claim article that step alone held the thread ≈ 0.1–0.2 s.
 */
export async function articlePreparedTextOffThread(markdown: string): Promise<PreparedText> {
  const { text, normalized } = await render(markdown);
  return { original: text, normalized };
}

/** The article's search passages (lib/markdown/passages.ts), off the request thread when large. */
export async function articlePassagesOffThread(markdown: string): Promise<string[]> {
  return (await render(markdown)).passages;
}
