// Reader pages have no interactive part (every reader component is a server component, the
// claims filter and the language switch are HTML and CSS), yet Next's App Router sends each one
// with its client runtime (≈ 135 kB gzip of JavaScript) and the page again as React flight data
// (≈ 60 % of the HTML), so the browser can hydrate a page that does nothing. The server
// (lib/cli/serve.ts) and the static edition send reader HTML through `lightenReaderHtml`, which
// drops both: what remains is the page as rendered, its stylesheet and its JSON-LD
// (docs/decisions/042). Pure string work on Next's own output, checked by tests/unit/reader-html.test.ts
// and by the e2e suite (no reader page carries a script).

/** `<script>` elements other than JSON-LD data blocks (which are data, not code). */
const SCRIPT = /<script\b(?![^>]*\btype="application\/ld\+json")[^>]*>[\s\S]*?<\/script>/gi;
/** Preload hints for those scripts. */
const SCRIPT_HINT = /<link\b(?=[^>]*\brel="(?:preload|modulepreload)")(?=[^>]*\bas="script")[^>]*\/?>|<link\b(?=[^>]*\brel="modulepreload")[^>]*\/?>/gi;

export function lightenReaderHtml(html: string): string {
  return html.replace(SCRIPT, "").replace(SCRIPT_HINT, "");
}

/**
 * Next's "empty shell" for a page that called notFound() (vercel/next.js#62228): a document whose
 * body only JavaScript would fill. The server answers with the localised not-found page instead.
 */
export function isNotFoundShell(html: string): boolean {
  return html.includes('<html id="__next_error__"');
}

/** True when the HTML still carries something that would run, e.g. if Next changed its output. */
export function hasExecutableScript(html: string): boolean {
  SCRIPT.lastIndex = 0;
  return SCRIPT.test(html);
}
