// Dossier slugs are public URLs (/dossiers/<slug>): lower-case ASCII letters, digits and hyphens,
// proposed from the title and fixed once the dossier exists (reader links must not break).
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const SLUG_MAX_LENGTH = 80;

export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/g, "");
}

/**
 * Addresses the newsroom's own routes use: a dossier with one of these slugs could never be
 * opened there (/newsroom/dossiers/new is the form for a new dossier).
 */
export const RESERVED_SLUGS: readonly string[] = ["new"];
