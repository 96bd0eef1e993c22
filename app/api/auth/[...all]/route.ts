// Better Auth's HTTP endpoints (sign-in, sign-out, session). The /login form posts here, so the
// sign-in rate limit (SIGNIN_RATE_LIMIT a minute, RateLimit table) applies to it.
import { getAuth } from "@/lib/server/auth/auth";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  return (await getAuth()).handler(request);
}

export const GET = handle;
export const POST = handle;
