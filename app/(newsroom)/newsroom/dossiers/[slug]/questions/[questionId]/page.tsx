import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { deleteQuestionAction, updateQuestionAction } from "@/app/(newsroom)/_actions/records";
import { ActionForm } from "@/components/newsroom/action-form";
import { DeleteButton } from "@/components/newsroom/delete-button";
import { Hidden } from "@/components/newsroom/fields";
import { QUESTION_CONFLICT_FIELDS, QuestionFields } from "@/components/newsroom/record-fields";
import { loadWorkspace, recordOptions } from "../../workspace";
import { formConstraints } from "@/lib/schemas/constraints";
import { UpdateQuestionSchema } from "@/lib/schemas/records";

export const metadata: Metadata = { title: "Open question" };

type Props = { params: Promise<{ slug: string; questionId: string }> };

export default async function QuestionPage({ params }: Props) {
  const { slug, questionId } = await params;
  const { workspace } = await loadWorkspace(slug, `/newsroom/dossiers/${slug}/questions/${questionId}`);
  const { dossier } = workspace;
  const question = workspace.questions.find((q) => q.id === questionId);
  if (!question) notFound();
  const base = `/newsroom/dossiers/${dossier.slug}`;
  const { people, claims } = recordOptions(workspace);
  return (
    <>
      <p className="meta">
        <Link href={`${base}/questions`}>All questions</Link> /
      </p>
      <h1>Open question</h1>
      <ActionForm action={updateQuestionAction} constraints={formConstraints(UpdateQuestionSchema)} submitLabel="Save the question" successMessage="Question saved." label="Edit the question" conflictFields={QUESTION_CONFLICT_FIELDS}>
        <Hidden name="dossierId" value={dossier.id} />
        <Hidden name="questionId" value={question.id} />
        <Hidden name="version" value={question.version} />
        <QuestionFields values={question} people={people} claims={claims} language={dossier.language} />
      </ActionForm>
      <section className="danger-zone" aria-labelledby="danger-heading">
        <h2 id="danger-heading">Delete</h2>
        <DeleteButton action={deleteQuestionAction} payload={{ dossierId: dossier.id, questionId: question.id }} what="this question" redirectTo={`${base}/questions`} buttonLabel="Delete this question…" />
      </section>
    </>
  );
}
