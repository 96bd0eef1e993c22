// An installation's verdict vocabulary file (VERDICTS_FILE, YAML or JSON): see docs/verdicts.md.
import { z } from "zod";
import { VERDICT_KEY_PATTERN } from "@/lib/domain/verdicts";

const bilingual = z.strictObject({ fr: z.string().trim().min(1), en: z.string().trim().min(1) });

export const VerdictDefinitionSchema = z.strictObject({
  key: z.string().regex(VERDICT_KEY_PATTERN, "must be lower-case letters, digits and hyphens"),
  label: bilingual,
  description: bilingual,
  rating: z.number().int().min(-1).max(5),
  needsEvidence: z.boolean(),
  fourEyes: z.boolean().optional(),
  tone: z.enum(["positive", "mixed", "negative", "neutral"]),
  icon: z.string().trim().min(1).max(4, "An icon is one symbol (at most 4 characters).").optional(),
});

export const VerdictVocabularySchema = z
  .array(VerdictDefinitionSchema)
  .min(1, "needs at least one verdict")
  .refine((list) => new Set(list.map((v) => v.key)).size === list.length, { message: "verdict keys must be unique" });
