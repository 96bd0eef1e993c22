import "server-only";
// The acting party every use case receives explicitly.
import { AppError } from "@/lib/domain/errors";
import { READ_PERMISSIONS, roleHasPermission, type ApiTokenScope, type Permission, type Role } from "@/lib/domain/permissions";

/** A request made with a personal API token (lib/server/auth/api-token-actor.ts): which one, and its scope. */
export interface ViaToken {
  id: string;
  scope: ApiTokenScope;
}

export type Actor =
  | { kind: "user"; id: string; role: Role; email: string; name: string; token?: ViaToken }
  | { kind: "system"; label: "import" | "setup" | "export" }
  | { kind: "anonymous" };

/** A signed-in person: who a page or a desk decision is for. */
export type UserActor = Extract<Actor, { kind: "user" }>;

export const SYSTEM_IMPORT: Actor = { kind: "system", label: "import" };
export const SYSTEM_SETUP: Actor = { kind: "system", label: "setup" };
/** `npm run export` / `npm run backup`: run by whoever runs the installation. */
export const SYSTEM_EXPORT: Actor = { kind: "system", label: "export" };
export const ANONYMOUS: Actor = { kind: "anonymous" };

export function can(actor: Actor, permission: Permission): boolean {
  if (actor.kind === "system") return true;
  if (actor.kind === "anonymous") return false;
  if (actor.token?.scope === "read" && !READ_PERMISSIONS.includes(permission)) return false;
  return roleHasPermission(actor.role, permission);
}

/** Throws UNAUTHENTICATED for anonymous actors and FORBIDDEN for users without the permission. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  if (actor.kind === "user" && actor.token?.scope === "read" && !READ_PERMISSIONS.includes(permission)) {
    throw new AppError("FORBIDDEN", `This API token is read-only: it cannot change anything (${permission}). Create a write token for this.`);
  }
  if (!can(actor, permission)) throw new AppError("FORBIDDEN", `Your role does not allow this (${permission}).`);
}

export const actorId = (actor: Actor): string | null => (actor.kind === "user" ? actor.id : null);
/** A system actor's name; for a change made with an API token, `api-token:<id>` beside the owner's id (audit log). */
export const actorLabel = (actor: Actor): string | null => (actor.kind === "system" ? actor.label : actor.kind === "user" && actor.token ? `${API_TOKEN_LABEL}${actor.token.id}` : null);

export const API_TOKEN_LABEL = "api-token:";
