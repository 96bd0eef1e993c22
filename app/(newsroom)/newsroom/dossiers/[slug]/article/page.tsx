import type { Metadata } from "next";
import { createClaimAction, reattachClaimAction } from "@/app/(newsroom)/_actions/claims";
import { discardDraftAction, saveArticleAction } from "@/app/(newsroom)/_actions/dossiers";
import { ArticleEditor, type EditorClaim } from "@/components/newsroom/article-editor";
import { load, requireNewsroomActor } from "@/lib/http/page";
import { sizeInWords } from "@/lib/domain/archive";
import { uploadMaxBytes } from "@/lib/server/capture/settings";
import { getArticleEditor } from "@/lib/server/dossiers/get-article-editor";

export const metadata: Metadata = { title: "Article" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ reattach?: string }> };

export default async function ArticlePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { reattach } = await searchParams;
  const actor = await requireNewsroomActor(`/newsroom/dossiers/${slug}/article`);
  const editor = await load(() => getArticleEditor(actor, slug));
  const claims: EditorClaim[] = editor.claims.map((c) => ({
    id: c.id,
    text: c.text,
    anchorExact: c.anchorExact,
    anchorPrefix: c.anchorPrefix,
    anchorSuffix: c.anchorSuffix,
    anchorStart: c.anchorStart,
    anchorStatus: c.anchorStatus,
    version: c.version,
  }));
  return (
    <>
      <h1>Article</h1>
      <ArticleEditor
        dossier={{ id: editor.dossier.id, slug: editor.dossier.slug, language: editor.dossier.language, version: editor.dossier.version, body: editor.dossier.body, published: editor.dossier.status === "published" }}
        draft={editor.draft}
        claims={claims}
        canEdit={editor.canEdit}
        uploadMaxLabel={sizeInWords(uploadMaxBytes())}
        canMakeClaims={editor.canMakeClaims}
        reattach={claims.find((c) => c.id === reattach) ?? null}
        saveArticle={saveArticleAction}
        createClaim={createClaimAction}
        reattachClaim={reattachClaimAction}
        discardDraft={discardDraftAction}
      />
    </>
  );
}
