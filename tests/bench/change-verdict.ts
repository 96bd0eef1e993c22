// A verdict change as an editor makes it (the setVerdict use case, demo editor) and publishes it
// (readers see only published versions: issue 9), then the signed refresh request that tells the
// running instance (PORT) — the path `npm run import` takes.
// Run by tests/bench/scale.ts in its own process, on the benchmark's database. Prints the claim.
import { notifyServer } from "@/lib/cli/notify-server";
import { db } from "@/lib/server/db";
import { getPendingChanges } from "../support/use-cases";
import { getPublishReadiness } from "../support/use-cases";
import { publishDossier } from "../support/use-cases";
import { setVerdict } from "../support/use-cases";

const slug = process.argv[2]!;
const editor = await db.user.findFirstOrThrow({ where: { role: "editor" }, select: { id: true, email: true, name: true, role: true } });
const claim = await db.claim.findFirstOrThrow({
  where: { dossier: { slug }, verdict: "verified", anchorStatus: "anchored", evidence: { some: {} } },
  select: { id: true, version: true, evidence: { select: { id: true } } },
  orderBy: { position: "asc" },
});
const actor = { kind: "user" as const, id: editor.id, email: editor.email, name: editor.name, role: "editor" as const };
await setVerdict(
  actor,
  {
    claimId: claim.id,
    version: claim.version,
    verdict: "partly-true",
    rationale: "Benchmark: a correction made while readers are reading.",
    evidenceIds: claim.evidence.map((e) => e.id),
    correctionNote: "Benchmark correction.",
  },
);
const dossierId = (await db.dossier.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
const pending = await getPendingChanges(actor, { dossierId });
const { blockingClaims } = await getPublishReadiness(actor, { dossierId });
await publishDossier(actor, {
  dossierId,
  version: pending.dossier.version,
  reviewedHash: pending.workingHash,
  note: "Benchmark correction.",
  ...(blockingClaims.length ? { overrideReason: "Benchmark.", acknowledgedClaimIds: blockingClaims.map((c) => c.id) } : {}),
});
const outcome = await notifyServer([slug]);
await db.$disconnect();
console.log(JSON.stringify({ claimId: claim.id, outcome }));
