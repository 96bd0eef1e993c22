import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_SERVER } from "next/constants";
import path from "node:path";
import { env } from "./lib/env";
import { REQUEST_BODY_MAX_BYTES } from "./lib/schemas/limits";

export default function config(phase: string): NextConfig {
  const serving = phase === PHASE_PRODUCTION_SERVER || phase === PHASE_DEVELOPMENT_SERVER;
  return {
    // Database drivers load from node_modules at run time, never bundled (better-sqlite3 is a native
    // addon; node-postgres optionally requires pg-native).
    // The capture and document tools load files of their own at run time (pdf.js its worker and
    // fonts, jsdom its style sheets, Playwright its browser protocol): they stay in node_modules too.
    serverExternalPackages: ["better-sqlite3", "pg", "pdfjs-dist", "jsdom", "playwright-core", "mammoth"],
    poweredByHeader: false,
    // Types are checked by `npm run typecheck` (part of `npm test` and CI), not again by every build:
    // `npm start` builds on first start and whenever the code or the content changed, and a second
    // type-check there only delays the newsroom's start (and each e2e run's build) by a minute.
    typescript: { ignoreBuildErrors: true },
    typedRoutes: false,
    // lib/cli/serve.ts compresses: it must see reader HTML before compression to lighten it.
    compress: false,
    experimental: {
      // Next's default (1 MB) is below what the longest article a field accepts can take on the
      // wire: an article within its limit made the editor's page fail. The same limit as every
      // field's own (lib/schemas/limits.ts), so the schema, not the transport, says what is wrong.
      serverActions: { bodySizeLimit: REQUEST_BODY_MAX_BYTES },
    },
    // With REDIS_URL, every instance shares one page and data cache (docs/decisions/041). Only the
    // running server uses it (read when it starts, so it follows the environment it runs in): the
    // build's few prerendered pages stay in .next and are rendered again on first request.
    ...(serving && env.REDIS_URL ? { cacheHandler: path.resolve("lib/cache/redis-cache-handler.ts"), cacheMaxMemorySize: 0 } : {}),
    ...(serving && env.PAGE_CACHE === "none" ? { cacheHandler: path.resolve("lib/cache/no-cache-handler.ts"), cacheMaxMemorySize: 0 } : {}),
  };
}
