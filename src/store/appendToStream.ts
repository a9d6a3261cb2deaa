import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmdirSync,
  type Stats,
  statSync,
  writeSync,
} from "node:fs";
import { dirname } from "node:path";
import {
  type DesignationEvent,
  DesignationEventSchema,
  SlugSchema,
} from "../domain/eventSchema.js";
import { AppendRejectedError, ConcurrencyError, StreamNeedsRepairError } from "./appendErrors.js";
import { eventContent } from "./eventContent.js";
import { correctionTargetProblem } from "../domain/corrections/correctionTarget.js";
import { streamTypeProblem } from "../domain/editionStream.js";
import { idLocator } from "./findEvent.js";
import { grouped, LIMITS } from "../domain/limits.js";
import { lineHash } from "./integrityChain.js";
import { withFileLock } from "./fileLock.js";
import type { LogIssue } from "./logError.js";
import { readStreamFile } from "./readStreamFile.js";
import type { StreamLog } from "./streamLog.js";
import { ownStreamFile } from "./streamFiles.js";

/** What the author says; the log adds `seq`, `recorded`, `prev` and (unless given) `id`. */
export interface EventDraft {
  company: string;
  program: string;
  type: string;
  effective: string;
  known?: string;
  precision?: "day" | "month";
  data: Record<string, unknown>;
  sources: { publisher: string; title: string; url: string }[];
  confidence: "high" | "medium" | "low";
  id?: string;
}

export interface AppendOptions {
  /** Fail with a `ConcurrencyError` unless the stream's last seq is this (0: the stream is new). */
  expectedSeq?: number;
  /** The instant to record, for tests; defaults to now. */
  now?: () => Date;
  /** Check everything, as under the lock, but write nothing. */
  dryRun?: boolean;
  /**
   * False for a replica of another store (which is the durable copy): the write is not flushed
   * to disk before it returns. Default true.
   */
  durable?: boolean;
}

/** Why a stream may not take new events, found by the layer that knows the history's rules. */
export interface StreamRejection {
  message: string;
  field?: string;
  /** Which of the new events (0-based, among those not already stored) is to blame. */
  newIndex?: number;
}

/**
 * The application's decision on the stream as it would be: all its events, the new ones last
 * (`stored` of them were there before). Run under the stream's lock, so no writer comes between
 * the decision and the write.
 */
export type StreamCheck = (
  stream: string,
  events: readonly DesignationEvent[],
  stored: number,
) => StreamRejection | undefined;

export interface AppendToStreamOptions extends AppendOptions {
  check?: StreamCheck;
}

export interface AppendResult {
  /** `existing`: an identical event with the same id was already there; nothing was written. */
  outcome: "appended" | "existing";
  event: DesignationEvent;
  file: string;
  line: number;
}

/**
 * Appends events to ONE stream's file `<dir>/<program>/<company>.jsonl`: all of them or none,
 * under an exclusive lock across processes, as complete lines in one write flushed to disk before
 * it returns. Assigns `seq`, `recorded`, `prev` and (unless given) `id`. Rejects, writing nothing,
 * an event that breaks the schema, an id used elsewhere, a stream file that fails verification, a
 * stale `expectedSeq`, and whatever `check` rejects. Re-sending an identical event with the same
 * `id` is a no-op. The history's rules are not the store's: the application passes them as `check`.
 *
 * @example
 * appendToStream("events", [draft], { check: (stream, events) => undefined });
 */
