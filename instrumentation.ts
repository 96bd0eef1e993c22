// Next.js calls register() once when a server process starts: it starts the background workers
// (lib/server/background.ts) that run capture jobs (lib/server/archive/worker.ts) and send webhook
// deliveries (lib/server/webhooks/worker.ts). Only in the Node.js runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startArchiveWorker } = await import("@/lib/server/archive/worker");
    startArchiveWorker();
    const { startWebhookWorker } = await import("@/lib/server/webhooks/worker");
    startWebhookWorker();
  }
}
