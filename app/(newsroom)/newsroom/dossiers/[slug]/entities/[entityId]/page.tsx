import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { deleteEntityAction, updateEntityAction } from "@/app/(newsroom)/_actions/records";
import { ActionForm } from "@/components/newsroom/action-form";
import { DeleteButton } from "@/components/newsroom/delete-button";
import { Hidden } from "@/components/newsroom/fields";
import { ENTITY_CONFLICT_FIELDS, EntityFields } from "@/components/newsroom/record-fields";
import { loadWorkspace } from "../../workspace";
import { formConstraints } from "@/lib/schemas/constraints";
import { UpdateEntitySchema } from "@/lib/schemas/records";

export const metadata: Metadata = { title: "Person or organisation" };

type Props = { params: Promise<{ slug: string; entityId: string }> };

export default async function EntityPage({ params }: Props) {
  const { slug, entityId } = await params;
  const { workspace } = await loadWorkspace(slug, `/newsroom/dossiers/${slug}/entities/${entityId}`);
  const { dossier } = workspace;
  const entity = workspace.entities.find((e) => e.id === entityId);
  if (!entity) notFound();
  const base = `/newsroom/dossiers/${dossier.slug}`;
  const quotes = workspace.quotes.filter((q) => q.speakerId === entity.id);
  return (
    <>
      <p className="meta">
        <Link href={`${base}/entities`}>All people and organisations</Link> /
      </p>
      <h1>{entity.name}</h1>
      <ActionForm action={updateEntityAction} constraints={formConstraints(UpdateEntitySchema)} submitLabel="Save" successMessage="Saved." label="Edit the person or organisation" conflictFields={ENTITY_CONFLICT_FIELDS}>
        <Hidden name="dossierId" value={dossier.id} />
        <Hidden name="entityId" value={entity.id} />
        <Hidden name="version" value={entity.version} />
        <EntityFields values={entity} />
      </ActionForm>
      <h2>Quotes</h2>
      {quotes.length === 0 ? (
        <p className="empty">No quote from {entity.name}.</p>
      ) : (
        <ul>
          {quotes.map((q) => (
            <li key={q.id}>
              <Link href={`${base}/quotes/${q.id}`} lang={q.language}>
                “{q.text}”
              </Link>
            </li>
          ))}
        </ul>
      )}
      <section className="danger-zone" aria-labelledby="danger-heading">
        <h2 id="danger-heading">Delete</h2>
        <DeleteButton
          action={deleteEntityAction}
          payload={{ dossierId: dossier.id, entityId: entity.id }}
          what={entity.name}
          consequence={quotes.length ? `${entity.name} is the speaker of ${quotes.length} quote(s): change their speaker first.` : undefined}
          redirectTo={`${base}/entities`}
          buttonLabel="Delete…"
        />
      </section>
    </>
  );
}
