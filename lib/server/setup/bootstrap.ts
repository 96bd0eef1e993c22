import "server-only";
// What `npm start` does after migrating: fill an empty database with the content folder and set
// up demo accounts (demo mode only).
import { env } from "@/lib/env";
import { SYSTEM_IMPORT } from "../actor";
import { importContentFolder, type FolderImportResult } from "../content/import-folder";
import { db } from "../db";
import { backfillPublishedVersions } from "./backfill-versions";
import { disableDemoUsers, ensureDemoUsers } from "./demo-users";
import { contentEpoch, installId, storedAuthSecret } from "./settings";

export interface BootstrapReport {
  installId: string;
  contentEpoch: string;
  imported: FolderImportResult | null;
  demoUsersCreated: string[];
  demoUsersDisabled: number;
}

export async function bootstrap(): Promise<BootstrapReport> {
  const id = await installId();
  if (!env.AUTH_SECRET) await storedAuthSecret();
  // Demo users first: imported content may name them as authors and deciders.
  const demoUsersCreated = env.DEMO_MODE ? await ensureDemoUsers() : [];
  const demoUsersDisabled = env.DEMO_MODE ? 0 : await disableDemoUsers();
  const empty = (await db.dossier.count()) === 0;
  const imported = empty ? await importContentFolder(SYSTEM_IMPORT, env.CONTENT_DIR) : null;
  await backfillPublishedVersions();
  return { installId: id, contentEpoch: await contentEpoch(), imported, demoUsersCreated, demoUsersDisabled };
}
