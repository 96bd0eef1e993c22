// A dossier's audit log, each entry as a sentence in the member's language (like API tokens:
// the reader site's choice or their browser's), from the audit vocabulary (lib/domain/audit-actions.ts).
// An action outside the vocabulary (a row written by an older version) is shown as it was written.
import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/newsroom/labels";
import { describeAuditAction } from "@/lib/domain/audit-actions";
import { loadForPage, newsroomLocale, requireNewsroomActor } from "@/lib/http/page";
import { INTL_LOCALE } from "@/lib/i18n/locales";
import { messages, type UiMessages } from "@/lib/i18n/messages";
import { listDossierAudit, type AuditEntryView } from "@/lib/server/dossiers/list-dossier-audit";

export async function generateMetadata(): Promise<Metadata> {
  return { title: messages(await newsroomLocale()).audit.title };
}

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ before?: string }> };

export default async function AuditPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { before } = await searchParams;
  const actor = await requireNewsroomActor(`/newsroom/dossiers/${slug}/audit`);
  const locale = await newsroomLocale();
  const t = messages(locale).audit;
  const result = await loadForPage(() => listDossierAudit(actor, slug, { before: typeof before === "string" && before ? before : undefined }));
  if (!result.ok) {
    return (
      <div lang={locale}>
        <h1>{t.title}</h1>
        <p role="alert" className="alert alert--error">
          <span lang="en">{result.reason}</span> {t.refused}
        </p>
      </div>
    );
  }
  const page = result.data;
  return (
    <div lang={locale}>
      <h1>{t.title}</h1>
      <p className="meta">{t.intro}</p>
      {page.entries.length === 0 ? (
        <p className="empty">{t.empty}</p>
      ) : (
        <ol className="audit">
          {page.entries.map((e) => (
            <li key={e.id} className="audit__entry">
              <p>
                <Sentence entry={e} t={t} contentLanguage={page.dossier.language} />
              </p>
              <p className="meta">
                {formatDateTime(e.createdAt, INTL_LOCALE[locale])} · {e.actor}
              </p>
              <Changes before={e.before} after={e.after} t={t} />
            </li>
          ))}
        </ol>
      )}
      {page.nextCursor ? (
        <p>
          <Link href={`?before=${encodeURIComponent(page.nextCursor)}`}>{t.older}</Link>
        </p>
      ) : null}
    </div>
  );
}

/** "Claim created: “…”": the action's label, then the words naming its record, in the content's language. */
function Sentence({ entry, t, contentLanguage }: { entry: AuditEntryView; t: UiMessages["audit"]; contentLanguage: string }) {
  const { action, subject } = describeAuditAction(entry);
  if (!action) {
    return (
      <>
        <strong>{entry.action}</strong> <span className="meta">{t.unknownOn({ entityType: entry.entityType })}</span>
      </>
    );
  }
  return (
    <>
      <strong>{t.actions[action]}</strong>
      {subject ? (
        <>
          {t.subjectSeparator}
          {t.subjectOpen}
          <span lang={contentLanguage}>{subject}</span>
          {t.subjectClose}
        </>
      ) : null}
    </>
  );
}

function Changes({ before, after, t }: { before: Record<string, unknown> | null; after: Record<string, unknown> | null; t: UiMessages["audit"] }) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (k) => !["updatedAt", "createdAt"].includes(k) && (!before || !after || JSON.stringify(before[k]) !== JSON.stringify(after[k])),
  );
  if (keys.length === 0) return null;
  const show = (value: unknown) => (value === undefined ? "—" : value === null || value === "" ? t.emptyValue : typeof value === "string" ? value : JSON.stringify(value));
  return (
    <details>
      <summary>{before && after ? t.fieldsChanged({ n: keys.length }) : before ? t.beforeDeletion : t.asCreated}</summary>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">{t.field}</th>
            {before ? <th scope="col">{t.before}</th> : null}
            {after ? <th scope="col">{t.after}</th> : null}
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              {before ? <td className="audit__value">{show(before[k])}</td> : null}
              {after ? <td className="audit__value">{show(after[k])}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
