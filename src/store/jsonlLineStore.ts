import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { writeLinesDurably } from "./appendToStream.js";
import { ConcurrencyError } from "./appendErrors.js";
import { withFileLock } from "./fileLock.js";
import { idLocator } from "./findEvent.js";
import { GENESIS, lineHash } from "./integrityChain.js";
import { lastLine } from "./lastLineHash.js";
import {
  checkBatch,
  lineEnvelope,
  type LineStore,
  refuseRepeatedStreams,
  type StreamHead,
  streamKey,
} from "./lineStore.js";
import { LogError } from "./logError.js";
import { COMPANIES_FILE } from "./readCompanies.js";
import { readBoundedText } from "./readBoundedText.js";
import { allStreamFiles, ownStreamFile } from "./streamFiles.js";
import { writeFileWhole } from "./writeFileWhole.js";

/**
 * The JSONL folder as a `LineStore`: the same files, locks and durable writes as `append`. Each
 * stream's append is atomic (its lines are written in one flushed write under the stream's lock,
 * after the checks), but a call with batches for several streams is not: a batch refused after
 * others were written leaves those written. The registry is `companies.json`, replaced whole
 * under its lock. A missing folder is an empty store, created by the first append.
 *
 * @example
 * const store = jsonlLineStore("events");
 * (await store.heads()).length; // 376
 */
export function jsonlLineStore(dir: string): LineStore {
  const registryFile = join(dir, COMPANIES_FILE);
  return {
    location: dir,
    heads: async () => folderHeads(dir),
    readLines: async (company, program) => streamLines(dir, company, program),
    async appendLines(batches) {
      refuseRepeatedStreams(batches);
      if (batches.every((batch) => batch.lines.length === 0)) return;
      // Each file's ids as kept since it last changed, and the ids these batches add.
      const lineOf = idLocator(dir);
      const added = new Map<string, string>();
      for (const batch of batches) {
        if (batch.lines.length === 0) continue;
        const { file } = ownStreamFile(dir, batch.company, batch.program);
        mkdirSync(dirname(file), { recursive: true });
        withFileLock(`${file}.lock`, () => {
          const lines = streamLines(dir, batch.company, batch.program);
          const last = lines.at(-1);
          checkBatch(
            batch,
            lines.length,
            last === undefined ? GENESIS : lineHash(last),
            (id) => added.get(id) ?? lineOf(id),
          );
          writeLinesDurably(file, batch.lines);
        });
        batch.lines.forEach((line, index) => {
          const envelope = lineEnvelope(line);
          const place = `${file}:${batch.expectedSeq + index + 1}`;
          if (typeof envelope !== "string") added.set(envelope.id, place);
        });
      }
    },
    readRegistry: async () => registryText(registryFile),
    async writeRegistry(text, expected) {
      mkdirSync(dir, { recursive: true });
      withFileLock(`${registryFile}.lock`, () => {
        if (registryText(registryFile) !== expected) {
          throw new ConcurrencyError(
            `${registryFile}`,
            0,
            0,
            `concurrency conflict on ${registryFile}: it changed since it was read. Read it again and retry`,
          );
        }
        writeFileWhole(registryFile, text);
      });
    },
    close: async () => undefined,
  };
}

/**
 * Every stream file's version and head, from its size and its last line alone (the last line
 * carries its seq): cheap however long the files are. A file whose last line is torn or no event
 * has seq -1, a version no store has, so that a comparison always finds it changed.
 *
 * @example
 * folderHeads("events").find((h) => h.company === "xiaomi"); // { seq: 9, head: "3f1c...", ... }
 */
export function folderHeads(dir: string): StreamHead[] {
  if (!existsSync(dir)) return [];
  return allStreamFiles(dir).map(({ file, company, program }) => {
    const size = statSync(file).size;
    if (size === 0) return { company, program, seq: 0, head: GENESIS };
    const line = lastLine(file, size);
    const envelope = line === undefined ? undefined : lineEnvelope(line);
    if (line === undefined || envelope === undefined || typeof envelope === "string") {
      return { company, program, seq: -1, head: `unreadable: ${size} bytes` };
    }
    return { company, program, seq: envelope.seq, head: lineHash(line) };
  });
}

/** A stream file's lines; a torn last line is refused (`LogError`), never dropped. */
function streamLines(dir: string, company: string, program: string): string[] {
  const { file, exists } = ownStreamFile(dir, company, program);
  if (!exists) return [];
  const text = readBoundedText(file);
  if (text === "") return [];
  if (!text.endsWith("\n")) {
    const message = `torn last line: it has no newline at its end; remove it and append that event again (see ${streamKey({ company, program })})`;
    throw new LogError([{ file, line: text.split("\n").length, message }]);
  }
  return text.slice(0, -1).split("\n");
}

function registryText(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}
