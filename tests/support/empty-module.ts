// Stands in for `server-only` under vitest (docs/decisions/001): tests run in plain Node.
export {};
