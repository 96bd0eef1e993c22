// Signs in through the same HTTP route the /login form posts to (app/api/auth/[...all]/route.ts),
// so tests exercise the real handler: origin check, rate limit, session cookie.
import { POST } from "@/app/api/auth/[...all]/route";
import { publicUrl } from "@/lib/env";

export interface SignInAttempt {
  status: number;
  /** The Cookie header a browser would send next (session cookie), when sign-in succeeded. */
  cookie: string | null;
  body: { message?: string; code?: string } & Record<string, unknown>;
}

export async function signInRequest(email: string, password: string, ip = "203.0.113.10", origin = publicUrl(), sentCookie?: string): Promise<SignInAttempt> {
  const response = await POST(
    new Request(`${publicUrl()}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, "x-forwarded-for": ip, ...(sentCookie ? { cookie: sentCookie } : {}) },
      body: JSON.stringify({ email, password }),
    }),
  );
  const setCookies = response.headers.getSetCookie();
  const cookie = setCookies.length ? setCookies.map((c) => c.split(";")[0]).join("; ") : null;
  const text = await response.text();
  return { status: response.status, cookie, body: text ? (JSON.parse(text) as SignInAttempt["body"]) : {} };
}

export function cookieHeaders(cookie: string | null): Headers {
  return new Headers(cookie ? { cookie } : {});
}
