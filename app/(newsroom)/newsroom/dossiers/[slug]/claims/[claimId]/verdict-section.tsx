// The fact-check desk on a claim's page: the current verdict, who checks it, the pending proposal
// with the editor's decision (accept / reject) or the proposer's withdrawal, and the form to set
// (editors) or propose (everyone) a verdict. The rules live in the data layer: this page only
// hides what would certainly be refused and explains why, and shows every refusal next to the
// field it concerns.
import { assignClaimAction } from "@/app/(newsroom)/_actions/claims";
import { decideProposalAction, proposeVerdictAction, setVerdictAction, withdrawProposalAction } from "@/app/(newsroom)/_actions/desk";
import { ActionForm } from "@/components/newsroom/action-form";
import { Announce } from "@/components/newsroom/announce";
import { ConfirmButton } from "@/components/newsroom/confirm-button";
import { Disclosure } from "@/components/newsroom/disclosure";
import { CheckboxGroup, Hidden, RadioGroup, SelectField, TextArea, type Option, type RadioOption } from "@/components/newsroom/fields";
import { formatDateTime, label, REVIEW_STATE_LABELS, STANCE_LABELS } from "@/components/newsroom/labels";
import { VerdictBadge } from "@/components/verdict-badge";
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { verdictNeedsSecondPerson } from "@/lib/domain/verdict-rules";
import { findVerdict, verdictLabel } from "@/lib/domain/verdicts";
import type { ClaimVerdictHistory, EvidenceOption } from "@/lib/server/verdicts/get-claim-verdict-history";
import type { ProposalView } from "@/lib/server/verdicts/claim-decision";
import { formConstraints } from "@/lib/schemas/constraints";
import { AssignClaimSchema } from "@/lib/schemas/claims";
import { DecideProposalSchema, ProposeVerdictSchema, SetVerdictSchema } from "@/lib/schemas/verdicts";

/** Who is looking; what they may do at the desk comes with the record (`record.can`). */
export interface Viewer {
  id: string;
  name: string;
  canAssign: boolean;
}

const excerpt = (text: string, max = 110) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

export function evidenceLabel(e: EvidenceOption): string {
  const source = `${e.source.label}${e.source.confidential ? " (confidential)" : ""}`;
  return `${source} — ${label(STANCE_LABELS, e.stance)}${e.excerpt ? `: “${excerpt(e.excerpt)}”` : ""}`;
}

