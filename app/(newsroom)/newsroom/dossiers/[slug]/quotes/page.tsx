import type { Metadata } from "next";
import Link from "next/link";
import { createQuoteAction } from "@/app/(newsroom)/_actions/records";
import { ActionForm } from "@/components/newsroom/action-form";
import { Hidden } from "@/components/newsroom/fields";
import { edtfWords } from "@/components/newsroom/edtf-words";
import { QuoteFields } from "@/components/newsroom/record-fields";
import { loadWorkspace, recordOptions } from "../workspace";
import { formConstraints } from "@/lib/schemas/constraints";
import { CreateQuoteSchema } from "@/lib/schemas/records";

export const metadata: Metadata = { title: "Quotes" };

type Props = { params: Promise<{ slug: string }> };

export default async function QuotesPage({ params }: Props) {
  const { slug } = await params;
  const { workspace } = await loadWorkspace(slug, `/newsroom/dossiers/${slug}/quotes`);
  const { dossier } = workspace;
  const base = `/newsroom/dossiers/${dossier.slug}`;
  const { speakers, sources } = recordOptions(workspace);
  return (
    <>
      <h1>Quotes</h1>
      {workspace.quotes.length === 0 ? (
        <p className="empty">No quote yet.</p>
      ) : (
        <ul className="record-list">
          {workspace.quotes.map((q) => (
            <li key={q.id} className="record">
              <blockquote lang={q.language}>
                <Link href={`${base}/quotes/${q.id}`}>“{q.text}”</Link>
              </blockquote>
              <p className="meta">
                — {q.speakerName ?? q.speakerLabel}
                {q.date ? `, ${edtfWords(q.date)}` : ""}
                {q.onRecord ? "" : " (off the record)"}
                {q.sourceLabel ? ` · source: ${q.sourceLabel}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="new-quote">
        <h2 id="new-quote">Add a quote</h2>
        <ActionForm action={createQuoteAction} constraints={formConstraints(CreateQuoteSchema)} submitLabel="Add the quote" successMessage="Quote added." resetOnSuccess label="Add a quote">
          <Hidden name="dossierId" value={dossier.id} />
          <QuoteFields speakers={speakers} sources={sources} language={dossier.language} />
        </ActionForm>
      </section>
    </>
  );
}
