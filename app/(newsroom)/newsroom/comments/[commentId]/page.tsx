// A comment's stable address (a mention's notification links here, lib/domain/desk-links.ts):
// the claim's or source's page in its dossier, at the comment.
import { notFound, redirect } from "next/navigation";
import { loadForPage, requireNewsroomActor } from "@/lib/http/page";
import { findComment } from "@/lib/server/comments/find-comment";

type Props = { params: Promise<{ commentId: string }> };

export default async function CommentPage({ params }: Props) {
  const { commentId } = await params;
  const actor = await requireNewsroomActor(`/newsroom/comments/${commentId}`);
  // Unknown, malformed or not for this role (a confidential source's discussion): a 404.
  const result = await loadForPage(() => findComment(actor, { commentId }));
  if (!result.ok) notFound();
  const { dossierSlug, targetType, targetId } = result.data;
  redirect(`/newsroom/dossiers/${encodeURIComponent(dossierSlug)}/${targetType === "claim" ? "claims" : "sources"}/${encodeURIComponent(targetId)}#comment-${encodeURIComponent(result.data.commentId)}`);
}
