import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  type DesignationEvent,
  DesignationEventSchema,
  SlugSchema,
} from "../domain/eventSchema.js";
import { applyCorrections } from "../replay/applyCorrections.js";
import { foldStream } from "../replay/foldStream.js";
import { AppendRejectedError, ConcurrencyError, StreamNeedsRepairError } from "./appendErrors.js";
import { findEventLine } from "./findEvent.js";
import { withFileLock } from "./fileLock.js";
import type { LogIssue } from "./logError.js";
import { readStreamFile } from "./readStreamFile.js";

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
}

export interface AppendResult {
  /** `existing`: an identical event with the same id was already there; nothing was written. */
  outcome: "appended" | "existing";
  event: DesignationEvent;
  file: string;
  line: number;
}

/**
 * Appends one event to its stream's file `<dir>/<program>/<company>.jsonl`, under an exclusive
 * lock across processes, as one complete line flushed to disk before it returns. Rejects, writing
 * nothing, an event that breaks the schema or makes the stream's history invalid (also when it is
 * back-dated before events already there), a stream file that fails verification, and a stale
 * `expectedSeq`. Re-sending an identical event with the same `id` is a no-op.
 *
 * @example
 * appendEvent("events", { company: "xiaomi", program: "dod-1237", type: "Noted", effective: "2021-03-09",
 *   data: { subject: "hearing", description: "Oral argument." }, confidence: "low",
 *   sources: [{ publisher: "Kandian5", title: "...", url: "https://kandian5.com/articles/19478.html" }] });
 */
export function appendEvent(
  dir: string,
  draft: EventDraft,
  options: AppendOptions = {},
): AppendResult {
  const stream = `${draft.company}/${draft.program}`;
  for (const [field, value] of [
    ["company", draft.company],
    ["program", draft.program],
  ] as const) {
    if (!SlugSchema.safeParse(value).success) {
      throw new AppendRejectedError(
        stream,
        `"${value}" must be a lowercase slug such as xiaomi or dod-1237`,
        field,
      );
    }
  }
  const file = join(dir, draft.program, `${draft.company}.jsonl`);
  mkdirSync(dirname(file), { recursive: true });
  return withFileLock(`${file}.lock`, () => appendLocked(dir, file, stream, draft, options));
}

function appendLocked(
  dir: string,
  file: string,
  stream: string,
  draft: EventDraft,
  options: AppendOptions,
): AppendResult {
  const issues: LogIssue[] = [];
  const current = readStreamFile(file, draft.company, draft.program, issues);
  if (issues.length > 0) throw new StreamNeedsRepairError(file, issues);
  const events = current.entries.map((entry) => entry.event);

  if (draft.id !== undefined) {
    const same = current.entries.find((entry) => entry.event.id === draft.id);
    if (same !== undefined) {
      if (sameContent(same.event, draft))
        return { outcome: "existing", event: same.event, file, line: same.line };
      throw new AppendRejectedError(
        stream,
        `id ${draft.id} is already used, by a different event at ${file}:${same.line}`,
        "id",
      );
    }
    const elsewhere = findEventLine(dir, draft.id);
    if (elsewhere !== undefined) {
      throw new AppendRejectedError(stream, `id ${draft.id} is already used at ${elsewhere}`, "id");
    }
  }
  const lastSeq = events.length;
  if (options.expectedSeq !== undefined && options.expectedSeq !== lastSeq) {
    throw new ConcurrencyError(stream, options.expectedSeq, lastSeq);
  }

  const seq = lastSeq + 1;
  const candidate = {
    id: draft.id ?? `${draft.company}-${draft.program}-${String(seq).padStart(4, "0")}`,
    stream,
    seq,
    type: draft.type,
    effective: draft.effective,
    known: draft.known,
    precision: draft.precision,
    recorded: recordedInstant(options.now?.() ?? new Date(), events.at(-1)?.recorded),
    data: draft.data,
    sources: draft.sources,
    confidence: draft.confidence,
    prev: current.head,
  };
  const parsed = DesignationEventSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppendRejectedError(stream, issue?.message ?? "invalid event", issue?.path.join("."));
  }
  // The parsed event in the order a reader expects, `id` first (findEventLine relies on it).
  const event = { ...candidate, ...parsed.data } as DesignationEvent;
  try {
    foldStream(stream, applyCorrections([...events, event]));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppendRejectedError(
      stream,
      `with this event the history would be invalid: ${reason}`,
    );
  }
  writeLineDurably(file, JSON.stringify(event));
  return { outcome: "appended", event, file, line: seq };
}

/** Now, but never before the stream's last recorded instant: `recorded` only moves forward. */
function recordedInstant(now: Date, lastRecorded: string | undefined): string {
  const instant = now.toISOString();
  return lastRecorded !== undefined && lastRecorded > instant ? lastRecorded : instant;
}

function sameContent(stored: DesignationEvent, draft: EventDraft): boolean {
  const pick = (event: EventDraft | DesignationEvent) =>
    canonical({
      type: event.type,
      effective: event.effective,
      known: event.known,
      precision: event.precision,
      data: event.data,
      sources: event.sources,
      confidence: event.confidence,
    });
  return pick(stored) === pick(draft);
}

/** JSON with object keys sorted and undefined members dropped, to compare content. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** One write of the whole line, then fsync of the file (and of its folder when it is new). */
function writeLineDurably(file: string, line: string): void {
  const isNew = !existsSync(file);
  const fd = openSync(file, "a");
  try {
    writeSync(fd, `${line}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (isNew) fsyncFolder(dirname(file));
}

function fsyncFolder(folder: string): void {
  const fd = openSync(folder, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
