"use client";
// Forms that submit only through JavaScript (the sign-in route, uploads, the Word import, the
// claim maker): until React has hydrated the page, pressing their submit button would fall back
// to a plain HTML submission: a GET to the page with every field in the address (a password, a
// source's identity: in the browser's history and the server's logs) that saves nothing. Their
// submit buttons stay disabled until then, which also stops Enter from submitting. ActionForm is
// a real form action and works before hydration (decision 107); it uses this to know when.
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** false while the server's HTML is shown, true once React runs in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
