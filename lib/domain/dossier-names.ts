// Two dossiers may share a title (a follow-up, a second investigation of one company): wherever
// the newsroom names dossiers they must still be told apart (docs/decisions/111). Titles are
// compared as a reader would (case, accents' composition and spacing aside); a shared title is
// shown with the dossier's web address, which is unique and never changes.

const titleKey = (title: string): string => title.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("und");

/** Whether two titles would read as the same. */
export const sameTitle = (a: string, b: string): boolean => titleKey(a) === titleKey(b);

/** The titles (as keys) that more than one of these dossiers bears. */
export function sharedTitles(dossiers: readonly { title: string }[]): ReadonlySet<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const d of dossiers) {
    const key = titleKey(d.title);
    if (seen.has(key)) shared.add(key);
    seen.add(key);
  }
  return shared;
}

/** Whether this dossier's title is one of the shared ones. */
export const titleIsShared = (d: { title: string }, shared: ReadonlySet<string>): boolean => shared.has(titleKey(d.title));

/** A dossier's name in a list or a menu: its title, with its web address when another dossier has the same title. */
export const dossierName = (d: { title: string; slug: string }, shared: ReadonlySet<string>): string => (titleIsShared(d, shared) ? `${d.title} (${d.slug})` : d.title);
