import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { createEvidenceAction, deleteClaimAction, deleteEvidenceAction, updateClaimAction, updateEvidenceAction } from "@/app/(newsroom)/_actions/claims";
import { ActionForm } from "@/components/newsroom/action-form";
import { DeleteButton } from "@/components/newsroom/delete-button";
import { CheckboxField, Hidden, SelectField, TextArea } from "@/components/newsroom/fields";
import { label, STANCE_LABELS, STANCE_OPTIONS } from "@/components/newsroom/labels";
import { EVIDENCE_FORM_LABEL, NewSourceDialog } from "@/components/newsroom/new-source-dialog";
import { edtfWords } from "@/components/newsroom/edtf-words";
import { load } from "@/lib/http/page";
import { getClaimVerdictHistory } from "@/lib/server/verdicts/get-claim-verdict-history";
import { ExcerptCheckNote } from "@/components/newsroom/excerpt-check";
import { checkClaimExcerpts } from "@/lib/server/archive/check-claim-excerpts";
import { SeenBeforeList } from "@/components/search/seen-before";
import { findSimilarClaims } from "@/lib/server/search/find-similar-claims";
import { Discussion } from "@/components/newsroom/discussion";
import { listComments } from "@/lib/server/comments/list-comments";
import { loadWorkspace, recordOptions } from "../../workspace";
import { FactCheckHistory } from "./fact-check-history";
import { RecheckSection } from "./recheck-section";
import { VerdictSection } from "./verdict-section";
import { formConstraints } from "@/lib/schemas/constraints";
import { CreateEvidenceSchema, UpdateClaimSchema, UpdateEvidenceSchema } from "@/lib/schemas/claims";

export const metadata: Metadata = { title: "Claim" };

type Props = { params: Promise<{ slug: string; claimId: string }> };

