import "server-only";
// The background worker that runs capture jobs, one at a time, inside the server process
// (started by instrumentation.ts, through lib/server/background.ts). Jobs live in the database
// (ArchiveJob), so a queued capture survives a restart, several server processes share the queue
// (each job is claimed once), and a job left running by a stopped server is marked interrupted
// instead of hanging forever.
import { startBackgroundLoop, wakeBackgroundLoop } from "../background";
import { claimNextJob, failInterruptedJobs, runArchiveJob } from "./run-archive-job";

/** Starts the worker once per process. */
export function startArchiveWorker(): void {
  startBackgroundLoop("archive", {
    claim: () => claimNextJob(),
    run: (jobId) => runArchiveJob(jobId),
    sweep: () => failInterruptedJobs(),
    sweepEveryMs: 60_000,
    idlePollMs: 2000,
  });
}

/** Runs a newly queued job at once instead of at the next poll (no-op where no worker runs). */
export function wakeArchiveWorker(): void {
  wakeBackgroundLoop("archive");
}
