// Autosave of the article being typed (POST) and dropping it (DELETE). A route rather than a
// server action so the editor can save with `keepalive` while the tab is closing.
import { handleApi, jsonBody } from "@/lib/http/api";
import { DossierRefSchema, SaveDraftSchema } from "@/lib/schemas/dossier";
import { discardDraft } from "@/lib/server/dossiers/discard-draft";
import { saveDraft } from "@/lib/server/dossiers/save-draft";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ dossierId: string }> };

export async function POST(request: Request, { params }: Context) {
  const { dossierId } = await params;
  return handleApi(async () => ({ ...(asObject(await jsonBody(request)())), dossierId }), SaveDraftSchema, saveDraft);
}

export async function DELETE(_request: Request, { params }: Context) {
  const { dossierId } = await params;
  return handleApi(async () => ({ dossierId }), DossierRefSchema, discardDraft);
}

const asObject = (value: unknown): Record<string, unknown> => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
