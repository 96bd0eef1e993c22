import type { Metadata } from "next";
import Link from "next/link";
import { createEntityAction } from "@/app/(newsroom)/_actions/records";
import { ActionForm } from "@/components/newsroom/action-form";
import { Hidden } from "@/components/newsroom/fields";
import { ENTITY_KIND_LABELS, label, plural } from "@/components/newsroom/labels";
import { EntityFields } from "@/components/newsroom/record-fields";
import { loadWorkspace } from "../workspace";
import { formConstraints } from "@/lib/schemas/constraints";
import { CreateEntitySchema } from "@/lib/schemas/records";

export const metadata: Metadata = { title: "People and organisations" };

type Props = { params: Promise<{ slug: string }> };

export default async function EntitiesPage({ params }: Props) {
  const { slug } = await params;
  const { workspace } = await loadWorkspace(slug, `/newsroom/dossiers/${slug}/entities`);
  const { dossier } = workspace;
  const base = `/newsroom/dossiers/${dossier.slug}`;
  return (
    <>
      <h1>People and organisations</h1>
      {workspace.entities.length === 0 ? (
        <p className="empty">Nobody yet. Add the people and organisations the dossier is about; quotes can then name them as speakers.</p>
      ) : (
        <ul className="record-list">
          {workspace.entities.map((e) => (
            <li key={e.id} className="record">
              <p>
                <Link href={`${base}/entities/${e.id}`}>
                  <strong>{e.name}</strong>
                </Link>{" "}
                <span className="meta">({label(ENTITY_KIND_LABELS, e.kind)})</span>
              </p>
              {e.description ? <p className="meta">{e.description}</p> : null}
              {e.quoteCount ? <p className="meta">Speaks in {plural(e.quoteCount, "quote")}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="new-entity">
        <h2 id="new-entity">Add a person or organisation</h2>
        <ActionForm action={createEntityAction} constraints={formConstraints(CreateEntitySchema)} submitLabel="Add" successMessage="Added." resetOnSuccess label="Add a person or organisation">
          <Hidden name="dossierId" value={dossier.id} />
          <EntityFields />
        </ActionForm>
      </section>
    </>
  );
}
