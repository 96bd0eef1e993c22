// Reader pages are cached (docs/decisions/004); whatever changes what readers see calls this
// after the use case succeeds, so the next request renders fresh content.
import { revalidatePath } from "next/cache";

export function revalidateReaderPages(slug: string | null | undefined): void {
  revalidatePath("/");
  if (slug) {
    // The literal page path is what a cached page is tagged with (`_N_T_/dossiers/<slug>`);
    // a literal path with type "layout" alone matched no cached page (the newsroom's e2e test
    // "a change to a published dossier reaches readers" caught it).
    revalidatePath(`/dossiers/${slug}`);
    revalidatePath(`/dossiers/${slug}`, "layout");
  }
}
