import "server-only";
// The webhook worker: in every server process (instrumentation.ts), beside the archive worker
// and in the same way (lib/server/background.ts), it sends due deliveries one attempt at a time.
import { startBackgroundLoop, wakeBackgroundLoop } from "../background";
import { claimDueDelivery, deliverClaimed, releaseStaleDeliveries } from "./drain-webhooks";

export function startWebhookWorker(): void {
  startBackgroundLoop("webhook", {
    claim: () => claimDueDelivery(),
    run: (claimed) => deliverClaimed(claimed),
    sweep: () => releaseStaleDeliveries(),
    sweepEveryMs: 60_000,
    idlePollMs: 2000,
  });
}

/** Sends a delivery queued by an admin at once instead of at the next poll. */
export function wakeWebhookWorker(): void {
  wakeBackgroundLoop("webhook");
}
