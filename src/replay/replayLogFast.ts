import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DesignationEvent, FactEvent } from "../domain/eventSchema.js";
import { EDITIONS_COMPANY } from "../domain/editionStream.js";
import { folderEntries } from "../log/folderEntries.js";
import { LogError } from "../log/logError.js";
import { applyCorrections } from "./applyCorrections.js";
import { foldStream } from "./foldStream.js";
import type { Timeline } from "./timeline.js";

export interface FastReplay {
  timelines: Timeline[];
  events: number;
}

/**
 * Replays a large log into timelines for status lookups, at close to the speed of parsing it:
 * one stream file at a time, each line parsed once and folded through the transition table, no
 * event kept afterwards (the timelines have no `steps`). It checks only what the fold needs (the
 * stream's `seq` order and that each line is an object with a type); the schema, the integrity
 * chain and unique ids are `verify`'s to check. `onStream` is told the progress.
 *
 * @example
 * const { timelines, events } = replayLogFast("events");
 */
export function replayLogFast(
  dir: string,
  onStream?: (done: { streams: number; events: number }) => void,
): FastReplay {
  const timelines: Timeline[] = [];
  let events = 0;
  for (const program of folderEntries(dir, "directory")) {
    for (const name of folderEntries(join(dir, program), "file")) {
      if (!name.endsWith(".jsonl")) continue;
      const company = name.slice(0, -".jsonl".length);
      if (company === EDITIONS_COMPANY) continue;
      const file = join(dir, program, name);
      const streamEvents = parseStreamFile(file);
      events += streamEvents.length;
      const stream = `${company}/${program}`;
      const facts = needsCorrections(streamEvents)
        ? applyCorrections(streamEvents)
        : (streamEvents as FactEvent[]);
      timelines.push(foldStream(stream, facts, { keepSteps: false }));
      onStream?.({ streams: timelines.length, events });
    }
  }
  return { timelines, events };
}

function parseStreamFile(file: string): DesignationEvent[] {
  const text = readFileSync(file, "utf8");
  const events: DesignationEvent[] = [];
  let start = 0;
  let line = 0;
  while (start < text.length) {
    const end = text.indexOf("\n", start);
    if (end < 0)
      throw new LogError([
        { file, line: line + 1, message: "torn last line: run designations verify" },
      ]);
    line += 1;
    const event = parseLine(text.slice(start, end), file, line);
    if (event.seq !== line) {
      throw new LogError([
        {
          file,
          line,
          field: "seq",
          message: `is ${event.seq}, expected ${line}: run designations verify`,
        },
      ]);
    }
    events.push(event);
    start = end + 1;
  }
  return events;
}

function parseLine(text: string, file: string, line: number): DesignationEvent {
  try {
    const event = JSON.parse(text) as DesignationEvent;
    if (typeof event?.type === "string" && typeof event.effective === "string") return event;
  } catch {
    // reported below
  }
  throw new LogError([{ file, line, message: "not an event: run designations verify" }]);
}

function needsCorrections(events: readonly DesignationEvent[]): boolean {
  return events.some((event) => event.type === "Corrected" || event.type === "Retracted");
}
