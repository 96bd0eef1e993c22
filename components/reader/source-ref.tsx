import type { UiMessages } from "@/lib/i18n/messages";
import { typeset } from "@/lib/i18n/typography";
import type { PublicSource } from "@/lib/server/reader/get-published-dossier";

/** "[3]", linking to the source in the dossier's list; its accessible name is "Source 3". */
export function SourceRef({ source, href, t }: { source: PublicSource; href: string; t: UiMessages }) {
  return (
    <a href={href} className="source-ref">
      <span className="visually-hidden">{t.sources.sourceNumber({ n: source.number })}</span>
      <span aria-hidden="true">[{source.number}]</span>
    </a>
  );
}

/** What a reader may know of a source: its title, or a confidential source's description only. */
export function SourceName({ source, language, t }: { source: PublicSource; language: string; t: UiMessages }) {
  if (source.confidential) {
    return (
      <>
        <span className="confidential-label">{t.sources.confidential}</span>
        {source.description ? (
          <>
            {" – "}
            <span lang={language}>{typeset(source.description, language)}</span>
          </>
        ) : null}
      </>
    );
  }
  return <cite lang={language}>{typeset(source.title, language)}</cite>;
}
