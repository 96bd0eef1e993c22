import "server-only";
import { createHash } from "node:crypto";

/**
 * A permanent id for a feed, entry or item: a name-based UUID (RFC 9562 version 5) of the site's
 * origin and the record's own id. Stable across slug changes and re-renders (an entry never shows
 * up twice in a feed reader), valid as an Atom IRI and a JSON Feed id.
 */
export function feedId(origin: string, ...parts: string[]): string {
  // The URL namespace of RFC 9562, appendix C.
  const namespace = Buffer.from("6ba7b8119dad11d180b400c04fd430c8", "hex");
  const hash = createHash("sha1").update(namespace).update(`${origin.replace(/\/+$/, "")}/${parts.join("/")}`).digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

