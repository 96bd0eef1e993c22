// Reader pages are cached (docs/decisions/004); whatever changes what readers see calls this
// after the use case succeeds, so the next request renders fresh content.
import { revalidatePath } from "next/cache";

export function revalidateReaderPages(slug: string | null | undefined): void {
  revalidatePath("/");
  if (slug) revalidatePath(`/dossiers/${slug}`, "layout");
}
