import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { GENESIS, lineHash } from "../../../src/store/integrityChain.js";

/** The repository's own Xiaomi log, read by tests and copied into temporary events folders. */
export const XIAOMI_LOG = fileURLToPath(
  new URL("../../../events/dod-1237/xiaomi.jsonl", import.meta.url),
);

/** One event as written to a log line; a field set to `undefined` is left out of the line. */
export type EventObject = Record<string, unknown>;

export const SOURCE = {
  publisher: "Test Gazette",
  title: "A test source",
  url: "https://example.org/source",
};

const LISTING_TYPES = new Set(["Listed", "Relisted", "Delisted"]);

function defaultData(type: string, effective: string): EventObject {
  const description = `${type} on ${effective}`;
  if (LISTING_TYPES.has(type)) return { description };
  if (type === "Noted") return { description, subject: "other" };
  if (type === "EditionPublished") return { description, kind: "edition" };
  if (type === "Corrected" || type === "Retracted") return { description };
  return { description, court: "U.S. District Court for the District of Columbia" };
}

/**
 * A valid event of `stream` (`<company>/<program>`) with id `<company>-<program>-<seq>`, but for
 * its `prev`, which depends on the line before it in its file: `writeStream` (or `chainLines`)
 * adds it. `overrides` replace envelope fields; `overrides.data` is merged into the default data,
 * so `{ data: { court: undefined } }` drops the court and `{ sources: undefined }` drops the key.
 * An explicit `prev` in `overrides` (even `undefined`, which leaves the key out of the line) is
 * written as it is, to break the chain on purpose.
 */
export function makeEvent(
  stream: string,
  seq: number,
  type: string,
  effective: string,
  overrides: EventObject = {},
): EventObject {
  const { data, ...envelope } = overrides;
  return {
    id: `${stream.replace("/", "-")}-${seq}`,
    stream,
    seq,
    type,
    effective,
    recorded: "2026-11-23T12:00:00.000Z",
    sources: [SOURCE],
    confidence: "high",
    ...envelope,
    data: { ...defaultData(type, effective), ...(data as EventObject | undefined) },
  };
}

/** The line as the log holds it: JSON without the fields set to `undefined`. */
export function lineOf(event: EventObject | string): string {
  return typeof event === "string" ? event : JSON.stringify(event);
}

/** What a valid event reads back as (the `undefined` fields gone). */
export function parsedOf(event: EventObject): EventObject {
  return JSON.parse(JSON.stringify(event)) as EventObject;
}

/**
 * The lines as `writeStream` writes them: strings verbatim, and each event that has no `prev` key
 * of its own with the `prev` of a correct integrity chain, the `lineHash` of the exact text of the
 * line before it (whatever that line holds, even a broken one), `GENESIS` on the first line. An
 * event with its own `prev` key keeps it, so that a test can break the chain on purpose.
 *
 * @example
 * const [first, second] = chainLines([acme(1, "Listed", "2021-01-14"), acme(2, "Noted", "2021-01-20")]);
 * // first.prev === GENESIS, second.prev === lineHash(lineOf(first))
 */
export function chainLines<T extends EventObject | string>(lines: readonly T[]): T[] {
  let previous: string | undefined;
  return lines.map((line) => {
    const chained =
      typeof line === "string" || Object.hasOwn(line, "prev")
        ? line
        : { ...(line as EventObject), prev: previous === undefined ? GENESIS : lineHash(previous) };
    previous = lineOf(chained);
    return chained as T;
  });
}

/**
 * Writes `<dir>/<program>/<company>.jsonl`, one line per event (strings verbatim), each line
 * ending in a newline, the events chained by their `prev` as `chainLines` does. Returns the
 * file's path.
 */
export function writeStream(
  dir: string,
  program: string,
  company: string,
  lines: readonly (EventObject | string)[],
): string {
  const file = join(dir, program, `${company}.jsonl`);
  writeFile(
    file,
    chainLines(lines)
      .map((line) => `${lineOf(line)}\n`)
      .join(""),
  );
  return file;
}

/** Writes any file under `dir`, creating its folders. Returns its path. */
export function writeFile(file: string, text: string): string {
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** A fresh empty folder under the system's temporary folder. */
export function makeTempDir(prefix = "designations-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
