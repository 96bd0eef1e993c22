import type { Metadata } from "next";
import Link from "next/link";
import { createClaimAction, reattachClaimAction } from "@/app/(newsroom)/_actions/claims";
import { discardDraftAction, saveArticleAction } from "@/app/(newsroom)/_actions/dossiers";
import { ArticleEditor, type EditorClaim } from "@/components/newsroom/article-editor";
import { formatDate } from "@/components/newsroom/labels";
import { load, requireNewsroomActor } from "@/lib/http/page";
import { sizeInWords } from "@/lib/domain/archive";
import { sameTitle } from "@/lib/domain/dossier-names";
import { uploadMaxBytes } from "@/lib/server/capture/settings";
import { getArticleEditor } from "@/lib/server/dossiers/get-article-editor";
import { listDossiers } from "@/lib/server/dossiers/list-dossiers";

export const metadata: Metadata = { title: "Article" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ reattach?: string; sameTitle?: string }> };

export default async function ArticlePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { reattach, sameTitle: justCreated } = await searchParams;
  const actor = await requireNewsroomActor(`/newsroom/dossiers/${slug}/article`);
  const editor = await load(() => getArticleEditor(actor, slug));
  // Just created with a title another dossier has (create-dossier.ts): a warning naming them, not a refusal.
  const namesakes = justCreated === "1" ? (await load(() => listDossiers(actor))).filter((d) => d.id !== editor.dossier.id && sameTitle(d.title, editor.dossier.title)) : [];
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
      {namesakes.length > 0 ? (
        <div className="alert alert--warning" role="status" id="same-title">
          <p>
            <strong>{namesakes.length === 1 ? "Another dossier already has this title" : `${namesakes.length} other dossiers already have this title`}:</strong>{" "}
            {namesakes.map((d, i) => (
              <span key={d.id}>
                {i > 0 ? "; " : ""}
                <Link href={`/newsroom/dossiers/${d.slug}`} lang={d.language}>
                  {d.title}
                </Link>{" "}
                (/dossiers/{d.slug}, created {formatDate(d.createdAt)})
              </span>
            ))}
            . Both are kept; the newsroom&rsquo;s lists show each one&rsquo;s web address. Change this one&rsquo;s title on its overview if readers should tell them apart too.
          </p>
        </div>
      ) : null}
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
