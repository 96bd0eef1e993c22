// GET: a source's captures, documents and capture jobs, which the source page polls while a
// capture runs in the background (components/newsroom/archive-progress.tsx).
import { handleApi } from "@/lib/http/api";
import { SourceArchiveSchema } from "@/lib/schemas/archive";
import { getSourceArchive } from "@/lib/server/archive/get-source-archive";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ dossierId: string; sourceId: string }> }) {
  const { dossierId, sourceId } = await params;
  return handleApi(async () => ({ dossierId, sourceId }), SourceArchiveSchema, getSourceArchive);
}
