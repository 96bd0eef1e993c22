import "server-only";
import { db } from "./db";

export interface Health {
  status: "ok" | "error";
  database: { status: "ok" | "error"; provider: "sqlite"; dossiers?: number; error?: string };
}

export async function checkHealth(): Promise<Health> {
  try {
    const dossiers = await db.dossier.count();
    return { status: "ok", database: { status: "ok", provider: "sqlite", dossiers } };
  } catch (e) {
    console.error("Health check: database unreachable", e);
    return { status: "error", database: { status: "error", provider: "sqlite", error: e instanceof Error ? e.message : String(e) } };
  }
}
