import "server-only";
// A new dossier starts as a draft with an empty article; publishing is the desk's decision. A title
// another dossier already bears is allowed (a follow-up investigation) but said: the result names
// the others, for the page to warn (docs/decisions/111).
import { sameTitle } from "@/lib/domain/dossier-names";
import { AppError } from "@/lib/domain/errors";
import { RESERVED_SLUGS, slugify } from "@/lib/domain/slug";
import type { CreateDossierInput } from "@/lib/schemas/dossier";
import { actorId, requirePermission, type Actor } from "../actor";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { NOT_ARCHIVED } from "../newsroom/scope";
import { dossierSelect, toDossierView, type DossierView } from "./dossier-view";

/** Another dossier in the lists with the same title as the one created. */
export interface SameTitleDossier {
  slug: string;
  title: string;
  createdAt: string;
}

export async function createDossier(actor: Actor, input: CreateDossierInput): Promise<{ dossier: DossierView; readerSlug: null; sameTitle: SameTitleDossier[] }> {
  requirePermission(actor, "dossier:create");
  return db.$transaction(async (tx) => {
    const slug = input.slug ?? (await freeSlug(tx, input.title));
    const holder = input.slug ? await tx.dossier.findUnique({ where: { slug: input.slug }, select: { archivedAt: true } }) : null;
    if (holder) {
      // An archived dossier keeps its address: restored, its old links must still lead to it.
      const who = holder.archivedAt ? "An archived dossier (an admin can restore it)" : "Another dossier";
      throw new AppError("INVALID_INPUT", "This web address is taken.", {
        fieldErrors: { slug: [`${who} already uses “${input.slug}”. Choose another web address.`] },
      });
    }
    const row = await tx.dossier.create({
      data: { slug, title: input.title, summary: input.summary, language: input.language, status: "draft", createdById: actorId(actor) },
      select: dossierSelect,
    });
    const dossier = toDossierView(row);
    await recordAudit(tx, actor, { action: "dossier.create", entityType: "dossier", entityId: row.id, dossierId: row.id, dossierSlug: row.slug, after: dossier });
    const others = await tx.dossier.findMany({ where: { ...NOT_ARCHIVED, id: { not: row.id } }, orderBy: { createdAt: "asc" }, select: { slug: true, title: true, createdAt: true } });
    const same = others.filter((o) => sameTitle(o.title, row.title)).map((o) => ({ ...o, createdAt: o.createdAt.toISOString() }));
    return { dossier, readerSlug: null, sameTitle: same };
  });
}

/** A slug from the title, made unique with -2, -3… when another dossier has it. */
async function freeSlug(tx: Tx, title: string): Promise<string> {
  const base = slugify(title);
  if (!base) {
    throw new AppError("INVALID_INPUT", "Choose a web address.", {
      fieldErrors: { slug: ["The title has no letters or digits to make a web address from: type one, e.g. city-hall-contracts."] },
    });
  }
  const taken = new Set([...RESERVED_SLUGS, ...(await tx.dossier.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((d) => d.slug)]);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
