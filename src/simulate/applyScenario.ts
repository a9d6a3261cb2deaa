import { type Draft, freeze, produce } from "immer";
import type { DesignationEvent } from "../domain/eventSchema.js";
import type { Log } from "../store/streamLog.js";
import {
  type HypotheticalEvent,
  type Scenario,
  type ScenarioEditPlace,
  ScenarioError,
} from "./scenario.js";

/** Events of each stream by stream id, as a scenario edits them. */
export type StreamEvents = Readonly<Record<string, readonly DesignationEvent[]>>;

/**
 * The events of every stream of the log, deep-frozen: the actual world, which scenarios edit
 * copies of and never change.
 *
 * @example
 * actualEvents(readLog("events"))["xiaomi/dod-1237"]?.length; // 9
 */
export function actualEvents(log: Log): StreamEvents {
  const events: Record<string, DesignationEvent[]> = {};
  for (const stream of log.streams)
    events[stream.stream] = stream.entries.map((entry) => entry.event);
  return freeze(events, true);
}

/**
 * The alternate world: the scenario's edits applied, in order, as an immer recipe over the frozen
 * actual events. An edited event sets aside the corrections of it: dropping, moving or replacing
 * it says what the event is in that world. Inserted events get ids
 * `simulated-1`, `simulated-2`, ... Throws `ScenarioError` with the edit's `place` (index,
 * field, value) for an id the world does not have (or an earlier edit dropped), an inserted event
 * whose stream is not said, or a replacement that names another program or company than the
 * event it replaces.
 *
 * @example
 * applyScenario(actual, { name: "no injunction", company: "xiaomi", edits: [{ drop: "xiaomi-dod-1237-0006" }] });
 */
export function applyScenario(actual: StreamEvents, scenario: Scenario): StreamEvents {
  let inserted = 0;
  return produce(actual, (world) => {
    scenario.edits.forEach((edit, at) => {
      if ("drop" in edit) {
        const { stream } = locate(world, edit.drop, { edit: at, field: "drop", value: edit.drop });
        world[stream] = (world[stream] ?? []).filter((event) => event.id !== edit.drop);
        dropCorrectionsOf(world, stream, edit.drop);
      } else if ("move" in edit) {
        const place = { edit: at, field: "move", value: edit.move };
        const { stream, event } = locate(world, edit.move, place);
        event.effective = edit.to;
        dropCorrectionsOf(world, stream, edit.move);
      } else if ("replace" in edit) {
        const place = { edit: at, field: "replace", value: edit.replace };
        const { stream, index, event } = locate(world, edit.replace, place);
        checkReplacementStream(stream, edit.with, at);
        dropCorrectionsOf(world, stream, edit.replace);
        (world[stream] as Draft<DesignationEvent>[])[index] = hypothetical(
          event.id,
          event.seq,
          stream,
          edit.with,
          scenario,
        );
      } else {
        inserted += 1;
        const stream = streamFor(world, edit.insert, scenario, at);
        const events = (world[stream] ??= []);
        const seq = Math.max(0, ...events.map((event) => event.seq)) + 1;
        events.push(hypothetical(`simulated-${inserted}`, seq, stream, edit.insert, scenario));
      }
    });
  });
}

function dropCorrectionsOf(
  world: Draft<Record<string, DesignationEvent[]>>,
  stream: string,
  id: string,
): void {
  const events = world[stream] ?? [];
  const kept = events.filter((event) => correctedId(event) !== id);
  // Reassign only when something goes, so that an untouched stream keeps its identity.
  if (kept.length !== events.length) world[stream] = kept;
}

function locate(
  world: Draft<Record<string, DesignationEvent[]>>,
  id: string,
  place: ScenarioEditPlace,
) {
  for (const [stream, events] of Object.entries(world)) {
    const index = events.findIndex((event) => event.id === id);
    const event = events[index];
    if (event !== undefined) return { stream, index, event };
  }
  throw new ScenarioError(
    `no event "${id}" in the log (or it was dropped by an earlier edit)`,
    place,
  );
}

/** A replacement stays in the replaced event's stream: a program or company of its own contradicts it. */
function checkReplacementStream(stream: string, event: HypotheticalEvent, edit: number): void {
  const [company, program] = stream.split("/") as [string, string];
  for (const [field, value, own] of [
    ["with.program", event.program, program],
    ["with.company", event.company, company],
  ] as const) {
    if (value !== undefined && value !== own) {
      throw new ScenarioError(
        `the replacement takes the place of an event of ${stream}, so it cannot be on ${field === "with.program" ? "program" : "company"} "${value}"`,
        { edit, field, value },
      );
    }
  }
}

function correctedId(event: DesignationEvent): string | undefined {
  if (event.type === "Corrected") return event.data.corrects;
  if (event.type === "Retracted") return event.data.retracts;
  return undefined;
}

function streamFor(
  world: Record<string, unknown>,
  event: HypotheticalEvent,
  scenario: Scenario,
  edit: number,
): string {
  const company = event.company ?? scenario.company;
  if (event.program !== undefined) return `${company}/${event.program}`;
  const streams = Object.keys(world).filter((stream) => stream.startsWith(`${company}/`));
  if (streams.length === 1) return streams[0] as string;
  throw new ScenarioError(
    `say which program the inserted ${event.type} of ${event.effective} goes into: ${company} has ${streams.length === 0 ? "no stream" : `streams ${streams.join(", ")}`}`,
    { edit, field: "insert.program", value: "" },
  );
}

/** A hypothetical event in the shape of a logged one, sourced to the scenario itself. */
function hypothetical(
  id: string,
  seq: number,
  stream: string,
  event: HypotheticalEvent,
  scenario: Scenario,
): DesignationEvent {
  return {
    id,
    stream,
    seq,
    type: event.type,
    effective: event.effective,
    precision: event.precision,
    recorded: "1970-01-01T00:00:00.000Z",
    data: {
      description: event.description ?? `hypothetical ${event.type} (scenario: ${scenario.name})`,
    },
    sources: [
      { publisher: "simulation", title: scenario.name, url: "https://simulation.invalid/" },
    ],
    confidence: "low",
    prev: "0".repeat(64),
  } as DesignationEvent;
}
