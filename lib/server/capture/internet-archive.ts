import "server-only";
// The Internet Archive's Save Page Now 2 API, for public sources only and only when enabled
// (INTERNET_ARCHIVE_SAVE, off by default): the address is submitted, the job polled until the
// Archive has its copy, and that copy's address kept next to Dossier's own capture.
import type { CaptureSettings } from "./settings";

export async function saveToInternetArchive(url: string, settings: CaptureSettings["internetArchive"], deadline: number): Promise<string> {
  if (!settings.accessKey || !settings.secretKey) throw new Error("Save Page Now needs INTERNET_ARCHIVE_ACCESS_KEY and INTERNET_ARCHIVE_SECRET_KEY.");
  const headers = { Accept: "application/json", Authorization: `LOW ${settings.accessKey}:${settings.secretKey}` };
  const base = settings.endpoint.replace(/\/+$/, "");
  const signal = () => AbortSignal.timeout(Math.max(1000, deadline - Date.now()));
  const submitted = await fetch(`${base}/save`, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ url, skip_first_archive: "1" }).toString(),
    signal: signal(),
  });
  if (!submitted.ok) throw new Error(`Save Page Now answered ${submitted.status}.`);
  const job = (await submitted.json()) as { job_id?: string; message?: string };
  if (!job.job_id) throw new Error(`Save Page Now did not start a job${job.message ? `: ${job.message}` : ""}.`);
  for (let poll = 0; poll < settings.maxPolls; poll++) {
    if (Date.now() > deadline) break;
    const status = await fetch(`${base}/save/status/${encodeURIComponent(job.job_id)}`, { headers, signal: signal() });
    if (!status.ok) throw new Error(`Save Page Now's status answered ${status.status}.`);
    const state = (await status.json()) as { status?: string; timestamp?: string; original_url?: string; message?: string };
    if (state.status === "success" && state.timestamp) return `https://web.archive.org/web/${state.timestamp}/${state.original_url ?? url}`;
    if (state.status === "error") throw new Error(`Save Page Now failed${state.message ? `: ${state.message}` : ""}.`);
    await new Promise((resolve) => setTimeout(resolve, settings.pollMs));
  }
  throw new Error("Save Page Now did not finish in time.");
}
