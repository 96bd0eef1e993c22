import "server-only";
// An export as one .zip for the newsroom's download button: the folder <slug>/ inside, so
// unzipping it gives a folder `npm run import` restores. (jszip: already in the tree through
// mammoth, maintained, no native code; the CLI writes plain files instead.)
import JSZip from "jszip";
import type { DossierExport } from "./export-dossier";

export async function zipExport(result: DossierExport): Promise<Uint8Array> {
  const zip = new JSZip();
  const folder = zip.folder(result.slug)!;
  for (const f of result.files) folder.file(f.path, f.content, { binary: typeof f.content !== "string" });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** e.g. mistral-ai-export-2026-12-02.zip, or mistral-ai-export-2026-12-02-CONFIDENTIAL.zip */
export const exportFileName = (result: DossierExport, now = new Date()): string =>
  `${result.slug}-export-${now.toISOString().slice(0, 10)}${result.containsConfidential ? "-CONFIDENTIAL" : ""}.zip`;
