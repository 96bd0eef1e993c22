// Next.js calls register() once when a server process starts: it starts the background worker
// that runs capture jobs (lib/server/archive/worker.ts). Only in the Node.js runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startArchiveWorker } = await import("@/lib/server/archive/worker");
    startArchiveWorker();
  }
}
