import "server-only";
// The one interface to stored files (captures, screenshots, uploaded documents). Files are
// content-addressed: the key is derived from the SHA-256 of the bytes, so a file is never
// overwritten with other content, storing the same bytes twice is harmless, and a backup can copy
// every object by listing them (list()).

export interface StoredObject {
  key: string;
  size: number;
}

export interface Storage {
  /** "local" (a folder) or "s3" (an S3-compatible bucket), for logs and the health of a setup. */
  readonly kind: "local" | "s3";
  /** Stores bytes under key. Storing a key that exists keeps the existing object (same hash, same bytes). */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is none under that key. */
  get(key: string): Promise<Uint8Array | null>;
  has(key: string): Promise<boolean>;
  /** Every stored object, in no particular order: what a backup copies. */
  list(): AsyncIterable<StoredObject>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const KEY = /^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

/** Where the file with this SHA-256 lives: `sha256/ab/ab12…` (two-character folders keep directories small). */
export function keyForHash(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error(`Not a SHA-256 hex digest: ${sha256.slice(0, 80)}`);
  return `sha256/${sha256.slice(0, 2)}/${sha256}`;
}

/** Keys are only ever built by keyForHash: anything else (a path from elsewhere) is refused. */
export function assertKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`Not a storage key: ${key.slice(0, 80)}`);
}
