import "server-only";
// The background worker that runs capture jobs, one at a time, inside the server process
// (started by instrumentation.ts). Jobs live in the database (ArchiveJob), so a queued capture
// survives a restart, several server processes share the queue (each job is claimed once), and
// a job left running by a stopped server is marked interrupted instead of hanging forever.
import { claimNextJob, failInterruptedJobs, runArchiveJob } from "./run-archive-job";

const state = globalThis as unknown as { dossierArchiveWorker?: { wake: () => void } };

const IDLE_POLL_MS = 2000;

/** Starts the worker once per process. */
export function startArchiveWorker(): void {
  if (state.dossierArchiveWorker) return;
  let wakeUp: (() => void) | null = null;
  state.dossierArchiveWorker = { wake: () => wakeUp?.() };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });
  void (async () => {
    let lastSweep = 0;
    for (;;) {
      try {
        if (Date.now() - lastSweep > 60_000) {
          lastSweep = Date.now();
          await failInterruptedJobs();
        }
        const jobId = await claimNextJob();
        if (jobId) {
          await runArchiveJob(jobId);
          continue;
        }
      } catch (error) {
        console.error("The archive worker hit an error; it goes on", error);
      }
      await sleep(IDLE_POLL_MS);
    }
  })();
}

/** Runs a newly queued job at once instead of at the next poll (no-op where no worker runs). */
export function wakeArchiveWorker(): void {
  state.dossierArchiveWorker?.wake();
}