export function VerdictSection({ record, viewer, language, people }: { record: ClaimVerdictHistory; viewer: Viewer; language: string; people: Option[] }) {
  const vocabulary = verdictVocabulary();
  const { claim, dossier, pendingProposal: pending } = record;
  // What this person may do here: the data layer's own rules (record.can), so this page shows
  // exactly the forms the use cases accept.
  const { isAuthor, pendingIsMine, setVerdict: canSet, decide: mayDecide, propose: mayPropose, withdraw: mayWithdraw } = record.can;
  const noteRequired = dossier.correctionNoteRequired;
  const evidenceOptions = record.evidence.map((e) => ({ value: e.id, label: evidenceLabel(e) }));
  const fourEyesNote = "You wrote this claim: another editor must give this verdict (four eyes).";
  const verdictOptions = (forDecision: boolean): RadioOption[] =>
    vocabulary.map((v) => ({
      value: v.key,
      label: v.label.en,
      description: `${v.description.en}${v.needsEvidence ? " Needs at least one piece of evidence." : ""}`,
      note: forDecision && isAuthor && verdictNeedsSecondPerson(v) ? fourEyesNote : undefined,
    }));

  return (
    <section aria-labelledby="verdict-heading" className="verdict-section" id="verdict">
      <h2 id="verdict-heading">Verdict</h2>
      {/* The form used may be gone after the page refreshes (a decided proposal): say what changed. */}
      <Announce
        message={`Verdict: ${verdictLabel(claim.verdict, "en", vocabulary)}. ${REVIEW_STATE_LABELS[claim.reviewState]}${pending ? `: ${pending.proposedBy.name} proposes ${verdictLabel(pending.verdict, "en", vocabulary)}` : ""}. Assigned to ${claim.assignee?.name ?? "nobody"}.`}
      />
      <div className="verdict-current">
        <p className="verdict-current__badge">
          <VerdictBadge verdict={claim.verdict} />
          <span className="meta">
            {" "}
            · {REVIEW_STATE_LABELS[claim.reviewState]}
            {claim.verdict && claim.verdictSetAt ? ` · decided ${claim.verdictSetBy ? `by ${claim.verdictSetBy.name} ` : ""}on ${formatDateTime(claim.verdictSetAt)}` : ""}
          </span>
        </p>
        {claim.verdict && claim.verdictRationale ? (
          <blockquote className="verdict-current__rationale" lang={language}>
            {claim.verdictRationale}
          </blockquote>
        ) : null}
        <p className="meta">
          Written by {claim.author?.name ?? "an unrecorded author (four eyes cannot be checked for this claim)"}.
        </p>
      </div>

      {viewer.canAssign ? (
        <ActionForm action={assignClaimAction} constraints={formConstraints(AssignClaimSchema)} submitLabel="Assign" pendingLabel="Assigning…" successMessage="Assignment saved." label="Who checks this claim" className="form form--inline assign-form" conflictFields={{ assigneeId: "Assigned to" }}>
          <Hidden name="dossierId" value={claim.dossierId} />
          <Hidden name="claimId" value={claim.id} />
          <Hidden name="version" value={claim.version} />
          <SelectField name="assigneeId" label="Assigned to" options={people} defaultValue={claim.assignee?.id ?? ""} emptyLabel="Nobody (unassigned)" />
        </ActionForm>
      ) : (
        <p className="meta">Assigned to {claim.assignee?.name ?? "nobody"}.</p>
      )}

      {noteRequired ? (
        <p className="alert alert--info">
          {dossier.status === "published" ? "This dossier is published" : "This dossier has been published (it is now off the public site)"}: every verdict decision on its claims needs a{" "}
          <strong>correction note</strong>
          {canSet ? "" : ", written by the editor who decides"}, which readers see, dated, in the corrections log and on the claim&rsquo;s page.
        </p>
      ) : null}

      {pending ? (
        <div className="proposal" aria-labelledby="proposal-heading" role="group">
          <h3 id="proposal-heading">Pending proposal</h3>
          <ProposalSummary proposal={pending} record={record} language={language} />
          {mayDecide ? (
            <div className="proposal__decide">
              {isAuthor && verdictNeedsSecondPerson(findVerdict(pending.verdict, vocabulary) ?? { rating: 0 }) ? (
                <p className="alert alert--warning">
                  You wrote this claim, so you cannot accept a proposal to mark it {verdictLabel(pending.verdict, "en", vocabulary)}: another editor must (four eyes). You can reject it.
                </p>
              ) : (
                // The a and r keys bring the focus to these forms (components/newsroom/keyboard-shortcuts.tsx).
                <div data-shortcut="accept">
                  <ActionForm action={decideProposalAction} constraints={formConstraints(DecideProposalSchema)} submitLabel={`Accept: mark it ${verdictLabel(pending.verdict, "en", vocabulary)}`} pendingLabel="Accepting…" successMessage="Proposal accepted: the verdict is set." label="Accept the proposal">
                    <Hidden name="decision" value="accept" />
                    <Hidden name="proposalId" value={pending.id} />
                    <Hidden name="claimVersion" value={claim.version} />
                    {noteRequired ? <TextArea name="correctionNote" label="Correction note (readers see it)" required lang={language} hint="What changed, for readers of the corrections log." /> : null}
                    <TextArea name="reason" label={`Note to ${pending.proposedBy.name} (optional)`} />
                  </ActionForm>
                </div>
              )}
              <div data-shortcut="reject">
                <ActionForm action={decideProposalAction} constraints={formConstraints(DecideProposalSchema)} submitLabel="Reject the proposal" pendingLabel="Rejecting…" successMessage="Proposal rejected: its author is told why." label="Reject the proposal">
                  <Hidden name="decision" value="reject" />
                  <Hidden name="proposalId" value={pending.id} />
                  <Hidden name="claimVersion" value={claim.version} />
                  <TextArea name="reason" label={`Why you reject it (${pending.proposedBy.name} sees this)`} required />
                </ActionForm>
              </div>
            </div>
          ) : (
            <p className="meta">
              {pendingIsMine
                ? canSet
                  ? "Your proposal: another editor decides it. You can revise it, withdraw it, or set the verdict directly."
                  : "Your proposal is waiting for an editor's decision. You can revise it or withdraw it."
                : `Waiting for an editor's decision.${canSet ? "" : ` To propose something else, wait for it, or ask ${pending.proposedBy.name} to withdraw it.`}`}
            </p>
          )}
          {mayWithdraw ? (
            <ConfirmButton
              action={withdrawProposalAction}
              payload={{ proposalId: pending.id }}
              buttonLabel="Withdraw my proposal…"
              title="Withdraw your proposal?"
              description="The claim goes back to where it was; the proposal stays in its history as withdrawn."
              confirmLabel="Withdraw"
              pendingLabel="Withdrawing…"
              doneMessage="Proposal withdrawn."
            />
          ) : null}
        </div>
      ) : null}

      {canSet ? (
        <Disclosure summary={pending ? "Set the verdict yourself instead" : claim.verdict ? "Change the verdict" : "Set the verdict"} defaultOpen={!pending && !claim.verdict} className="disclosure verdict-form">
          {pending ? (
            <p className="meta">
              Setting the verdict directly closes {pendingIsMine ? "your" : `${pending.proposedBy.name}'s`} pending proposal as superseded{pendingIsMine ? "" : "; they are told, with your rationale"}.
            </p>
          ) : null}
          <ActionForm action={setVerdictAction} constraints={formConstraints(SetVerdictSchema)} submitLabel="Set the verdict" pendingLabel="Setting…" successMessage="Verdict set." label="Set the verdict" resetOnSuccess>
            <Hidden name="claimId" value={claim.id} />
            <Hidden name="version" value={claim.version} />
            <VerdictFields verdicts={verdictOptions(true)} evidence={evidenceOptions} language={language} noteRequired={noteRequired} />
          </ActionForm>
        </Disclosure>
      ) : null}

      {mayPropose && (!canSet || isAuthor || pendingIsMine) ? (
        <Disclosure
          summary={pendingIsMine ? "Revise your proposal" : canSet ? "Propose a verdict for another editor to decide" : claim.verdict ? "Propose a change of verdict" : "Propose a verdict"}
          defaultOpen={!canSet && !pending && !claim.verdict}
          className="disclosure verdict-form"
        >
          <p className="meta">An editor accepts or rejects your proposal; you are told which, with their reason.</p>
          <ActionForm action={proposeVerdictAction} constraints={formConstraints(ProposeVerdictSchema)} submitLabel={pendingIsMine ? "Send the revised proposal" : "Propose"} pendingLabel="Sending…" successMessage="Proposal sent: an editor will accept or reject it." label="Propose a verdict">
            <Hidden name="claimId" value={claim.id} />
            <Hidden name="version" value={claim.version} />
            <VerdictFields
              verdicts={verdictOptions(false)}
              evidence={evidenceOptions}
              language={language}
              noteRequired={false}
              defaults={pendingIsMine && pending ? { verdict: pending.verdict, rationale: pending.rationale, evidenceIds: pending.evidenceIds } : undefined}
            />
          </ActionForm>
        </Disclosure>
      ) : null}
    </section>
  );
}

