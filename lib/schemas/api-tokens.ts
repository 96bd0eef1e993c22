// Inputs about personal API tokens (lib/server/api-tokens/*): one schema each, shared by the
// newsroom's form and its server actions.
import { z } from "zod";
import { API_TOKEN_SCOPES } from "@/lib/domain/permissions";
import { choice, id, requiredText } from "./fields";

/** Days a token lives when its creator does not say (docs/decisions/072). */
export const API_TOKEN_DEFAULT_DAYS = 90;
/** The longest a token may live: an integration is renewed at least once a year. */
export const API_TOKEN_MAX_DAYS = 365;

export const CreateApiTokenSchema = z.object({
  name: requiredText("The token's name", 100),
  scope: choice(API_TOKEN_SCOPES, "scope"),
  expiresInDays: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z.coerce
      .number({ error: "Give the number of days the token lives." })
      .int("Give a whole number of days.")
      .min(1, "A token lives at least one day.")
      .max(API_TOKEN_MAX_DAYS, `A token lives at most ${API_TOKEN_MAX_DAYS} days.`)
      .default(API_TOKEN_DEFAULT_DAYS),
  ),
});
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenSchema>;

export const RevokeApiTokenSchema = z.object({ tokenId: id("token") });
export type RevokeApiTokenInput = z.infer<typeof RevokeApiTokenSchema>;