export default async function ClaimPage({ params }: Props) {
  const { slug, claimId } = await params;
  const { actor, workspace } = await loadWorkspace(slug, `/newsroom/dossiers/${slug}/claims/${claimId}`);
  const { dossier } = workspace;
  const index = workspace.claims.findIndex((c) => c.id === claimId);
  const claim = workspace.claims[index];
  if (!claim) notFound();
  const record = await load(() => getClaimVerdictHistory(actor, { claimId: claim.id }));
  const base = `/newsroom/dossiers/${dossier.slug}`;
  const evidence = workspace.evidence.filter((e) => e.claimId === claim.id);
  const excerptChecks = await load(() => checkClaimExcerpts(actor, { dossierId: dossier.id, claimId: claim.id }));
  const options = recordOptions(workspace);
  const sourceOptions = options.sources;
  const answers = workspace.questions.filter((q) => q.answeringClaimId === claim.id);
  const events = workspace.events.filter((e) => e.claimIds.includes(claim.id));
  const orphaned = claim.anchorStatus === "orphaned";
  const seenBefore = await load(() => findSimilarClaims(actor, { text: claim.text, dossierId: dossier.id }));
  const discussion = await load(() => listComments(actor, { targetType: "claim", targetId: claim.id }));
  return (
    <>
      <p className="meta">
        <Link href={`${base}/claims`}>All claims</Link> /
      </p>
      <h1>Claim {orphaned ? "(orphaned)" : index + 1}</h1>
      {orphaned ? (
        <div className="alert alert--warning" role="note">
          <p>
            <strong>This claim lost its passage:</strong> the article no longer contains “<span lang={dossier.language}>{claim.anchorExact}</span>”.{" "}
            {dossier.status === "published"
              ? "Readers still see it in the published version; an update published without re-attaching it removes it (listed, with the editor's note, in the public update log)."
              : "Readers would not see it."}
          </p>
          <Link href={`${base}/article?reattach=${claim.id}`} className="button button--small">
            Re-attach to a passage
          </Link>
        </div>
      ) : (
        <blockquote className="passage-quote" lang={dossier.language}>
          …{claim.anchorPrefix.replace(/^\S*\s/, "")}
          <mark className="passage">{claim.anchorExact}</mark>
          {claim.anchorSuffix.replace(/\s\S*$/, "")}…
        </blockquote>
      )}

      <RecheckSection record={record} language={dossier.language} canConfirm={workspace.can.setVerdicts} />

      <VerdictSection
        record={record}
        language={dossier.language}
        people={options.people}
        viewer={{ id: actor.id, name: actor.name, canAssign: workspace.can.editClaims }}
      />

      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading">The claim</h2>
        <ActionForm action={updateClaimAction} constraints={formConstraints(UpdateClaimSchema)} submitLabel="Save the claim" successMessage="Claim saved." label="Edit the claim" conflictFields={{ text: "The claim", hedged: "Hedged / attributed" }}>
          <Hidden name="dossierId" value={dossier.id} />
          <Hidden name="claimId" value={claim.id} />
          <Hidden name="version" value={claim.version} />
          <TextArea name="text" label="The claim, stated plainly" defaultValue={claim.text} lang={dossier.language} required />
          <CheckboxField name="hedged" label="The article hedges or attributes it (“reportedly”, “according to…”)" defaultChecked={claim.hedged} />
        </ActionForm>
      </section>

      {seenBefore.length > 0 ? (
        <section aria-labelledby="seen-before-heading" className="seen-before">
          <h2 id="seen-before-heading">Seen before in other dossiers ({seenBefore.length})</h2>
          <p className="meta">Claims the newsroom already made elsewhere that say much the same: reuse their verdict and evidence rather than checking twice.</p>
          <SeenBeforeList claims={seenBefore} />
        </section>
      ) : null}

      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">Evidence ({evidence.length})</h2>
        {evidence.length === 0 ? <p className="empty">No evidence yet: link a source below.</p> : null}
        <ul className="record-list">
          {evidence.map((e) => (
            <li key={e.id} className="record">
              <p>
                <strong>{e.sourceLabel}</strong>
                {e.sourceConfidential ? <span className="tag">Confidential</span> : null} — {label(STANCE_LABELS, e.stance)}
              </p>
              {e.excerpt ? <blockquote lang={dossier.language}>{e.excerpt}</blockquote> : null}
              <ExcerptCheckNote check={excerptChecks[e.id]} sourceHref={`${base}/sources/${e.sourceId}`} />
              {e.note ? <p className="meta">Note: {e.note}</p> : null}
              <div className="record__actions">
                <details>
                  <summary>Edit this evidence</summary>
                  <ActionForm action={updateEvidenceAction} constraints={formConstraints(UpdateEvidenceSchema)} submitLabel="Save the evidence" successMessage="Evidence saved." label="Edit evidence" conflictFields={{ sourceId: "Source", stance: "Stance", excerpt: "Excerpt", note: "Note" }}>
                    <Hidden name="dossierId" value={dossier.id} />
                    <Hidden name="evidenceId" value={e.id} />
                    <Hidden name="version" value={e.version} />
                    <SelectField name="sourceId" label="Source" options={sourceOptions} defaultValue={e.sourceId} required />
                    <SelectField name="stance" label="Stance" options={STANCE_OPTIONS} defaultValue={e.stance} required />
                    <TextArea name="excerpt" label="Excerpt" defaultValue={e.excerpt} lang={dossier.language} />
                    <TextArea name="note" label="Note (newsroom only)" defaultValue={e.note} />
                  </ActionForm>
                </details>
                <DeleteButton action={deleteEvidenceAction} payload={{ dossierId: dossier.id, evidenceId: e.id }} what={`the evidence from “${e.sourceLabel}”`} consequence="The source stays; only its link to this claim is removed." />
              </div>
            </li>
          ))}
        </ul>
        <h3>Add evidence</h3>
        {workspace.can.editSources ? <NewSourceDialog dossierId={dossier.id} viewConfidential={workspace.can.viewConfidential} sourceIds={sourceOptions.map((o) => o.value)} /> : null}
        {sourceOptions.length === 0 ? (
          <p className="empty">
            This dossier has no source yet. {workspace.can.editSources ? "Create one with “New source…”, or " : ""}
            <Link href={`${base}/sources`}>{workspace.can.editSources ? "add one on the sources page" : "Add a source"}</Link> first.
          </p>
        ) : (
          <ActionForm action={createEvidenceAction} constraints={formConstraints(CreateEvidenceSchema)} submitLabel="Add the evidence" successMessage="Evidence added." resetOnSuccess label={EVIDENCE_FORM_LABEL}>
            <Hidden name="dossierId" value={dossier.id} />
            <Hidden name="claimId" value={claim.id} />
            <SelectField name="sourceId" label="Source" options={sourceOptions} emptyLabel="Choose a source…" required />
            <SelectField name="stance" label="Stance" options={STANCE_OPTIONS} defaultValue="supports" required />
            <TextArea name="excerpt" label="Excerpt" hint="The words of the source that matter for this claim." lang={dossier.language} />
            <TextArea name="note" label="Note (newsroom only)" />
          </ActionForm>
        )}
      </section>

      {answers.length || events.length ? (
        <section aria-labelledby="links-heading">
          <h2 id="links-heading">Linked</h2>
          <ul>
            {answers.map((q) => (
              <li key={q.id}>
                Answers the question: <Link href={`${base}/questions/${q.id}`}>{q.text}</Link>
              </li>
            ))}
            {events.map((e) => (
              <li key={e.id}>
                Timeline: <Link href={`${base}/timeline/${e.id}`}>{e.title}</Link> ({edtfWords(e.date)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <FactCheckHistory record={record} language={dossier.language} />

      <Discussion discussion={discussion} subject="claim" />

      <section aria-labelledby="danger-heading" className="danger-zone">
        <h2 id="danger-heading">Delete</h2>
        {claim.verdict ? (
          <p>This claim has a verdict: its fact-check history is kept, so it cannot be deleted.</p>
        ) : (
          <DeleteButton
            action={deleteClaimAction}
            payload={{ dossierId: dossier.id, claimId: claim.id }}
            what="this claim"
            consequence={`${evidence.length === 0 ? "It has no evidence link." : evidence.length === 1 ? "Its evidence link is deleted with it." : `Its ${evidence.length} evidence links are deleted with it.`} A claim with a fact-check history cannot be deleted.`}
            redirectTo={`${base}/claims`}
            buttonLabel="Delete this claim…"
          />
        )}
      </section>
    </>
  );
}
