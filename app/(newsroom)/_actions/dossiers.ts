"use server";
// Server actions for a dossier, its article and its history. Each is one line through the
// wrapper (lib/http/action.ts): session → schema → use case → revalidate.
import { defineAction } from "@/lib/http/action";
import { CreateDossierSchema, DeleteDossierSchema, DossierRefSchema, RestoreDossierSchema, RestoreRevisionSchema, SaveArticleSchema, UpdateDossierSchema } from "@/lib/schemas/dossier";
import { createDossier } from "@/lib/server/dossiers/create-dossier";
import { deleteDossier } from "@/lib/server/dossiers/delete-dossier";
import { discardDraft } from "@/lib/server/dossiers/discard-draft";
import { restoreDossier } from "@/lib/server/dossiers/restore-dossier";
import { restoreRevision } from "@/lib/server/dossiers/restore-revision";
import { saveArticle } from "@/lib/server/dossiers/save-article";
import { updateDossier } from "@/lib/server/dossiers/update-dossier";

export const createDossierAction = defineAction(CreateDossierSchema, createDossier, {
  // The article page then warns, naming the dossiers with the same title.
  redirectTo: (data) => `/newsroom/dossiers/${data.dossier.slug}/article${data.sameTitle.length ? "?sameTitle=1" : ""}`,
});
export const updateDossierAction = defineAction(UpdateDossierSchema, updateDossier);
export const saveArticleAction = defineAction(SaveArticleSchema, saveArticle);
export const discardDraftAction = defineAction(DossierRefSchema, discardDraft);
export const restoreRevisionAction = defineAction(RestoreRevisionSchema, restoreRevision);
/** Archives the dossier (or deletes it when it holds nothing), then says so on the dossier list. */
export const deleteDossierAction = defineAction(DeleteDossierSchema, deleteDossier, {
  redirectTo: (data) => (data.outcome === "archived" ? `/newsroom?archived=${encodeURIComponent(data.slug)}` : "/newsroom?deleted=1"),
});
export const restoreDossierAction = defineAction(RestoreDossierSchema, restoreDossier, {
  redirectTo: (data) => `/newsroom?restored=${encodeURIComponent(data.slug)}`,
});
