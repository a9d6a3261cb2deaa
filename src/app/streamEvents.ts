import type { DesignationEvent } from "../domain/eventSchema.js";
import { UnknownEventError, UnknownProgramError } from "../query/queryErrors.js";
import { locateEvent } from "../store/findEvent.js";
import { jsonlEventStore } from "../store/jsonlEventStore.js";
import { ownStreamFile, programsOf } from "../store/streamFiles.js";

/** A stream that the log does not hold (its program exists, the company has no file there). */
export class UnknownStreamError extends Error {
  override readonly name = "UnknownStreamError";

  constructor(readonly stream: string) {
    super(`no stream "${stream}" in the log`);
  }
}

/** One stream's events as the log holds them, and its last seq (0 for none). */
export interface StreamEventList {
  stream: string;
  company: string;
  program: string;
  /** The last event's seq: what an append's expected seq must be. */
  seq: number;
  /** The SHA-256 of the stream's last line, the `prev` of the next one. */
  head: string;
  events: DesignationEvent[];
}

/**
 * The events of one stream, every line checked (schema, seq, chain; `LogError` on a problem).
 * Throws `UnknownProgramError` for a program the log lacks and `UnknownStreamError` for a
 * company without a stream on it.
 *
 * @example
 * streamEvents("events", "xiaomi", "dod-1237").events[0]?.type; // "Listed"
 */
export function streamEvents(dir: string, company: string, program: string): StreamEventList {
  const programs = programsOf(dir);
  if (!programs.includes(program)) throw new UnknownProgramError(program, programs);
  if (!ownStreamFile(dir, company, program).exists) {
    throw new UnknownStreamError(`${company}/${program}`);
  }
  const log = jsonlEventStore(dir).readStream({ company, program });
  const events = log.entries.map((entry) => entry.event);
  return {
    stream: log.stream,
    company,
    program,
    seq: events.at(-1)?.seq ?? 0,
    head: log.head,
    events,
  };
}

/**
 * The stream that holds the event `id`: throws `UnknownEventError` when none does.
 *
 * @example
 * streamOfEvent("events", "xiaomi-dod-1237-0001"); // { company: "xiaomi", program: "dod-1237" }
 */
export function streamOfEvent(dir: string, id: string): { company: string; program: string } {
  const found = locateEvent(dir, id);
  if (found === undefined) throw new UnknownEventError(id);
  return { company: found.company, program: found.program };
}
