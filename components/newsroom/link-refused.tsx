import Link from "next/link";

/** The page behind a one-time link (invitation, password reset) that can no longer be used. */
export function LinkRefused({ title, reason }: { title: string; reason: string }) {
  return (
    <main id="main" className="nr-auth">
      <h1>{title}</h1>
      <p role="alert" className="alert alert--error">
        {reason}
      </p>
      <p>
        <Link href="/login">Go to sign in</Link>
      </p>
    </main>
  );
}
