// What a published version changed from the one before, for readers: the article's paragraphs
// (changed words struck through / underlined, in words too for screen readers), then each kind of
// record added, removed or changed, field by field. Built from two reader views only, so nothing
// here can be more than readers were shown (and sources since protected are redacted upstream).
import type { ArticleDiff } from "@/lib/domain/text-diff";
import type { RecordChange, VersionDiff } from "@/lib/domain/published-version";
import type { UiMessages } from "@/lib/i18n/messages";
import { typeset } from "@/lib/i18n/typography";

export function ArticleDiffView({ diff, language, t }: { diff: ArticleDiff; language: string; t: UiMessages }) {
  if (diff.identical) return <p className="empty">{t.versionPage.articleUnchanged}</p>;
  return (
    <div className="diff">
      <p className="meta">{t.versionPage.linesChanged({ removed: diff.removedLines, added: diff.addedLines })}</p>
      <ol className="diff__rows" lang={language}>
        {diff.rows.map((row, i) =>
          row.kind === "skipped" ? (
            <li key={i} className="diff__skip" lang={undefined}>
              {t.versionPage.skipped({ n: row.count })}
            </li>
          ) : row.parts.length === 1 && row.parts[0]!.value === "" ? null : (
            <li key={i} className={`diff__row diff__row--${row.kind}`}>
              <span className="diff__sign" aria-hidden="true">
                {row.kind === "added" ? "+" : row.kind === "removed" ? "−" : " "}
              </span>
              {row.kind !== "same" ? <span className="visually-hidden">{row.kind === "added" ? t.versionPage.addedText : t.versionPage.removedText}</span> : null}
              <span className="diff__text">
                {row.parts.map((part, k) =>
                  part.kind === "added" && row.kind === "added" && row.parts.length > 1 ? (
                    <ins key={k}>{typeset(part.value, language)}</ins>
                  ) : part.kind === "removed" && row.kind === "removed" && row.parts.length > 1 ? (
                    <del key={k}>{typeset(part.value, language)}</del>
                  ) : (
                    <span key={k}>{typeset(part.value, language)}</span>
                  ),
                )}
              </span>
            </li>
          ),
        )}
      </ol>
    </div>
  );
}

function Changes({ heading, id, list, language, t }: { heading: string; id: string; list: RecordChange[]; language: string; t: UiMessages }) {
  if (list.length === 0) return null;
  const kinds = { added: t.versionPage.added, removed: t.versionPage.removed, changed: t.versionPage.changed };
  return (
    <section aria-labelledby={id} className="version-changes">
      <h3 id={id}>{heading}</h3>
      <ul className="record-changes">
        {list.map((r) => (
          <li key={`${r.kind}-${r.id}`} className={`record-change record-change--${r.kind}`}>
            <p>
              <strong>{kinds[r.kind]}</strong> · <span lang={language}>{typeset(r.label, language)}</span>
            </p>
            {r.fields.length ? (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.versionPage.field}</th>
                    <th scope="col">{t.versionPage.before}</th>
                    <th scope="col">{t.versionPage.after}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.fields.map((f) => (
                    <tr key={f.field}>
                      <th scope="row">{t.versionPage.fields[f.field] ?? f.field}</th>
                      <td lang={language}>
                        <del>{typeset(f.before, language)}</del>
                      </td>
                      <td lang={language}>
                        <ins>{typeset(f.after, language)}</ins>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function RecordsDiffView({ diff, language, t }: { diff: VersionDiff; language: string; t: UiMessages }) {
  const details: RecordChange[] = diff.details.length ? [{ id: "details", kind: "changed", label: t.versionPage.details, fields: diff.details }] : [];
  const nothing = details.length + diff.claims.length + diff.sources.length + diff.quotes.length + diff.questions.length + diff.events.length === 0;
  if (nothing) return null;
  return (
    <>
      <Changes heading={t.versionPage.details} id="changes-details" list={details} language={language} t={t} />
      <Changes heading={t.versionPage.claims} id="changes-claims" list={diff.claims} language={language} t={t} />
      <Changes heading={t.versionPage.sources} id="changes-sources" list={diff.sources} language={language} t={t} />
      <Changes heading={t.versionPage.quotes} id="changes-quotes" list={diff.quotes} language={language} t={t} />
      <Changes heading={t.versionPage.questions} id="changes-questions" list={diff.questions} language={language} t={t} />
      <Changes heading={t.versionPage.events} id="changes-events" list={diff.events} language={language} t={t} />
    </>
  );
}
