// A claim whose verdict was given on other words, another passage or other evidence: what the
// verdict checked and what the claim is now, side by side (changed words marked), and for editors
// the form that confirms the verdict (rationale kept or amended) — or the way to change it. The
// comparison is the data layer's (lib/domain/recheck.ts); this only shows it.
import { confirmVerdictAction } from "@/app/(newsroom)/_actions/desk";
import { ActionForm } from "@/components/newsroom/action-form";
import { CheckboxGroup, Hidden, TextArea } from "@/components/newsroom/fields";
import { label, STANCE_LABELS } from "@/components/newsroom/labels";
import { VerdictBadge } from "@/components/verdict-badge";
import { describeRecheck, type CheckedEvidence, type RecheckChange } from "@/lib/domain/recheck";
import { diffWords, type DiffPart } from "@/lib/domain/text-diff";
import type { ClaimVerdictHistory } from "@/lib/server/verdicts/get-claim-verdict-history";
import { evidenceLabel } from "./verdict-section";
import { formConstraints } from "@/lib/schemas/constraints";
import { ConfirmVerdictSchema } from "@/lib/schemas/verdicts";

function Marked({ parts, language }: { parts: DiffPart[]; language: string }) {
  return (
    <span lang={language}>
      {parts.map((p, i) => (p.kind === "removed" ? <del key={i}>{p.value}</del> : p.kind === "added" ? <ins key={i}>{p.value}</ins> : <span key={i}>{p.value}</span>))}
    </span>
  );
}

function SideBySide({ title, before, after, language }: { title: string; before: string; after: string; language: string }) {
  const d = diffWords(before, after);
  return (
    <tr>
      <th scope="row">{title}</th>
      <td>
        <Marked parts={d.before} language={language} />
      </td>
      <td>
        <Marked parts={d.after} language={language} />
      </td>
    </tr>
  );
}

const evidenceText = (e: CheckedEvidence, sourceName: (id: string) => string) => `${sourceName(e.sourceId)} — ${label(STANCE_LABELS, e.stance)}${e.excerpt ? `: “${e.excerpt}”` : ""}`;

export function RecheckSection({ record, language, canConfirm }: { record: ClaimVerdictHistory; language: string; canConfirm: boolean }) {
  const changes = record.recheck;
  if (changes.length === 0) return null;
  const { claim, dossier } = record;
  const decision = record.changes[record.changes.length - 1];
  const sourceName = (id: string) => record.evidence.find((e) => e.source.id === id)?.source.label ?? "a source no longer linked to this claim";
  const attached = new Set(record.evidence.map((e) => e.id));
  const stillCited = (decision?.evidenceIds ?? []).filter((id) => attached.has(id));
  const rows = changes.map((c: RecheckChange, i) => {
    switch (c.reason) {
      case "wording":
        return <SideBySide key={i} title="The claim" before={c.before} after={c.after} language={language} />;
      case "passage":
        return <SideBySide key={i} title="Its passage in the article" before={c.before} after={c.after} language={language} />;
      case "reattached":
        return (
          <tr key={i}>
            <th scope="row">Its passage</th>
            <td colSpan={2}>Re-attached by hand to another passage since the verdict.</td>
          </tr>
        );
      case "evidence-removed":
        return (
          <tr key={i}>
            <th scope="row">Evidence cited</th>
            <td lang={language}>{evidenceText(c.before, sourceName)}</td>
            <td>
              <strong>Removed</strong>
            </td>
          </tr>
        );
      case "evidence-changed":
        return <SideBySide key={i} title={`Evidence cited (${c.fields.join(", ")} changed)`} before={evidenceText(c.before, sourceName)} after={evidenceText(c.after, sourceName)} language={language} />;
    }
  });
  return (
    <section aria-labelledby="recheck-heading" id="recheck" className="recheck alert alert--warning">
      <h2 id="recheck-heading">Needs a re-check</h2>
      <p>
        The verdict <VerdictBadge verdict={claim.verdict} /> was given before {describeRecheck(changes)}. It blocks publishing until an editor confirms it or changes it; readers keep the
        published version meanwhile.
      </p>
      <table className="table recheck__table">
        <caption className="visually-hidden">What the verdict checked, and what the claim is now</caption>
        <thead>
          <tr>
            <th scope="col">What changed</th>
            <th scope="col">When the verdict was given</th>
            <th scope="col">Now</th>
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
      {canConfirm ? (
        <>
          <h3>Confirm the verdict</h3>
          <p className="meta">
            If the verdict still holds for the claim as it is now, confirm it: keep the rationale or amend it, and choose the evidence it rests on. The re-check is recorded in the fact-check
            history. If it no longer holds, use <a href="#verdict">Change the verdict</a> instead.
          </p>
          <ActionForm action={confirmVerdictAction} constraints={formConstraints(ConfirmVerdictSchema)} submitLabel="Confirm the verdict" pendingLabel="Confirming…" successMessage="Verdict confirmed: the re-check is recorded." label="Confirm the verdict">
            <Hidden name="claimId" value={claim.id} />
            <Hidden name="version" value={claim.version} />
            <TextArea name="rationale" label="Rationale" hint="Readers see it. Keep it as it is, or amend it for the new text." defaultValue={claim.verdictRationale ?? ""} lang={language} rows={4} required />
            <CheckboxGroup
              name="evidenceIds"
              label="Evidence the verdict rests on"
              options={record.evidence.map((e) => ({ value: e.id, label: evidenceLabel(e) }))}
              defaultValues={stillCited}
              emptyText="This claim has no evidence: add some below first if the verdict needs it."
            />
            {dossier.correctionNoteRequired ? (
              <TextArea name="correctionNote" label="Correction note (required if you amend the rationale; readers see it)" hint="What changed, for the corrections log." lang={language} />
            ) : null}
          </ActionForm>
        </>
      ) : (
        <p className="meta">An editor re-checks it: the editors were notified.</p>
      )}
    </section>
  );
}
