import "server-only";
// The dossier's layout and its pages need the same workspace: load it once per request.
import { cache } from "react";
import { load, requireNewsroomActor } from "@/lib/http/page";
import { getActor } from "@/lib/server/auth/get-actor";
import { getDossierWorkspace } from "@/lib/server/dossiers/get-dossier-workspace";

const workspaceOf = cache(async (slug: string) => {
  const actor = await getActor();
  return load(() => getDossierWorkspace(actor, slug));
});

/** Anonymous visitors are sent to /login, to come back to `returnTo` (the page they asked for). */
export async function loadWorkspace(slug: string, returnTo?: string) {
  const actor = await requireNewsroomActor(returnTo ?? `/newsroom/dossiers/${slug}`);
  return { actor, workspace: await workspaceOf(slug) };
}
