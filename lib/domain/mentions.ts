// @mentions in a comment (docs/decisions/110): "@" followed by a member's full name as the
// newsroom knows it ("@Édouard Éditeur"), matched without regard to case, the longest name first
// (so "@Ana Maria" is Ana Maria, not Ana), and only when the name ends there (not "@Anabel" for
// Ana). The comment box inserts exactly this text when a member is picked from its list.

export interface Mentionable {
  id: string;
  name: string;
}

const fold = (s: string) => s.normalize("NFC").toLocaleLowerCase("en");
const WORD_CHARACTER = /[\p{L}\p{N}_-]/u;

/** The members `text` mentions, each once, in the order first mentioned. */
export function findMentions<M extends Mentionable>(text: string, members: readonly M[]): M[] {
  const folded = fold(text);
  const candidates = members.filter((m) => m.name.trim() !== "").map((m) => ({ member: m, name: fold(m.name.trim()) }));
  candidates.sort((a, b) => b.name.length - a.name.length);
  const found: M[] = [];
  for (let at = folded.indexOf("@"); at !== -1; at = folded.indexOf("@", at + 1)) {
    // An e-mail address (someone@example.org) is not a mention.
    if (at > 0 && WORD_CHARACTER.test(folded[at - 1]!)) continue;
    const rest = folded.slice(at + 1);
    const match = candidates.find((c) => rest.startsWith(c.name) && !WORD_CHARACTER.test(rest.charAt(c.name.length)));
    if (match && !found.includes(match.member)) found.push(match.member);
  }
  return found;
}

/** What the comment box inserts for a member: "@Name ". */
export const mentionText = (name: string): string => `@${name.trim()} `;
