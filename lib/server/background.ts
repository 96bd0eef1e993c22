import "server-only";
// The one way Dossier runs work in the background of its server process (started by
// instrumentation.ts): a loop per kind of work, once per process, that claims the next piece of
// work and does it, goes on at once while there was some, and otherwise sleeps until the next
// poll or until woken. The work
// itself lives in the database (ArchiveJob, WebhookDelivery), claimed by an atomic update, so it
// survives a restart and several server processes share it without doing anything twice.

type Loops = Record<string, { wake: () => void } | undefined>;
const state = globalThis as unknown as { dossierBackgroundLoops?: Loops };
const loops = (): Loops => (state.dossierBackgroundLoops ??= {});

export interface BackgroundLoop<Work> {
  /** Claims the next piece of work, once for all processes; null when none is due. */
  claim: () => Promise<Work | null>;
  /** Does the claimed work (the loop then goes on at once). */
  run: (work: Work) => Promise<unknown>;
  /** Runs now and then, between steps (sweeps of work left by a stopped server). */
  sweep?: () => Promise<unknown>;
  sweepEveryMs?: number;
  idlePollMs: number;
}

/** Starts the loop named `name` once per process. */
export function startBackgroundLoop<Work>(name: string, loop: BackgroundLoop<Work>): void {
  if (loops()[name]) return;
  let wakeUp: (() => void) | null = null;
  loops()[name] = { wake: () => wakeUp?.() };
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
        if (loop.sweep && Date.now() - lastSweep > (loop.sweepEveryMs ?? 60_000)) {
          lastSweep = Date.now();
          await loop.sweep();
        }
        const work = await loop.claim();
        if (work) {
          await loop.run(work);
          continue;
        }
      } catch (error) {
        console.error(`The ${name} worker hit an error; it goes on`, error);
      }
      await sleep(loop.idlePollMs);
    }
  })();
}

/** Runs the loop's next step at once instead of at the next poll (no-op where it does not run). */
export function wakeBackgroundLoop(name: string): void {
  loops()[name]?.wake();
}
