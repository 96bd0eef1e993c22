import "server-only";
// One capture as the newsroom reads it: its record (hashes, addresses, status, tools, timestamp),
// its readable text, and what changed in the text since the source's previous capture.
import { diffArticle, type ArticleDiff } from "@/lib/domain/text-diff";
import { AppError } from "@/lib/domain/errors";
import type { CaptureIdInput } from "@/lib/schemas/archive";
import { requirePermission, type Actor } from "../actor";
import { db } from "../db";
import { findDossier } from "../newsroom/scope";
import { sourceLabel } from "../sources/confidentiality";
import { archiveSourceSelect, captureSelect, pagesOf, toCaptureView, type CaptureView } from "./record-views";

export interface CaptureDetail {
  capture: CaptureView;
  source: { id: string; label: string; confidential: boolean };
  text: string;
  pages: string[] | null;
  previous: { id: string; capturedAt: string; diff: ArticleDiff } | null;
  next: { id: string; capturedAt: string } | null;
}

export async function getCapture(actor: Actor, input: CaptureIdInput): Promise<CaptureDetail> {
  requirePermission(actor, "newsroom:access");
  const dossier = await findDossier(db, input.dossierId);
  const row = await db.capture.findFirst({
    where: { id: input.captureId, dossierId: dossier.id },
    select: { ...captureSelect, text: true, pageTexts: true, source: { select: archiveSourceSelect } },
  });
  if (!row) throw new AppError("NOT_FOUND", "This capture does not exist.");
  const { text, pageTexts, source, ...rest } = row;
  const [previous, next] = await Promise.all([
    db.capture.findFirst({ where: { sourceId: source.id, capturedAt: { lt: row.capturedAt } }, orderBy: { capturedAt: "desc" }, select: { id: true, capturedAt: true, text: true } }),
    db.capture.findFirst({ where: { sourceId: source.id, capturedAt: { gt: row.capturedAt } }, orderBy: { capturedAt: "asc" }, select: { id: true, capturedAt: true } }),
  ]);
  return {
    capture: toCaptureView(rest),
    source: { id: source.id, label: sourceLabel(actor, source), confidential: source.confidential },
    text,
    pages: pagesOf(pageTexts),
    previous: previous ? { id: previous.id, capturedAt: previous.capturedAt.toISOString(), diff: diffArticle(previous.text, text) } : null,
    next: next ? { id: next.id, capturedAt: next.capturedAt.toISOString() } : null,
  };
}
