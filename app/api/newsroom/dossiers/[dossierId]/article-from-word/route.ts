// POST (multipart/form-data, field "file"): a Word document converted to the article's Markdown,
// returned to the editor (components/newsroom/word-import.tsx), which puts it in the text for the
// journalist to review and save. Nothing is stored. A route rather than a server action: the body
// is a file, its size is limited while it arrives.
import { handleApi } from "@/lib/http/api";
import { fileField, multipartBody } from "@/lib/http/multipart";
import { ConvertWordDocumentSchema } from "@/lib/schemas/dossier";
import { uploadMaxBytes } from "@/lib/server/capture/settings";
import { convertWordDocument } from "@/lib/server/dossiers/convert-word-document";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ dossierId: string }> }) {
  const { dossierId } = await params;
  return handleApi(
    async () => {
      const form = await multipartBody(request, uploadMaxBytes())();
      return { dossierId, ...(await fileField(form)) };
    },
    ConvertWordDocumentSchema,
    convertWordDocument,
  );
}
