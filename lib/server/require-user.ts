import "server-only";
// Desk decisions (verdicts, proposals, publishing) are a named person's: four eyes compares
// people, notifications go to people, and readers are told an editor decided. So these use cases
// refuse the system actors that may otherwise do anything (import, setup).
import { AppError } from "@/lib/domain/errors";
import type { Permission } from "@/lib/domain/permissions";
import { requirePermission, type Actor, type UserActor } from "./actor";

/** UNAUTHENTICATED for anonymous, FORBIDDEN without the permission or for a non-person actor. */
export function requireUser(actor: Actor, permission: Permission): UserActor {
  requirePermission(actor, permission);
  if (actor.kind !== "user") {
    throw new AppError("FORBIDDEN", "Only a signed-in member of the newsroom can do this, so the newsroom knows who decided.");
  }
  return actor;
}
