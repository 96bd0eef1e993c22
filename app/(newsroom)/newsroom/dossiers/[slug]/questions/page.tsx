import type { Metadata } from "next";
import Link from "next/link";
import { createQuestionAction } from "@/app/(newsroom)/_actions/records";
import { ActionForm } from "@/components/newsroom/action-form";
import { Hidden } from "@/components/newsroom/fields";
import { label, QUESTION_STATUS_LABELS } from "@/components/newsroom/labels";
import { QuestionFields } from "@/components/newsroom/record-fields";
import { loadWorkspace, recordOptions } from "../workspace";
import { formConstraints } from "@/lib/schemas/constraints";
import { CreateQuestionSchema } from "@/lib/schemas/records";

export const metadata: Metadata = { title: "Open questions" };

type Props = { params: Promise<{ slug: string }> };

export default async function QuestionsPage({ params }: Props) {
  const { slug } = await params;
  const { workspace } = await loadWorkspace(slug, `/newsroom/dossiers/${slug}/questions`);
  const { dossier } = workspace;
  const base = `/newsroom/dossiers/${dossier.slug}`;
  const { people } = recordOptions(workspace);
  return (
    <>
      <h1>Open questions</h1>
      <p className="meta">What the reporting has not answered yet, and who is on it. A question is answered by linking the claim that answers it.</p>
      {workspace.questions.length === 0 ? (
        <p className="empty">No question yet.</p>
      ) : (
        <ul className="record-list">
          {workspace.questions.map((q) => (
            <li key={q.id} className="record">
              <p lang={dossier.language}>
                <Link href={`${base}/questions/${q.id}`}>{q.text}</Link>
              </p>
              <p className="meta">
                <span className={`status status--${q.status}`}>{label(QUESTION_STATUS_LABELS, q.status)}</span> · {q.ownerName ? `assigned to ${q.ownerName}` : "not assigned"}
                {q.answeringClaimText ? ` · answered by: “${q.answeringClaimText}”` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="new-question">
        <h2 id="new-question">Add a question</h2>
        <ActionForm action={createQuestionAction} constraints={formConstraints(CreateQuestionSchema)} submitLabel="Add the question" successMessage="Question added." resetOnSuccess label="Add a question">
          <Hidden name="dossierId" value={dossier.id} />
          <QuestionFields people={people} language={dossier.language} />
        </ActionForm>
      </section>
    </>
  );
}
