// Next to a public source's live link: the copies the newsroom archived and chose to show (its
// capture, served by Dossier, and documents), each with its date and SHA-256.
import type { Locale } from "@/lib/i18n/locales";
import type { UiMessages } from "@/lib/i18n/messages";
import type { PublicArchivedCopy } from "@/lib/server/reader/get-public-archive";
import { readerPaths } from "@/lib/i18n/routing";
import { DayDate } from "./dates";

export function ArchivedCopies({ copies, slug, locale, t }: { copies: PublicArchivedCopy[] | undefined; slug: string; locale: Locale; t: UiMessages }) {
  if (!copies || copies.length === 0) return null;
  return (
    <ul className="source__archive meta" aria-label={t.archive.recordLabel}>
      {copies.map((copy) => (
        <li key={copy.id}>
          {copy.kind === "capture" ? (
            <a href={readerPaths.archive(slug, copy.id, locale)}>
              {t.archive.archivedCopy({ date: <DayDate iso={copy.at} locale={locale} /> })}
            </a>
          ) : (
            <a href={`/api/files/document/${copy.id}/original`} rel="nofollow">
              {t.archive.document({ name: copy.label })}
            </a>
          )}{" "}
          · {t.archive.sha256} <code className="hash" title={copy.sha256}>{copy.sha256.slice(0, 16)}…</code>
        </li>
      ))}
    </ul>
  );
}
