import "server-only";
// "Seen before": claims already made in other dossiers that say much the same as a wording, with
// their verdicts and evidence, so the newsroom reuses a check instead of doing it twice.
import { verdictVocabulary } from "@/lib/config/verdict-vocabulary";
import { parseQuery, stems } from "@/lib/domain/search";
import { verdictLabel } from "@/lib/domain/verdicts";
import { parseInput } from "@/lib/schemas/parse";
import { SimilarClaimsSchema, type SimilarClaimsInput } from "@/lib/schemas/search";
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { seesConfidentialSources, sourceLabel, sourceNameSelect } from "../sources/confidentiality";
import type { EngineCandidate } from "./engine";
import { upToDateIndex } from "./search-index";

const WORD = /[\p{L}\p{N}]+/gu;

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
  const base = {
    audience: "staff" as const,
    confidential: seesConfidentialSources(actor) ? ([0, 1] as const) : ([0, 2] as const),
    kinds: ["claim"] as const,
    excludeDossierId: dossierId,
    offset: 0,
  };
  // Every candidate is scored below by the share of the wording's words it has. When even the
  // rarest words are common, only the first SIMILAR_CANDIDATES claims having one are compared, so
  // the claims having every word of the wording (the best there can be) are asked for too: none
  // of them is missed however common its words (decision 082).
  const anyRare = await engine.candidates(db, { ...base, parsed: { terms: rarest.map((k) => k.t), stems: rarest.map((k) => k.s) }, mode: "any", limit: SIMILAR_CANDIDATES });
  const candidates =
    anyRare.length < SIMILAR_CANDIDATES || findable.length < keep.length
      ? anyRare
      : [...anyRare, ...(await engine.candidates(db, { ...base, parsed: significant, mode: "all", limit: MAX_OFFERED }))];
  const scored = scoreCandidates(significant.stems, candidates).slice(0, MAX_OFFERED);
  if (scored.length === 0) return [];
  const claims = await db.claim.findMany({
    where: { id: { in: scored.map((s) => s.recordId) }, dossier: { archivedAt: null } },
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
  return scored.flatMap(({ recordId, overlap }) => {
    const c = byId.get(recordId);
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

/**
 * The candidates sharing at least SIMILARITY_THRESHOLD of the wording's words (`wanted`, their
 * stems), most shared first; among equals, the claim with the fewest words the wording does not
 * have (it says the same and less), then by id so both engines offer the same. Words are compared
 * by either stem, as search matches them; a candidate's words of fewer than 3 letters are left
 * out as the wording's are.
 */
export function scoreCandidates(wanted: readonly { fr: string; en: string }[], candidates: readonly EngineCandidate[]): { recordId: string; overlap: number }[] {
  // Each stem as the set of the wording's words (a bit each: at most QUERY_MAX_TERMS) it stands for.
  const byFr = new Map<string, number>();
  const byEn = new Map<string, number>();
  wanted.forEach((s, i) => {
    byFr.set(s.fr, (byFr.get(s.fr) ?? 0) | (1 << i));
    byEn.set(s.en, (byEn.get(s.en) ?? 0) | (1 << i));
  });
  const seen = new Set<string>();
  const own = new Set<string>();
  const out: { recordId: string; overlap: number; cover: number }[] = [];
  for (const c of candidates) {
    if (seen.has(c.recordId)) continue;
    seen.add(c.recordId);
    own.clear();
    let mask = 0;
    for (const w of c.title.match(WORD) ?? []) {
      const s = stems(w);
      mask |= (byFr.get(s.fr) ?? 0) | (byEn.get(s.en) ?? 0);
      if (w.length >= 3) own.add(s.fr);
    }
    let shared = 0;
    for (; mask !== 0; mask &= mask - 1) shared++;
    const overlap = shared / wanted.length;
    if (overlap >= SIMILARITY_THRESHOLD) out.push({ recordId: c.recordId, overlap, cover: own.size === 0 ? 0 : Math.min(1, shared / own.size) });
  }
  out.sort((a, b) => b.overlap - a.overlap || b.cover - a.cover || (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));
  return out.map(({ recordId, overlap }) => ({ recordId, overlap }));
}
