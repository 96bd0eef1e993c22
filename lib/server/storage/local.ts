import "server-only";
// Stored files in a local folder (STORAGE_DIR). Writes go to a temporary file first and are
// renamed into place, so a crash never leaves half a file under a real key.
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { assertKey, type Storage, type StoredObject } from "./types";

export function localStorage(root: string): Storage {
  const dir = path.resolve(root);
  const fileOf = (key: string) => {
    assertKey(key);
    return path.join(dir, ...key.split("/"));
  };
  const exists = async (file: string) => {
    try {
      await fs.access(file);
      return true;
    } catch {
      return false;
    }
  };
  return {
    kind: "local",
    async put(key, bytes) {
      const file = fileOf(key);
      if (await exists(file)) return;
      await fs.mkdir(path.dirname(file), { recursive: true });
      const temp = path.join(dir, ".incoming", `${randomUUID()}.part`);
      await fs.mkdir(path.dirname(temp), { recursive: true });
      try {
        await fs.writeFile(temp, bytes, { flag: "wx" });
        await fs.rename(temp, file);
      } finally {
        await fs.rm(temp, { force: true });
      }
    },
    async get(key) {
      try {
        return new Uint8Array(await fs.readFile(fileOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    has: (key) => exists(fileOf(key)),
    async *list(): AsyncIterable<StoredObject> {
      const base = path.join(dir, "sha256");
      let prefixes: string[];
      try {
        prefixes = await fs.readdir(base);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
        throw error;
      }
      for (const prefix of prefixes.sort()) {
        for (const name of (await fs.readdir(path.join(base, prefix))).sort()) {
          const key = `sha256/${prefix}/${name}`;
          if (!/^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) continue;
          const stat = await fs.stat(path.join(base, prefix, name));
          yield { key, size: stat.size };
        }
      }
    },
  };
}
