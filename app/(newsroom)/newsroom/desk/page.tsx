import type { Metadata } from "next";
import Link from "next/link";
import { FieldErrorsProvider } from "@/components/newsroom/action-form";
import { DossierName } from "@/components/newsroom/dossier-name";
import { SelectField } from "@/components/newsroom/fields";
import { BLOCKING_REASON_LABELS, formatDate, plural, REVIEW_STATE_LABELS, REVIEW_STATE_OPTIONS } from "@/components/newsroom/labels";
import { VerificationProgressView } from "@/components/newsroom/verification-progress";
import { VerdictBadge } from "@/components/verdict-badge";
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { dossierName, sharedTitles } from "@/lib/domain/dossier-names";
import { describeRecheck } from "@/lib/domain/recheck";
import { NOT_YET_CHECKED } from "@/lib/domain/verdicts";
import { load, loadForPage, requireNewsroomActor } from "@/lib/http/page";
import { UNCHECKED } from "@/lib/schemas/desk";
import { getVerificationProgress } from "@/lib/server/desk/get-verification-progress";
import { listDeskClaims, type DeskClaim } from "@/lib/server/desk/list-desk-claims";
import { listMembers } from "@/lib/server/users/list-members";

export const metadata: Metadata = { title: "Fact-check desk" };

/** The query-string fields the desk understands (the filters form posts exactly these). */
const FILTERS = ["verdict", "reviewState", "dossierId", "assignee", "attention", "pageSize"] as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

