import "server-only";
// The acting party every use case receives explicitly.
import { AppError } from "@/lib/domain/errors";
import { READ_PERMISSIONS, refusalMessage, roleHasPermission, type ApiTokenScope, type Permission, type Role } from "@/lib/domain/permissions";

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

/**
 * The one permission check of a use case, its first line: UNAUTHENTICATED for anonymous actors,
 * FORBIDDEN for users without the permission. With `"person"`, also FORBIDDEN for the system
 * actors (import, setup, export) that may otherwise do anything, and the signed-in person is
 * returned: desk decisions, notifications and tokens belong to someone (docs/decisions/104).
 */
export function requirePermission(actor: Actor, permission: Permission): void;
export function requirePermission(actor: Actor, permission: Permission, who: "person"): UserActor;
export function requirePermission(actor: Actor, permission: Permission, who?: "person"): UserActor | void {
  if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  if (actor.kind === "user" && actor.token?.scope === "read" && !READ_PERMISSIONS.includes(permission)) {
    throw new AppError("FORBIDDEN", `This API token is read-only: it cannot change anything (${permission}). Create a write token for this.`);
  }
  if (!can(actor, permission)) throw new AppError("FORBIDDEN", refusalMessage(permission));
  if (who === "person") {
    if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Only a signed-in member of the newsroom can do this, so the newsroom knows who decided.");
    return actor;
  }
}

export const actorId = (actor: Actor): string | null => (actor.kind === "user" ? actor.id : null);
/** A system actor's name; for a change made with an API token, `api-token:<id>` beside the owner's id (audit log). */
export const actorLabel = (actor: Actor): string | null => (actor.kind === "system" ? actor.label : actor.kind === "user" && actor.token ? `${API_TOKEN_LABEL}${actor.token.id}` : null);

export const API_TOKEN_LABEL = "api-token:";
