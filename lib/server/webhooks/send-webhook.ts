import "server-only";
// One signed POST to a receiver. The address goes through the captures' guard against reaching
// the internal network (lib/server/capture/address-policy.ts, docs/decisions/051): IP literals
// checked before connecting, every name's addresses checked at connection time, one connection
// per request; WEBHOOK_ALLOW_PRIVATE_HOSTS opens named hosts on purpose. Redirects are not
// followed (a 3xx is a failed attempt), and the receiver has WEBHOOK_TIMEOUT_MS to answer.
import http from "node:http";
import https from "node:https";
import { WEBHOOK_RESPONSE_EXCERPT, WEBHOOK_TIMEOUT_MS, webhookSignature } from "@/lib/domain/webhooks";
import { env } from "@/lib/env";
import { assertLiteralHostAllowed, guardedLookup, RefusedAddress } from "../capture/address-policy";

export interface WebhookRequest {
  url: string;
  secret: string;
  event: string;
  deliveryId: string;
  body: string;
  /** Unix seconds, signed with the body. */
  timestamp: number;
}

export interface WebhookAttempt {
  /** The receiver's HTTP status, null when none came back. */
  statusCode: number | null;
  /** The start of its answer, or why there was none. */
  response: string;
}

export interface SendOptions {
  allowPrivateHosts: readonly string[];
  timeoutMs: number;
}

export const webhookAllowedPrivateHosts = (): string[] =>
  env.WEBHOOK_ALLOW_PRIVATE_HOSTS.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean);

export const defaultSendOptions = (): SendOptions => ({ allowPrivateHosts: webhookAllowedPrivateHosts(), timeoutMs: WEBHOOK_TIMEOUT_MS });

export async function signedHeaders(request: WebhookRequest): Promise<Record<string, string>> {
  return {
    "Content-Type": "application/json; charset=utf-8",
    "User-Agent": "Dossier-Webhooks/1.0",
    "X-Dossier-Event": request.event,
    "X-Dossier-Delivery": request.deliveryId,
    "X-Dossier-Timestamp": String(request.timestamp),
    "X-Dossier-Signature": await webhookSignature(request.secret, request.timestamp, request.body),
  };
}

/** Never throws: the outcome, good or bad, is what the delivery log records. */
export async function sendWebhook(request: WebhookRequest, options: SendOptions = defaultSendOptions()): Promise<WebhookAttempt> {
  let target: URL;
  try {
    target = new URL(request.url);
  } catch {
    return { statusCode: null, response: "The address is not valid." };
  }
  if (target.protocol !== "http:" && target.protocol !== "https:") return { statusCode: null, response: "Only http:// and https:// addresses receive webhooks." };
  try {
    assertLiteralHostAllowed(target.hostname, options.allowPrivateHosts);
  } catch {
    return { statusCode: null, response: refused(target.hostname) };
  }
  const headers = await signedHeaders(request);
  const body = Buffer.from(request.body, "utf8");
  const client = target.protocol === "https:" ? https : http;
  return new Promise<WebhookAttempt>((resolve) => {
    let settled = false;
    const finish = (attempt: WebhookAttempt) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(attempt);
    };
    const timer = setTimeout(() => finish({ statusCode: null, response: `No answer within ${Math.round(options.timeoutMs / 1000)} s.` }), options.timeoutMs);
    const req = client.request(
      target,
      { method: "POST", headers: { ...headers, "Content-Length": String(body.length) }, lookup: guardedLookup(options.allowPrivateHosts), agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        response.on("data", (chunk: Buffer) => {
          // Only the start of the answer is kept; the rest is read and dropped.
          if (kept < WEBHOOK_RESPONSE_EXCERPT * 4) {
            chunks.push(chunk);
            kept += chunk.length;
          }
        });
        const done = () => finish({ statusCode: response.statusCode ?? null, response: excerpt(Buffer.concat(chunks).toString("utf8")) });
        response.on("end", done);
        response.on("error", done);
        response.on("aborted", done);
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error instanceof RefusedAddress || error.code === "EREFUSEDADDRESS") finish({ statusCode: null, response: refused(target.hostname) });
      else if (error.code === "ENOTFOUND" || error.code === "EAI_AGAIN") finish({ statusCode: null, response: `No such host: ${target.hostname}.` });
      else if (error.code === "ECONNREFUSED") finish({ statusCode: null, response: "The connection was refused." });
      else finish({ statusCode: null, response: `The request failed${error.code ? ` (${error.code})` : ""}.` });
    });
    req.end(body);
  });
}

const refused = (host: string) =>
  `${host} is an internal address: webhooks are not sent to the internal network unless WEBHOOK_ALLOW_PRIVATE_HOSTS names it.`;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= WEBHOOK_RESPONSE_EXCERPT ? flat : `${flat.slice(0, WEBHOOK_RESPONSE_EXCERPT - 1)}…`;
}
