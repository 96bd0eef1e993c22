import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/newsroom/login-form";
import { safeNext } from "@/lib/http/page";
import { getActor } from "@/lib/server/auth/get-actor";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNext(params.next);
  if ((await getActor()).kind === "user") redirect(next);
  const email = typeof params.email === "string" ? params.email : undefined;
  return (
    <main id="main" className="nr-auth">
      <h1>Sign in to the newsroom</h1>
      {params.signedOut ? (
        <p role="status" className="alert alert--info">
          You are signed out.
        </p>
      ) : null}
      {params.welcome ? (
        <p role="status" className="alert alert--success">
          Your account is ready. Sign in with the password you chose.
        </p>
      ) : null}
      {params.reset ? (
        <p role="status" className="alert alert--success">
          Your new password is set. Sign in with it.
        </p>
      ) : null}
      {params.next ? <p className="meta">Sign in to continue to the newsroom.</p> : null}
      <LoginForm next={next} email={email} />
      <p className="meta">Accounts are created by invitation from a newsroom admin. Forgotten your password? Ask an admin for a password-reset link.</p>
    </main>
  );
}
