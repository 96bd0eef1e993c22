// Runs inside the Markdown worker thread: the one pipeline (render.ts), answering one message at
// a time. Each answer is small (the rendered text and the search passages), so handing it back
// costs little; both come from one parse, since a save needs the one and then the other.
import fs from "node:fs";
import os from "node:os";
import { parentPort } from "node:worker_threads";
import { renderedArticle, type RenderedArticle } from "./passages";

// Readers first: on Linux a thread has its own nice value, so this thread (found by its id in
// /proc) yields the cores to the request thread whenever both want one. Elsewhere it runs as is.
try {
  const tid = Number(fs.readlinkSync("/proc/thread-self").split("/").pop());
  if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, 10);
} catch {
  // not Linux, or not allowed: the thread keeps the process's priority
}

export type RenderRequest = { id: number; markdown: string };
export type RenderAnswer = { id: number; ok: true; value: RenderedArticle } | { id: number; ok: false; message: string };

parentPort?.on("message", (request: RenderRequest) => {
  let answer: RenderAnswer;
  try {
    answer = { id: request.id, ok: true, value: renderedArticle(request.markdown) };
  } catch (error) {
    answer = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(answer);
});