export function appendToStream(
  dir: string,
  drafts: readonly EventDraft[],
  options: AppendToStreamOptions = {},
): AppendResult[] {
  const first = drafts[0];
  if (first === undefined) return [];
  const stream = `${first.company}/${first.program}`;
  drafts.forEach((draft, index) => {
    if (`${draft.company}/${draft.program}` !== stream) {
      throw new AppendRejectedError(
        stream,
        "one batch appends to one stream only",
        "company",
        index,
      );
    }
  });
  for (const [field, value] of [
    ["company", first.company],
    ["program", first.program],
  ] as const) {
    const problem = SlugSchema.safeParse(value).error?.issues[0];
    if (problem !== undefined) {
      // A value over the length limit is not repeated: it may be huge.
      const shown = value.length > LIMITS.slugChars ? "" : `"${value}" `;
      throw new AppendRejectedError(stream, `${shown}${problem.message}`, field);
    }
  }
  const { file } = ownStreamFile(dir, first.company, first.program);
  // A dry run only reads: no folder, no lock (the real run checks again under the lock).
  if (options.dryRun) return appendLocked(dir, file, stream, drafts, options);
  const folderIsNew = !existsSync(dirname(file));
  mkdirSync(dirname(file), { recursive: true });
  try {
    return withFileLock(`${file}.lock`, () => appendLocked(dir, file, stream, drafts, options));
  } catch (error) {
    // A rejected first event of a new program leaves no empty folder behind.
    if (folderIsNew) removeIfEmpty(dirname(file));
    throw error;
  }
}

function appendLocked(
  dir: string,
  file: string,
  stream: string,
  drafts: readonly EventDraft[],
  options: AppendToStreamOptions,
): AppendResult[] {
  const current = verifiedStream(file, stream);
  const stored = current.entries.map((entry) => ({ event: entry.event, line: entry.line }));
  const events = stored.map((entry) => entry.event);
  const byId = new Map(events.map((event) => [event.id, event]));
  const lastSeq = events.length;
  const results: AppendResult[] = [];
  const lines: string[] = [];
  const newDraftIndexes: number[] = [];
  let head = current.head;
  let lineOfId: ((id: string) => string | undefined) | undefined;
  let lastRecorded = events.at(-1)?.recorded;

  drafts.forEach((draft, index) => {
    const existing =
      draft.id === undefined ? undefined : stored.find((e) => e.event.id === draft.id);
    if (existing !== undefined) {
      if (!sameContent(existing.event, draft)) {
        throw new AppendRejectedError(
          stream,
          `id ${draft.id} is already used, by a different event at ${file}:${existing.line}`,
          "id",
          index,
        );
      }
      results.push({ outcome: "existing", event: existing.event, file, line: existing.line });
      return;
    }
    const seq = events.length + 1;
    const id = draft.id ?? `${draft.company}-${draft.program}-${String(seq).padStart(4, "0")}`;
    const taken = byId.has(id)
      ? `${file}:${stored.find((entry) => entry.event.id === id)?.line}`
      : (lineOfId ??= idLocator(dir))(id);
    if (taken !== undefined) {
      const hint = draft.id === undefined ? "; give the event an id of its own" : "";
      throw new AppendRejectedError(
        stream,
        `id ${id} is already used at ${taken}${hint}`,
        "id",
        index,
      );
    }
    const candidate = {
      id,
      stream,
      seq,
      type: draft.type,
      effective: draft.effective,
      known: draft.known,
      precision: draft.precision,
      recorded: recordedInstant(options.now?.() ?? new Date(), lastRecorded),
      data: draft.data,
      sources: draft.sources,
      confidence: draft.confidence,
      prev: head,
    };
    const parsed = DesignationEventSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppendRejectedError(
        stream,
        issue?.message ?? "invalid event",
        issue?.path.join("."),
        index,
      );
    }
    // The parsed event in the order a reader expects, `id` first (idLocator relies on it).
    const event = { ...candidate, ...parsed.data } as DesignationEvent;
    const misplaced = streamTypeProblem(stream, event.type);
    if (misplaced !== undefined) throw new AppendRejectedError(stream, misplaced, "type", index);
    const target = correctionTargetProblem(event, byId);
    if (target !== undefined) {
      throw new AppendRejectedError(stream, target.message, target.field, index);
    }
    const line = JSON.stringify(event);
    const bytes = Buffer.byteLength(line);
    if (bytes > LIMITS.lineBytes) {
      const reason = `the event's line would be ${grouped(bytes)} bytes; a line may hold at most ${grouped(LIMITS.lineBytes)}`;
      throw new AppendRejectedError(stream, reason, undefined, index);
    }
    events.push(event);
    byId.set(event.id, event);
    stored.push({ event, line: seq });
    lines.push(line);
    head = lineHash(line);
    lastRecorded = event.recorded;
    results.push({ outcome: "appended", event, file, line: seq });
    newDraftIndexes.push(index);
  });
  if (lines.length === 0) return results;

  if (options.expectedSeq !== undefined && options.expectedSeq !== lastSeq) {
    throw new ConcurrencyError(stream, options.expectedSeq, lastSeq);
  }
  const rejection = options.check?.(stream, events, lastSeq);
  if (rejection !== undefined) {
    const draftIndex =
      rejection.newIndex === undefined ? undefined : newDraftIndexes[rejection.newIndex];
    throw new AppendRejectedError(stream, rejection.message, rejection.field, draftIndex);
  }
  if (!options.dryRun) {
    writeLinesDurably(file, lines, options.durable ?? true);
    remember(file, {
      ...current,
      entries: stored.map(({ event, line }) => ({ event, line })),
      head,
      size: current.size + Buffer.byteLength(lines.map((line) => `${line}\n`).join("")),
    });
  }
  return results;
}

