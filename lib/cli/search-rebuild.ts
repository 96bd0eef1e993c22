// `npm run search:rebuild`: derives the whole search index again from the database (after a
// restore from backup, or to be sure). Searches keep working meanwhile and wait for it to finish.
import { rebuildSearchIndex } from "@/lib/server/search/search-index";
import { redact } from "./migrate";
import { env } from "@/lib/env";

const started = Date.now();
console.log(`▸ Rebuilding the search index of ${redact(env.DATABASE_URL)}…`);
const result = await rebuildSearchIndex((handled) => process.stdout.write(`\r  ${handled.toLocaleString("en")} records indexed`));
process.stdout.write("\n");
console.log(
  `✓ ${result.documents.toLocaleString("en")} documents (${result.engine}${result.bytes >= 0 ? `, ${(result.bytes / 1024 / 1024).toFixed(1)} MiB` : ""}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
);
process.exit(0);
