import type { NextConfig } from "next";
import { REQUEST_BODY_MAX_BYTES } from "./lib/schemas/limits";

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  // The capture and document tools load files of their own at run time (pdf.js its worker and
  // fonts, jsdom its style sheets, Playwright its browser protocol): they stay in node_modules too.
  serverExternalPackages: ["better-sqlite3", "pdfjs-dist", "jsdom", "playwright-core", "mammoth"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // Next's default (1 MB) is below what the longest article a field accepts can take on the
    // wire: an article within its limit made the editor's page fail. The same limit as every
    // field's own (lib/schemas/limits.ts), so the schema, not the transport, says what is wrong.
    serverActions: { bodySizeLimit: REQUEST_BODY_MAX_BYTES },
  },
};

export default nextConfig;
