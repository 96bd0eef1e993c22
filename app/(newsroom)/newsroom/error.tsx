"use client";
// An unexpected failure while showing a newsroom page: say so plainly, keep the navigation, offer
// to try again. (The server has logged the cause; the reference lets an admin find it.)
import Link from "next/link";
import { useEffect } from "react";

export default function NewsroomError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error("Newsroom page failed", error);
  }, [error]);
  const digest = error && typeof error === "object" && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <section className="alert alert--error" role="alert" aria-labelledby="error-heading">
      <h1 id="error-heading">This page could not be shown</h1>
      <p>Something went wrong on our side. Nothing you had saved is lost.</p>
      {digest ? <p className="meta">Reference for an administrator: {digest}</p> : null}
      <p>
        <button type="button" className="button button--primary" onClick={() => retry()}>
          Try again
        </button>{" "}
        <Link href="/newsroom">Back to the dossiers</Link>
      </p>
    </section>
  );
}
