// Helpers for export tests: write an export to a folder, and read a dossier's whole record in a
// form two databases can be compared in (users by email, dates as ISO strings).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DossierExport } from "@/lib/server/export/export-dossier";
import { DOSSIER_TABLES, readTable } from "@/lib/server/export/tables";
import type { Db } from "@/lib/server/db";
import { db } from "./db";

export function writeExport(result: DossierExport, parent = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-export-"))): string {
  const folder = path.join(parent, result.slug);
  for (const f of result.files) {
    const file = path.join(folder, f.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, f.content);
  }
  return folder;
}

/** Every row of every table of the dossier, every column, user ids replaced by emails. */
export async function dossierRecord(slug: string, client: Db = db): Promise<Record<string, unknown[]>> {
  const dossier = await client.dossier.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const users = new Map((await client.user.findMany({ select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  const out: Record<string, unknown[]> = {};
  for (const t of DOSSIER_TABLES) {
    const rows = await readTable(client, t, dossier.id);
    out[t.model] = rows.map((row) => {
      const copy: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(row)) copy[k] = t.users.includes(k) ? (typeof v === "string" ? users.get(v) : v) : v instanceof Date ? v.toISOString() : v;
      return copy;
    });
  }
  return out;
}
