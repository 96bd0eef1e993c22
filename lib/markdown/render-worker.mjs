// Entry of the Markdown worker thread (lib/markdown/off-thread.ts). Plain JavaScript so that a
// thread can start it whatever its parent's loaders; it teaches the thread TypeScript (tsx, as
// `npm start` does for the server) and loads the one pipeline.
import { register } from "tsx/esm/api";

register();
await import("./render-thread.ts");
