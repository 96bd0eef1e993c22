// How every newsroom component calls a server action: a request larger than the server accepts
// is refused here with the limit, before it is sent (the server would cut it off and the page
// would be replaced by an error screen), and a request that fails on the way (network, server
// restart) becomes a refusal the form shows — nothing typed is lost. Navigation "errors"
// (a server action's redirect) are Next's own and pass through.
import { unstable_rethrow } from "next/navigation";
import type { ActionResult } from "@/lib/http/action-result";
import { formatBytes, REQUEST_BODY_MAX_BYTES } from "@/lib/schemas/limits";

const utf8 = new TextEncoder();

/** An upper bound of the bytes a payload takes on the wire (JSON-escaped strings, UTF-8). */
export function payloadBytes(payload: FormData | Record<string, unknown>): number {
  if (payload instanceof FormData) {
    let total = 0;
    for (const [key, value] of payload.entries()) total += utf8.encode(key).length + (typeof value === "string" ? utf8.encode(value).length : value.size) + 64;
    return total;
  }
  return utf8.encode(JSON.stringify(payload)).length;
}

export function tooLargeMessage(bytes: number): string {
  return `This is too large to send: ${formatBytes(bytes)}, and the server accepts at most ${formatBytes(REQUEST_BODY_MAX_BYTES)}. Nothing was saved: shorten the longest text, then save again.`;
}

export async function callAction<T>(run: () => Promise<ActionResult<T>>, payload: FormData | Record<string, unknown>): Promise<ActionResult<T>> {
  const bytes = payloadBytes(payload);
  if (bytes > REQUEST_BODY_MAX_BYTES) return { ok: false, code: "INVALID_INPUT", error: tooLargeMessage(bytes) };
  try {
    return await run();
  } catch (error) {
    unstable_rethrow(error);
    console.error("Server action failed on the way", error);
    return { ok: false, code: "INTERNAL", error: "The server could not be reached, or it refused the request. Nothing was saved; what you typed is still here. Try again in a moment." };
  }
}
