// A dossier's title in a list, with its web address beside it when another dossier has the same
// title (lib/domain/dossier-names.ts).
import { titleIsShared } from "@/lib/domain/dossier-names";

export function DossierName({ dossier, shared }: { dossier: { title: string; slug: string }; shared: ReadonlySet<string> }) {
  return (
    <>
      {dossier.title}
      {titleIsShared(dossier, shared) ? <span className="dossier-slug"> ({dossier.slug})</span> : null}
    </>
  );
}
