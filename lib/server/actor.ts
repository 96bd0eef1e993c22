import "server-only";
// The acting party every use case receives explicitly.
import { AppError } from "@/lib/domain/errors";
import { roleHasPermission, type Permission, type Role } from "@/lib/domain/permissions";

export type Actor =
  | { kind: "user"; id: string; role: Role; email: string; name: string }
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
  return roleHasPermission(actor.role, permission);
}

/** Throws UNAUTHENTICATED for anonymous actors and FORBIDDEN for users without the permission. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  if (!can(actor, permission)) throw new AppError("FORBIDDEN", `Your role does not allow this (${permission}).`);
}

export const actorId = (actor: Actor): string | null => (actor.kind === "user" ? actor.id : null);
export const actorLabel = (actor: Actor): string | null => (actor.kind === "system" ? actor.label : null);