/**
 * The stream as its file holds it, every line checked (`StreamNeedsRepairError` if one fails).
 * A long-lived writer (the server) checks a file in full once: after that, while the file keeps
 * the inode, size and modification time its last append left, the stream is taken as that
 * append left it (another writer's append, or any edit that moves the time, makes it read in full
 * again; `verify` checks every line every time).
 */
function verifiedStream(file: string, stream: string): StreamLog {
  const stat = statSync(file, { throwIfNoEntry: false });
  const known = checkedStreams.get(file);
  if (stat !== undefined && known !== undefined && known.version === versionOf(stat)) {
    return known.log;
  }
  const issues: LogIssue[] = [];
  const [company = "", program = ""] = stream.split("/");
  const log = readStreamFile(file, company, program, issues);
  if (issues.length > 0) throw new StreamNeedsRepairError(file, issues);
  if (stat !== undefined) checkedStreams.set(file, { version: versionOf(stat), log });
  return log;
}

/** A stream as this process's own append left its file (see `verifiedStream`). */
function remember(file: string, log: StreamLog): void {
  const stat = statSync(file);
  if (stat.size !== log.size) {
    checkedStreams.delete(file);
    return;
  }
  checkedStreams.set(file, { version: versionOf(stat), log });
}

const checkedStreams = new Map<string, { version: string; log: StreamLog }>();

function versionOf(stat: Stats): string {
  return `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
}

/** Now, but never before the stream's last recorded instant: `recorded` only moves forward. */
function recordedInstant(now: Date, lastRecorded: string | undefined): string {
  const instant = now.toISOString();
  return lastRecorded !== undefined && lastRecorded > instant ? lastRecorded : instant;
}

/**
 * Whether the draft says what the stored event says, the draft taken as the log would store it
 * (the schema trims texts): re-sending a line with a blank around a description is no change.
 */
function sameContent(stored: DesignationEvent, draft: EventDraft): boolean {
  const asStored = DesignationEventSchema.safeParse({
    ...stored,
    type: draft.type,
    effective: draft.effective,
    known: draft.known,
    precision: draft.precision,
    data: draft.data,
    sources: draft.sources,
    confidence: draft.confidence,
  });
  return asStored.success && eventContent(asStored.data) === eventContent(stored);
}

/**
 * Appends whole lines to a file in one write, then fsyncs the file (and its folder when the file
 * is new). The caller holds the stream's lock.
 *
 * @example
 * writeLinesDurably("events/dod-1237/acme.jsonl", [line]);
 */
export function writeLinesDurably(file: string, lines: readonly string[], durable = true): void {
  const isNew = !existsSync(file);
  const fd = openSync(file, "a");
  try {
    const bytes = Buffer.from(lines.map((line) => `${line}\n`).join(""), "utf8");
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written);
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (isNew && durable) fsyncFolder(dirname(file));
}

function fsyncFolder(folder: string): void {
  const fd = openSync(folder, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function removeIfEmpty(folder: string): void {
  if (existsSync(folder) && readdirSync(folder).length === 0) rmdirSync(folder);
}
