import "server-only";
// The storage this installation uses: an S3 bucket when STORAGE_S3_BUCKET is set, otherwise the
// STORAGE_DIR folder (docs/storage.md). storeFile() is how every file gets in: it hashes the
// bytes and stores them under that hash.
import { createHash } from "node:crypto";
import { env } from "@/lib/env";
import { localStorage } from "./local";
import { s3Storage } from "./s3";
import { keyForHash, type Storage } from "./types";

export { keyForHash, type Storage, type StoredObject } from "./types";

export function configuredStorage(): Storage {
  if (env.STORAGE_S3_BUCKET) {
    return s3Storage({
      bucket: env.STORAGE_S3_BUCKET,
      region: env.STORAGE_S3_REGION,
      endpoint: env.STORAGE_S3_ENDPOINT,
      accessKeyId: env.STORAGE_S3_ACCESS_KEY_ID,
      secretAccessKey: env.STORAGE_S3_SECRET_ACCESS_KEY,
      forcePathStyle: env.STORAGE_S3_FORCE_PATH_STYLE,
      prefix: env.STORAGE_S3_PREFIX,
    });
  }
  return localStorage(env.STORAGE_DIR);
}

const globalForStorage = globalThis as unknown as { dossierStorage?: Storage };

/** The installation's storage (one per process). Tests may replace it with replaceStorage(). */
export function storage(): Storage {
  globalForStorage.dossierStorage ??= configuredStorage();
  return globalForStorage.dossierStorage;
}

/** For tests: run against another backend (an s3rver bucket, a scratch folder). */
export function replaceStorage(next: Storage): void {
  globalForStorage.dossierStorage = next;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** Hashes and stores bytes; returns the hash, which is how rows refer to the file. */
export async function storeFile(bytes: Uint8Array, contentType: string, target: Storage = storage()): Promise<{ sha256: string; size: number }> {
  const sha256 = sha256Hex(bytes);
  await target.put(keyForHash(sha256), bytes, contentType);
  return { sha256, size: bytes.byteLength };
}

/** A stored file's bytes by hash, checked against the hash (a corrupted file is an error, not evidence). */
export async function readFile(sha256: string, target: Storage = storage()): Promise<Uint8Array | null> {
  const bytes = await target.get(keyForHash(sha256));
  if (!bytes) return null;
  if (sha256Hex(bytes) !== sha256) throw new Error(`Stored file ${sha256} does not match its hash: the storage is corrupted.`);
  return bytes;
}
