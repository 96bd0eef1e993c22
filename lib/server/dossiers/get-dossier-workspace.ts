import "server-only";
// One dossier as the newsroom works on it: its details and every record in it (a dossier holds
// dozens of records, not thousands), with what this actor may do. Confidential source fields
// follow the actor's role (sources/confidentiality.ts).
import { byText } from "@/lib/domain/collation";
import { compareEdtfBounds } from "@/lib/domain/edtf";
import { can, requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { findDossier, findDossierBySlug } from "../newsroom/scope";
import { dossierHoldings } from "./delete-dossier";
import { claimSelect, toClaimView, type ClaimView } from "../claims/claim-view";
import { dossierSelect, toDossierView, type DossierView } from "./dossier-view";
import { entitySelect, toEntityView, type EntityView } from "../entities/entity-view";
import { eventSelect, toEventView, type EventView } from "../events/event-view";
import { evidenceSelect, toEvidenceView, type EvidenceView } from "../evidence/evidence-view";
import { questionSelect, toQuestionView, type QuestionView } from "../questions/question-view";
import { quoteSelect, toQuoteView, type QuoteView } from "../quotes/quote-view";
import { seesConfidentialSources, sourceSelectFor, toSourceView, type SourceView } from "../sources/confidentiality";

export interface Capabilities {
  editDossier: boolean;
  editClaims: boolean;
  editSources: boolean;
  viewConfidential: boolean;
  viewAudit: boolean;
  setVerdicts: boolean;
  proposeVerdicts: boolean;
  publish: boolean;
  deleteDossier: boolean;
}

export interface DossierWorkspace {
  dossier: DossierView;
  claims: ClaimView[];
  evidence: EvidenceView[];
  sources: SourceView[];
  entities: EntityView[];
  quotes: QuoteView[];
  questions: QuestionView[];
  events: EventView[];
  /** Active newsroom members, to assign open questions to. */
  people: { id: string; name: string; role: string }[];
  can: Capabilities;
  /**
   * What "delete" would do, for those who may (delete-dossier.ts): archive a dossier that holds a
   * record, delete one that holds nothing. Null for roles that cannot.
   */
  removal: { outcome: "archive" | "delete"; counts: Awaited<ReturnType<typeof dossierHoldings>>["counts"] } | null;
}

/** By the dossier's web address (newsroom pages) or, with `by: "id"`, its id (the REST API). */
export async function getDossierWorkspace(actor: Actor, key: string, by: "slug" | "id" = "slug"): Promise<DossierWorkspace> {
  requirePermission(actor, "newsroom:access");
  const ref = by === "id" ? await findDossier(db, key) : await findDossierBySlug(db, key);
  const where = { dossierId: ref.id };
  const [dossier, claims, evidence, sources, entities, quotes, questions, events, people, holdings] = await Promise.all([
    db.dossier.findUniqueOrThrow({ where: { id: ref.id }, select: dossierSelect }),
    db.claim.findMany({ where, orderBy: { position: "asc" }, select: claimSelect }),
    db.evidence.findMany({ where: { claim: { dossierId: ref.id } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: evidenceSelect }),
    db.source.findMany({ where, orderBy: { position: "asc" }, select: sourceSelectFor(actor) }),
    db.entity.findMany({ where, select: entitySelect }).then((rows) => rows.sort(byText((e) => e.name))),
    db.quote.findMany({ where, orderBy: { position: "asc" }, select: quoteSelect }),
    db.openQuestion.findMany({ where, orderBy: { position: "asc" }, select: questionSelect }),
    db.timelineEvent.findMany({ where, select: eventSelect }),
    db.user.findMany({ where: { disabledAt: null }, select: { id: true, name: true, role: true } }).then((rows) => rows.sort(byText((u) => u.name))),
    can(actor, "dossier:delete") ? dossierHoldings(db, ref.id) : null,
  ]);
  return {
    dossier: toDossierView(dossier),
    claims: claims.map(toClaimView),
    evidence: evidence.map((e) => toEvidenceView(actor, e)),
    sources: sources.map((s) => toSourceView(actor, s)),
    entities: entities.map(toEntityView),
    quotes: quotes.map((q) => toQuoteView(actor, q)),
    questions: questions.map(toQuestionView),
    events: events.map(toEventView).sort(compareEdtfBounds),
    people,
    can: {
      editDossier: can(actor, "dossier:edit"),
      editClaims: can(actor, "claim:edit"),
      editSources: can(actor, "source:edit"),
      viewConfidential: seesConfidentialSources(actor),
      viewAudit: can(actor, "audit:view"),
      setVerdicts: can(actor, "verdict:set"),
      proposeVerdicts: can(actor, "verdict:propose"),
      publish: can(actor, "dossier:publish"),
      deleteDossier: can(actor, "dossier:delete"),
    },
    removal: holdings ? { outcome: holdings.holdsAnything ? "archive" : "delete", counts: holdings.counts } : null,
  };
}
