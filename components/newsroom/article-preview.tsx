"use client";
// The live preview: the same remark → rehype → sanitize pipeline readers get (lib/markdown), so
// the preview's text is exactly articleText(markdown) and a selection's offsets in it are the
// offsets claims are anchored with. Claim passages are highlighted with <mark> only — no badges,
// which would add text and shift offsets.
import type { Root } from "hast";
import { forwardRef } from "react";
import { HastContent } from "@/components/markdown-content";

export const ArticlePreview = forwardRef<HTMLDivElement, { tree: Root; lang: string; labelledBy: string; empty: boolean }>(function ArticlePreview({ tree, lang, labelledBy, empty }, ref) {
  return (
    <div ref={ref} className="article preview" lang={lang} aria-labelledby={labelledBy} role="region" tabIndex={0}>
      {empty ? <p className="empty">The article is empty. Write it in Markdown on the left.</p> : <HastContent tree={tree} />}
    </div>
  );
});
