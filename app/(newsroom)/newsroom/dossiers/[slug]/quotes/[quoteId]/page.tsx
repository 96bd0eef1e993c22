import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { deleteQuoteAction, updateQuoteAction } from "@/app/(newsroom)/_actions/records";
import { ActionForm } from "@/components/newsroom/action-form";
import { DeleteButton } from "@/components/newsroom/delete-button";
import { Hidden } from "@/components/newsroom/fields";
import { QUOTE_CONFLICT_FIELDS, QuoteFields } from "@/components/newsroom/record-fields";
import { loadWorkspace, recordOptions } from "../../workspace";
import { formConstraints } from "@/lib/schemas/constraints";
import { UpdateQuoteSchema } from "@/lib/schemas/records";

export const metadata: Metadata = { title: "Quote" };

type Props = { params: Promise<{ slug: string; quoteId: string }> };

export default async function QuotePage({ params }: Props) {
  const { slug, quoteId } = await params;
  const { workspace } = await loadWorkspace(slug, `/newsroom/dossiers/${slug}/quotes/${quoteId}`);
  const { dossier } = workspace;
  const quote = workspace.quotes.find((q) => q.id === quoteId);
  if (!quote) notFound();
  const base = `/newsroom/dossiers/${dossier.slug}`;
  const { speakers, sources } = recordOptions(workspace);
  return (
    <>
      <p className="meta">
        <Link href={`${base}/quotes`}>All quotes</Link> /
      </p>
      <h1>Quote from {quote.speakerName ?? quote.speakerLabel}</h1>
      <ActionForm action={updateQuoteAction} constraints={formConstraints(UpdateQuoteSchema)} submitLabel="Save the quote" successMessage="Quote saved." label="Edit the quote" conflictFields={QUOTE_CONFLICT_FIELDS}>
        <Hidden name="dossierId" value={dossier.id} />
        <Hidden name="quoteId" value={quote.id} />
        <Hidden name="version" value={quote.version} />
        <QuoteFields values={quote} speakers={speakers} sources={sources} language={dossier.language} />
      </ActionForm>
      <section className="danger-zone" aria-labelledby="danger-heading">
        <h2 id="danger-heading">Delete</h2>
        <DeleteButton action={deleteQuoteAction} payload={{ dossierId: dossier.id, quoteId: quote.id }} what="this quote" redirectTo={`${base}/quotes`} buttonLabel="Delete this quote…" />
      </section>
    </>
  );
}
