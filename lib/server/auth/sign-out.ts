import "server-only";
// Ends the session behind these request headers: the row is deleted from the Session table and,
// inside a server action, the cookie is cleared (Better Auth's nextCookies plugin).
import { getAuth } from "./auth";

export async function signOut(requestHeaders: Headers): Promise<void> {
  const auth = await getAuth();
  await auth.api.signOut({ headers: requestHeaders });
}
