// Route parameters of the public site and API. Anything else is a 404 before any query runs
// (and before a cache key or tag is built from it).
import { z } from "zod";

/** A dossier slug, as the content format defines it. */
export const DossierSlugSchema = z
  .string()
  .max(120)
  .regex(/^[a-z0-9][a-z0-9-]*$/);

/** A record id (cuid). */
export const RecordIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-zA-Z0-9_-]+$/);

export const DossierParamsSchema = z.object({ slug: DossierSlugSchema });
export const ClaimParamsSchema = z.object({ slug: DossierSlugSchema, id: RecordIdSchema });
