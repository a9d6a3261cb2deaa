import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { eventJsonSchemaText } from "../domain/eventJsonSchema.js";
import type { LineBatch, LineStore } from "../store/lineStore.js";
import { writeFileWhole } from "../store/writeFileWhole.js";

/** `store copy` copies into an empty store only. */
export class StoreNotEmptyError extends Error {
  override readonly name = "StoreNotEmptyError";
}

/** What `copyStore` copied. */
export interface CopyResult {
  streams: number;
  events: number;
  registry: boolean;
}

/**
 * Copies a log from one store to another, empty one (`StoreNotEmptyError` if it holds a stream
 * or a registry): every stream's lines exactly as stored (so the chain is the same, and a folder
 * copied to PostgreSQL and back is the same bytes) in one append, then the registry. `schemaFolder`
 * (for a folder target) also gets `schema.json`, which is no part of a store: it is written from
 * the code's own schemas, as `npm run schema` writes it.
 *
 * @example
 * await copyStore(jsonlLineStore("events"), postgresLineStore(url)); // { streams: 376, events: 559, registry: true }
 */
export async function copyStore(
  from: LineStore,
  to: LineStore,
  options: { schemaFolder?: string } = {},
): Promise<CopyResult> {
  const held = await to.heads();
  const registry = await to.readRegistry();
  if (held.length > 0 || registry !== undefined) {
    const what = held.length > 0 ? `${held.length} streams` : "a company registry";
    throw new StoreNotEmptyError(
      `refusing to copy into ${to.location}, which is not empty (it holds ${what}): copy into a new folder or an empty database`,
    );
  }
  const batches: LineBatch[] = [];
  for (const head of await from.heads()) {
    const lines = await from.readLines(head.company, head.program);
    if (lines.length > 0) batches.push({ ...head, expectedSeq: 0, lines });
  }
  const text = await from.readRegistry();
  await to.appendLines(batches);
  if (text !== undefined) await to.writeRegistry(text, undefined);
  if (options.schemaFolder !== undefined) {
    mkdirSync(options.schemaFolder, { recursive: true });
    writeFileWhole(join(options.schemaFolder, "schema.json"), eventJsonSchemaText());
  }
  const events = batches.reduce((sum, batch) => sum + batch.lines.length, 0);
  return { streams: batches.length, events, registry: text !== undefined };
}
