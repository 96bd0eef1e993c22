import "server-only";
// How captures behave on this installation (lib/env.ts, docs/storage.md). Use cases take the
// settings from captureSettings(); tests pass their own (a short timeout, a small size limit, the
// test server's localhost allowed).
import fs from "node:fs";
import { env, publicUrl } from "@/lib/env";

export interface CaptureSettings {
  timeoutMs: number;
  maxBytes: number;
  render: "screenshot" | "pdf" | "off";
  /** Chromium's executable, or null: captures then have no screenshot. */
  browserPath: string | null;
  /** Hosts that may resolve to internal addresses ("*": any). */
  allowPrivateHosts: readonly string[];
  userAgent: string;
  /** At most this many sub-resources (images, styles) are fetched for the screenshot. */
  maxSubresources: number;
  timestampAuthorityUrl: string | null;
  internetArchive: { enabled: boolean; endpoint: string; accessKey: string | null; secretKey: string | null; pollMs: number; maxPolls: number };
}

const BROWSERS = ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

function browserPath(): string | null {
  const configured = env.CAPTURE_BROWSER;
  if (configured === "off") return null;
  if (configured) return configured;
  return BROWSERS.find((p) => fs.existsSync(p)) ?? null;
}

export function captureSettings(): CaptureSettings {
  return {
    timeoutMs: env.CAPTURE_TIMEOUT_SECONDS * 1000,
    maxBytes: Math.round(env.CAPTURE_MAX_MB * 1_000_000),
    render: env.CAPTURE_RENDER,
    browserPath: env.CAPTURE_RENDER === "off" ? null : browserPath(),
    allowPrivateHosts: env.CAPTURE_ALLOW_PRIVATE_HOSTS.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean),
    userAgent: `Mozilla/5.0 (compatible; DossierArchiver/1.0; +${publicUrl()})`,
    maxSubresources: 60,
    timestampAuthorityUrl: env.TIMESTAMP_AUTHORITY_URL ?? null,
    internetArchive: {
      enabled: env.INTERNET_ARCHIVE_SAVE,
      endpoint: env.INTERNET_ARCHIVE_ENDPOINT,
      accessKey: env.INTERNET_ARCHIVE_ACCESS_KEY ?? null,
      secretKey: env.INTERNET_ARCHIVE_SECRET_KEY ?? null,
      pollMs: 3000,
      maxPolls: 20,
    },
  };
}

export const uploadMaxBytes = (): number => Math.round(env.UPLOAD_MAX_MB * 1_000_000);
export const captureOnCreate = (): boolean => env.CAPTURE_ON_CREATE;
