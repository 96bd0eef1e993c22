// Route parameters of the public site and API. Anything else is a 404 before any query runs
// (and before a cache key or tag is built from it).
import { z } from "zod";
import { slugRule } from "./fields";

/** A dossier slug: the one rule the newsroom and content files create slugs with (fields.ts). */
export const DossierSlugSchema = slugRule;

/** A record id (cuid). */
export const RecordIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-zA-Z0-9_-]+$/);

export const DossierParamsSchema = z.object({ slug: DossierSlugSchema });
export const ClaimParamsSchema = z.object({ slug: DossierSlugSchema, id: RecordIdSchema });

/** A published version's number in a reader URL ("2"; no sign, no leading zero). */
export const VersionNumberSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,5}$/)
  .transform(Number);
