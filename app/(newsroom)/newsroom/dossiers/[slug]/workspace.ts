import "server-only";
// The dossier's layout and its pages need the same workspace: load it once per request.
import { cache } from "react";
import { load, requireNewsroomActor } from "@/lib/http/page";
import { getActor } from "@/lib/server/auth/get-actor";
import { getDossierWorkspace, type DossierWorkspace } from "@/lib/server/dossiers/get-dossier-workspace";

const workspaceOf = cache(async (slug: string) => {
  const actor = await getActor();
  return load(() => getDossierWorkspace(actor, slug));
});

/** Anonymous visitors are sent to /login, to come back to `returnTo` (the page they asked for). */
export async function loadWorkspace(slug: string, returnTo?: string) {
  const actor = await requireNewsroomActor(returnTo ?? `/newsroom/dossiers/${slug}`);
  return { actor, workspace: await workspaceOf(slug) };
}

/** The dossier's records as choices in its forms, named the same way on every page. */
export function recordOptions(workspace: DossierWorkspace) {
  return {
    // A confidential source by what this person may call it (its label), marked as such.
    sources: workspace.sources.map((s) => ({ value: s.id, label: s.confidential ? `${s.label} (confidential)` : s.label })),
    claims: workspace.claims.map((c, i) => ({ value: c.id, label: `${i + 1}. ${c.text}` })),
    people: workspace.people.map((p) => ({ value: p.id, label: `${p.name} (${p.role})` })),
    speakers: workspace.entities.map((e) => ({ value: e.id, label: e.name })),
  };
}
