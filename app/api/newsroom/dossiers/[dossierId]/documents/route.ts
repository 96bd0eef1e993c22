// POST (multipart/form-data): upload a document to a source, or as a new source. A route rather
// than a server action: the body is a file, its size is limited while it arrives, and the form
// shows the refusal in place (components/newsroom/document-upload.tsx).
import { handleApi } from "@/lib/http/api";
import { fileField, multipartBody } from "@/lib/http/multipart";
import { UploadDocumentSchema } from "@/lib/schemas/archive";
import { uploadDocument } from "@/lib/server/archive/upload-document";
import { uploadMaxBytes } from "@/lib/server/capture/settings";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ dossierId: string }> }) {
  const { dossierId } = await params;
  return handleApi(
    async () => {
      const form = await multipartBody(request, uploadMaxBytes())();
      return {
        dossierId,
        sourceId: form.get("sourceId") ?? undefined,
        newSourceTitle: form.get("newSourceTitle") ?? undefined,
        newSourceKind: form.get("newSourceKind") || undefined,
        newSourceConfidential: form.get("newSourceConfidential") ?? undefined,
        newSourcePublicDescription: form.get("newSourcePublicDescription") ?? undefined,
        ...(await fileField(form)),
      };
    },
    UploadDocumentSchema,
    uploadDocument,
  );
}
