"use server";
import { defineAction } from "@/lib/http/action";
import { CreateApiTokenSchema, RevokeApiTokenSchema } from "@/lib/schemas/api-tokens";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/server/api-tokens/revoke-api-token";

export const createApiTokenAction = defineAction(CreateApiTokenSchema, createApiToken);
export const revokeApiTokenAction = defineAction(RevokeApiTokenSchema, revokeApiToken);
