import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/domain/slug";

/** Body of POST /api/internal/revalidate, sent by `npm run import` to a running server. */
export const RevalidateRequestSchema = z.strictObject({
  slugs: z.array(z.string().regex(SLUG_PATTERN)).max(1000),
  /** Milliseconds since the epoch: requests older than five minutes are refused (no replay). */
  issuedAt: z.number().int().positive(),
});
export type RevalidateRequest = z.infer<typeof RevalidateRequestSchema>;
