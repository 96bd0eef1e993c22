import "server-only";
// Who is making this request: a signed-in newsroom member, or anonymous. Every page, server
// action and newsroom API route starts here and hands the Actor to the use cases, which decide.
import { headers } from "next/headers";
import { cache } from "react";
import { isRole } from "@/lib/domain/permissions";
import { ANONYMOUS, type Actor } from "../actor";
import { db } from "../db";
import { getAuth } from "./auth";

/**
 * The actor for a request's headers (its session cookie). Anonymous when there is no valid
 * session, when the session's user was deactivated, or when the stored role is unknown.
 */
export async function actorFromHeaders(requestHeaders: Headers): Promise<Actor> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (!session) return ANONYMOUS;
  // Read the user afresh (explicit select): a role change or a deactivation applies at once.
  const user = await db.user.findUnique({
    where: { id: session.user.id },
    select: { id: true, email: true, name: true, role: true, disabledAt: true },
  });
  if (!user || !isRole(user.role)) return ANONYMOUS;
  if (user.disabledAt) {
    // Deactivation also deletes sessions; this covers one created in the same instant.
    await db.session.deleteMany({ where: { userId: user.id } });
    return ANONYMOUS;
  }
  return { kind: "user", id: user.id, role: user.role, email: user.email, name: user.name };
}

/** The actor for the current request (memoised per request). */
export const getActor = cache(async (): Promise<Actor> => actorFromHeaders(await headers()));
