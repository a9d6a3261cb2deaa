import { jsonlLineStore } from "./jsonlLineStore.js";
import type { LineStore } from "./lineStore.js";
import { postgresLineStore } from "./postgres/postgresLineStore.js";

/**
 * Whether a store's location is a PostgreSQL URL (`postgres://` or `postgresql://`) rather than
 * a folder.
 *
 * @example
 * isDatabaseUrl("postgres://localhost/designations"); // true
 */
export function isDatabaseUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * The store at `location`: PostgreSQL for a `postgres://` URL, else the JSONL folder.
 *
 * @example
 * const store = openLineStore("postgres://postgres@127.0.0.1/designations");
 */
export function openLineStore(location: string): LineStore {
  return isDatabaseUrl(location) ? postgresLineStore(location) : jsonlLineStore(location);
}
