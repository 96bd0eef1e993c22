// Stands in for `server-only` under vitest (ARCHITECTURE.md §9): tests run in plain Node.
export {};
