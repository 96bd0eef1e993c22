import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  // The capture and document tools load files of their own at run time (pdf.js its worker and
  // fonts, jsdom its style sheets, Playwright its browser protocol): they stay in node_modules too.
  serverExternalPackages: ["better-sqlite3", "pdfjs-dist", "jsdom", "playwright-core", "mammoth"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
