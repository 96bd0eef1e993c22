// "Also editing": a heartbeat from an open dossier page (POST) answers with who else is there;
// leaving the page removes the mark at once (DELETE).
import { handleApi } from "@/lib/http/api";
import { DossierRefSchema } from "@/lib/schemas/dossier";
import { leavePresence } from "@/lib/server/dossiers/leave-presence";
import { updatePresence } from "@/lib/server/dossiers/update-presence";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ dossierId: string }> };

export async function POST(_request: Request, { params }: Context) {
  const { dossierId } = await params;
  return handleApi(async () => ({ dossierId }), DossierRefSchema, updatePresence);
}

export async function DELETE(_request: Request, { params }: Context) {
  const { dossierId } = await params;
  return handleApi(async () => ({ dossierId }), DossierRefSchema, leavePresence);
}
