import "server-only";
// A multipart form body for an upload route: same-origin only (a cross-site page cannot post a
// file into the newsroom), read with a size limit while it arrives (a huge body is cut off, not
// buffered), then parsed by the platform's FormData.
import { AppError } from "@/lib/domain/errors";
import { sizeInWords } from "@/lib/domain/archive";
import { publicUrl } from "@/lib/env";

/** Room for the form's other fields and the multipart boundaries around the file. */
const OVERHEAD = 64 * 1024;

export function multipartBody(request: Request, maxFileBytes: number): () => Promise<FormData> {
  return async () => {
    const origin = request.headers.get("origin");
    const allowed = new Set([new URL(publicUrl()).origin, new URL(request.url).origin]);
    if (origin && !allowed.has(origin)) throw new AppError("FORBIDDEN", "Uploads are only accepted from Dossier's own pages.");
    const type = request.headers.get("content-type") ?? "";
    if (!type.toLowerCase().startsWith("multipart/form-data")) throw new AppError("INVALID_INPUT", "Send the file as multipart/form-data.");
    const limit = maxFileBytes + OVERHEAD;
    const tooLarge = () => new AppError("INVALID_INPUT", `This file is too large: uploads are limited to ${sizeInWords(maxFileBytes)}.`, { fieldErrors: { file: [`Uploads are limited to ${sizeInWords(maxFileBytes)}.`] } });
    const declared = Number(request.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > limit) throw tooLarge();
    if (!request.body) throw new AppError("INVALID_INPUT", "Choose a file to upload.");
    const reader = request.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > limit) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
    try {
      return await new Response(new Blob(chunks as BlobPart[]), { headers: { "content-type": type } }).formData();
    } catch {
      throw new AppError("INVALID_INPUT", "The upload could not be read: try again.");
    }
  };
}

/**
 * The form's "file" field as the schemas take it: its name and bytes (an empty array for an
 * empty file, nothing when no file was sent, so the schema says which).
 */
export async function fileField(form: FormData, name = "file"): Promise<{ filename: string | undefined; bytes: Uint8Array | undefined }> {
  const file = form.get(name);
  if (file === null || typeof file === "string") return { filename: undefined, bytes: undefined };
  return { filename: file.name, bytes: file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array() };
}
