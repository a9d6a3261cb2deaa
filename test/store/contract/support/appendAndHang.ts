/**
 * A child for the kill test: appends the batches given as JSON (argv[3]) to the PostgreSQL store
 * at argv[2], says "ready" on stdout inside the transaction, just before its commit, and waits
 * there until it is killed.
 */
import { postgresLineStore } from "../../../../src/store/postgres/postgresLineStore.js";
import type { LineBatch } from "../../../../src/store/lineStore.js";

const [url, batches] = process.argv.slice(2);
const store = postgresLineStore(url ?? "", {
  beforeCommit: () =>
    new Promise(() => {
      process.stdout.write("ready\n");
    }),
});
await store.appendLines(JSON.parse(batches ?? "[]") as LineBatch[]);
