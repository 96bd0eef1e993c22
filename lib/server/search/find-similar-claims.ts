import "server-only";
// "Seen before": claims already made in other dossiers that say much the same as a wording, with
// their verdicts and evidence, so the newsroom reuses a check instead of doing it twice.
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { parseQuery, stems } from "@/lib/domain/search";
import { verdictLabel } from "@/lib/domain/verdicts";
import { parseInput } from "@/lib/schemas/parse";
import { SimilarClaimsSchema, type SimilarClaimsInput } from "@/lib/schemas/search";
import { can, requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { sourceLabel, sourceNameSelect } from "../newsroom/views";
import { upToDateIndex } from "./search-index";

export interface SimilarClaim {
  id: string;
  text: string;
  href: string;
  dossier: { slug: string; title: string };
  verdict: string | null;
  /** The verdict in the newsroom's words ("Not yet checked" for none). */
  verdictLabel: string;
  verdictRationale: string | null;
  /** Share of the wording's words (3 letters or more) the claim also has, 0–1. */
  overlap: number;
  evidence: { id: string; stance: string; excerpt: string; sourceLabel: string }[];
}

/** A claim is offered when it shares at least this share of the wording's words. */
export const SIMILARITY_THRESHOLD = 0.5;
const MAX_OFFERED = 5;
/** Claims compared at most, when even the wording's rarest words are common. */
const SIMILAR_CANDIDATES = 1000;

export async function findSimilarClaims(actor: Actor, input: SimilarClaimsInput): Promise<SimilarClaim[]> {
  requirePermission(actor, "newsroom:access");
  const { text, dossierId } = parseInput(SimilarClaimsSchema, input);
  // Short words (de, la, of, a…) say little about what a claim asserts.
  const parsed = parseQuery(text);
  const keep = parsed.terms.map((t, i) => ({ t, s: parsed.stems[i]! })).filter(({ t }) => t.length >= 3);
  if (keep.length === 0) return [];
  const significant = { terms: keep.map((k) => k.t), stems: keep.map((k) => k.s) };
  const { engine } = await upToDateIndex();
  // A claim sharing at least `needed` of the n words has at least one of any n − needed + 1 of
  // them: looking only for the rarest ones misses no claim that qualifies, and spares ranking
  // every claim that merely says "dossier" or "numéro" (decision 081).
  const needed = Math.ceil(significant.terms.length * SIMILARITY_THRESHOLD);
  const frequency = await engine.frequencies(db, significant);
  const findable = keep.map((k, i) => ({ ...k, n: frequency[i]! })).filter((k) => k.n > 0);
  const rarest = findable.sort((a, b) => a.n - b.n).slice(0, Math.min(findable.length, significant.terms.length - needed + 1));
  if (rarest.length === 0) return [];
  const { hits } = await engine.query(db, {
    parsed: { terms: rarest.map((k) => k.t), stems: rarest.map((k) => k.s) },
    mode: "any",
    audience: "staff",
    confidential: can(actor, "source:view-confidential") ? [0, 1] : [0, 2],
    kinds: ["claim"],
    excludeDossierId: dossierId,
    // Every candidate is scored below by the share of the wording's words it has: ranking on the
    // rarest words alone would put a claim sharing one of them on a par with one sharing them all.
    limit: SIMILAR_CANDIDATES,
    offset: 0,
    // Words that common say little: rank a bounded set of the claims that have them.
    candidates: SIMILAR_CANDIDATES,
  });
  const wanted = significant.stems;
  const scored = hits
    .map((h) => {
      const present = new Set<string>();
      for (const w of h.title.match(/[\p{L}\p{N}]+/gu) ?? []) {
        const s = stems(w);
        present.add(`fr:${s.fr}`).add(`en:${s.en}`);
      }
      const shared = wanted.filter((s) => present.has(`fr:${s.fr}`) || present.has(`en:${s.en}`)).length;
      return { hit: h, overlap: shared / wanted.length };
    })
    .filter((x) => x.overlap >= SIMILARITY_THRESHOLD)
    .sort((a, b) => b.overlap - a.overlap || b.hit.score - a.hit.score)
    .slice(0, MAX_OFFERED);
  if (scored.length === 0) return [];
  const claims = await db.claim.findMany({
    where: { id: { in: scored.map((s) => s.hit.recordId) }, dossier: { archivedAt: null } },
    select: {
      id: true,
      text: true,
      verdict: true,
      verdictRationale: true,
      dossier: { select: { slug: true, title: true } },
      evidence: { select: { id: true, stance: true, excerpt: true, source: { select: sourceNameSelect } }, orderBy: { createdAt: "asc" } },
    },
  });
  const byId = new Map(claims.map((c) => [c.id, c]));
  return scored.flatMap(({ hit, overlap }) => {
    const c = byId.get(hit.recordId);
    if (!c) return [];
    return [
      {
        id: c.id,
        text: c.text,
        href: `/newsroom/dossiers/${c.dossier.slug}/claims/${c.id}`,
        dossier: c.dossier,
        verdict: c.verdict,
        verdictLabel: verdictLabel(c.verdict, "en", verdictVocabulary()),
        verdictRationale: c.verdictRationale,
        overlap,
        evidence: c.evidence.map((e) => ({ id: e.id, stance: e.stance, excerpt: e.excerpt, sourceLabel: sourceLabel(actor, e.source) })),
      },
    ];
  });
}