function VerdictFields({
  verdicts,
  evidence,
  language,
  noteRequired,
  defaults,
}: {
  verdicts: RadioOption[];
  evidence: Option[];
  language: string;
  noteRequired: boolean;
  defaults?: { verdict: string; rationale: string; evidenceIds: string[] };
}) {
  return (
    <>
      <RadioGroup name="verdict" label="Verdict" options={verdicts} defaultValue={defaults?.verdict} required />
      <TextArea name="rationale" label="Rationale" hint="Why the claim gets this verdict. Readers see it." defaultValue={defaults?.rationale} lang={language} rows={4} required />
      <CheckboxGroup
        name="evidenceIds"
        label="Evidence the verdict rests on"
        hint="Verdicts that need evidence cannot be given without at least one."
        options={evidence}
        defaultValues={defaults?.evidenceIds}
        emptyText="This claim has no evidence yet: add some below before giving a verdict that needs it."
      />
      {noteRequired ? <TextArea name="correctionNote" label="Correction note (readers see it)" hint="What changed and why, for the corrections log." lang={language} required /> : null}
    </>
  );
}

function ProposalSummary({ proposal, record, language }: { proposal: ProposalView; record: ClaimVerdictHistory; language: string }) {
  const evidence = proposal.evidenceIds.map((id) => record.evidence.find((e) => e.id === id));
  return (
    <>
      <p>
        <strong>{proposal.proposedBy.name}</strong> proposes <VerdictBadge verdict={proposal.verdict} /> <span className="meta">on {formatDateTime(proposal.createdAt)}</span>
      </p>
      <blockquote lang={language}>{proposal.rationale}</blockquote>
      {evidence.length ? (
        <ul className="evidence-used">
          {evidence.map((e, i) => (
            <li key={proposal.evidenceIds[i]}>{e ? evidenceLabel(e) : "Evidence no longer attached to the claim"}</li>
          ))}
        </ul>
      ) : (
        <p className="meta">No evidence offered.</p>
      )}
    </>
  );
}