export default async function DeskPage({ searchParams }: Props) {
  const raw = await searchParams;
  const query = Object.fromEntries([...FILTERS, "page" as const].flatMap((k) => (first(raw[k]) ? [[k, first(raw[k])!]] : [])));
  const actor = await requireNewsroomActor(`/newsroom/desk${new URLSearchParams(query).size ? `?${new URLSearchParams(query)}` : ""}`);
  const [result, progress, members] = await Promise.all([
    loadForPage(() => listDeskClaims(actor, query)),
    load(() => getVerificationProgress(actor, {})),
    load(() => listMembers(actor)),
  ]);
  const vocabulary = verdictVocabulary();
  // Every dossier of the desk: two with one title are told apart by their web address.
  const shared = sharedTitles(progress.map((p) => p.dossier));
  const filtered = FILTERS.some((k) => k !== "pageSize" && query[k]);
  const pageHref = (page: number) => {
    const params = new URLSearchParams(Object.fromEntries(FILTERS.flatMap((k) => (query[k] ? [[k, query[k]!]] : []))));
    if (page > 1) params.set("page", String(page));
    return `/newsroom/desk${params.size ? `?${params}` : ""}`;
  };

  return (
    <>
      <h1>Fact-check desk</h1>
      <p className="lede">Every claim of every dossier. Claims waiting for the desk come first, the one waiting longest at the top; checked claims follow, least recently checked first.</p>

      <section aria-labelledby="progress-heading" className="desk-progress">
        <h2 id="progress-heading">Verification progress</h2>
        {progress.length === 0 ? (
          <p className="empty">No dossier yet.</p>
        ) : (
          <ul className="desk-progress__list">
            {progress.map((p) => (
              <li key={p.dossier.id} className="desk-progress__item">
                <h3>
                  <Link href={`/newsroom/dossiers/${p.dossier.slug}`} lang={p.dossier.language}>
                    <DossierName dossier={p.dossier} shared={shared} />
                  </Link>{" "}
                  <span className={`status status--${p.dossier.status}`}>{p.dossier.status === "published" ? "Published" : "Draft"}</span>
                </h3>
                <VerificationProgressView progress={p} />
                {p.blocking > 0 ? (
                  <p className="meta">
                    <Link href={`/newsroom/desk?dossierId=${encodeURIComponent(p.dossier.id)}`}>See its claims</Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">Claims</h2>
        <FieldErrorsProvider formId="desk-filters" errors={result.ok ? {} : (result.fieldErrors ?? {})}>
          <form method="get" action="/newsroom/desk" className="desk-filters" aria-label="Filter the claims">
            <SelectField
              name="verdict"
              label="Verdict"
              emptyLabel="Any verdict"
              defaultValue={query.verdict}
              options={[{ value: UNCHECKED, label: NOT_YET_CHECKED.label.en }, ...vocabulary.map((v) => ({ value: v.key, label: v.label.en }))]}
            />
            <SelectField name="reviewState" label="Review state" emptyLabel="Any state" defaultValue={query.reviewState} options={REVIEW_STATE_OPTIONS} />
            <SelectField name="dossierId" label="Dossier" emptyLabel="All dossiers" defaultValue={query.dossierId} options={progress.map((p) => ({ value: p.dossier.id, label: dossierName(p.dossier, shared) }))} />
            <SelectField
              name="assignee"
              label="Assigned to"
              emptyLabel="Anyone"
              defaultValue={query.assignee}
              options={[{ value: "me", label: `Me (${actor.name})` }, { value: "unassigned", label: "Nobody (unassigned)" }, ...members.map((m) => ({ value: m.id, label: m.name }))]}
            />
            <SelectField
              name="attention"
              label="Needs attention"
              emptyLabel="No filter"
              defaultValue={query.attention}
              options={[
                { value: "recheck", label: "Needs a re-check (its verdict was given on other words or evidence)" },
                { value: "orphaned", label: "Lost its passage (orphaned)" },
              ]}
            />
            {query.pageSize ? <input type="hidden" name="pageSize" value={query.pageSize} /> : null}
            <div className="desk-filters__actions">
              <button type="submit" className="button button--primary">
                Apply filters
              </button>
              {filtered ? <Link href="/newsroom/desk">Clear filters</Link> : null}
            </div>
          </form>
        </FieldErrorsProvider>

        {!result.ok ? (
          <div role="alert" className="alert alert--error">
            <p>These filters cannot be applied: {result.reason}</p>
            <p>
              <Link href="/newsroom/desk">Show every claim</Link>
            </p>
          </div>
        ) : result.data.total === 0 ? (
          <p className="empty">
            {filtered ? (
              <>
                No claim matches these filters. <Link href="/newsroom/desk">Show every claim</Link>
              </>
            ) : (
              "No claim yet. Claims are made from passages of a dossier's article."
            )}
          </p>
        ) : (
          <>
            <p className="meta" id="desk-count">
              {plural(result.data.total, "claim")}
              {filtered ? " match these filters" : ""}
              {result.data.pageCount > 1 ? ` · page ${result.data.page} of ${result.data.pageCount}` : ""}
            </p>
            {/* j / k move between the claims (components/newsroom/keyboard-shortcuts.tsx). */}
            <table className="table desk-table" aria-describedby="desk-count" data-shortcut-list>
              <caption className="visually-hidden">Claims, the ones waiting longest first</caption>
              <thead>
                <tr>
                  <th scope="col">Claim</th>
                  <th scope="col">Dossier</th>
                  <th scope="col">Verdict</th>
                  <th scope="col">Waiting or checked</th>
                  <th scope="col">Assigned to</th>
                </tr>
              </thead>
              <tbody>
                {result.data.items.map((c) => (
                  <DeskRow key={c.id} claim={c} meId={actor.id} shared={shared} />
                ))}
              </tbody>
            </table>
            {result.data.pageCount > 1 ? (
              <nav aria-label="Pages of claims" className="pagination">
                {result.data.page > 1 ? (
                  <Link href={pageHref(result.data.page - 1)} rel="prev">
                    ← Previous page
                  </Link>
                ) : null}
                <span className="meta">
                  Page {result.data.page} of {result.data.pageCount}
                </span>
                {result.data.page < result.data.pageCount ? (
                  <Link href={pageHref(result.data.page + 1)} rel="next">
                    Next page →
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </>
        )}
      </section>
    </>
  );
}

function DeskRow({ claim: c, meId, shared }: { claim: DeskClaim; meId: string; shared: ReadonlySet<string> }) {
  const waiting = c.blocking.length > 0;
  return (
    <tr>
      <th scope="row" className="desk-table__claim">
        <Link href={`/newsroom/dossiers/${c.dossier.slug}/claims/${c.id}#verdict`} lang={c.dossier.language} data-shortcut-item>
          {c.text}
        </Link>
        <span className="desk-table__tags">
          {c.hedged ? <span className="tag">Hedged</span> : null}
          {c.anchorStatus === "orphaned" ? <span className="tag tag--warn">Lost its passage</span> : null}
          {c.recheck.length > 0 ? (
            <span className="tag tag--warn" title={`Its verdict was given before: ${describeRecheck(c.recheck)}`}>
              Needs re-check
            </span>
          ) : null}
          <span className="meta"> {plural(c.evidenceCount, "piece")} of evidence</span>
        </span>
      </th>
      <td>
        <Link href={`/newsroom/dossiers/${c.dossier.slug}`} lang={c.dossier.language}>
          <DossierName dossier={c.dossier} shared={shared} />
        </Link>
      </td>
      <td>
        <VerdictBadge verdict={c.verdict} />
        <br />
        <span className="meta">{REVIEW_STATE_LABELS[c.reviewState]}</span>
      </td>
      <td>
        {c.pendingProposal ? (
          <>
            {c.pendingProposal.proposedBy.name} proposes <VerdictBadge verdict={c.pendingProposal.verdict} />
            <br />
            <span className="meta">since {formatDate(c.waitingSince)}</span>
          </>
        ) : waiting ? (
          <>
            <span className="warn">Waiting</span> <span className="meta">since {formatDate(c.waitingSince)}</span>
          </>
        ) : (
          <span className="meta">Checked {formatDate(c.waitingSince)}</span>
        )}
        {waiting ? <span className="visually-hidden"> (blocks publication: {c.blocking.map((r) => BLOCKING_REASON_LABELS[r] ?? r).join(", ")})</span> : null}
      </td>
      <td>{c.assignee ? (c.assignee.id === meId ? `${c.assignee.name} (you)` : c.assignee.name) : <span className="meta">Unassigned</span>}</td>
    </tr>
  );
}
