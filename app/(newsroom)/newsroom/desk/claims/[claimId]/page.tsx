// The desk's address for a claim (notifications link here, lib/domain/desk-links.ts): the claim's
// page in its dossier, at its verdict. A stable address that does not depend on the dossier's slug.
import { notFound, redirect } from "next/navigation";
import { loadForPage, requireNewsroomActor } from "@/lib/http/page";
import { getClaimVerdictHistory } from "@/lib/server/verdicts/get-claim-verdict-history";

type Props = { params: Promise<{ claimId: string }> };

export default async function DeskClaimPage({ params }: Props) {
  const { claimId } = await params;
  const actor = await requireNewsroomActor(`/newsroom/desk/claims/${claimId}`);
  // An unknown or malformed id is a 404, like any other missing record.
  const result = await loadForPage(() => getClaimVerdictHistory(actor, { claimId }));
  if (!result.ok) notFound();
  const record = result.data;
  redirect(`/newsroom/dossiers/${encodeURIComponent(record.dossier.slug)}/claims/${encodeURIComponent(record.claim.id)}#verdict`);
}
