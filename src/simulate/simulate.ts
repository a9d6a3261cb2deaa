import type { IsoDate } from "../domain/isoDate.js";
import { InvalidHistoryError } from "../domain/invalidHistoryError.js";
import { isLifecycleEventType } from "../domain/eventTypes.js";
import type { Log } from "../store/streamLog.js";
import { CorrectionError } from "../domain/corrections/applyCorrections.js";
import { replayEvents } from "../replay/replayLog.js";
import type { Timeline } from "../domain/timeline.js";
import { actualEvents, applyScenario, type StreamEvents } from "./applyScenario.js";
import { type EffectComparison, compareEffects } from "./compareEffects.js";
import { type Comparison, compareTimelines } from "./compareTimelines.js";
import { invalidHistoryHint } from "./historyHint.js";
import { type Scenario, ScenarioError } from "./scenario.js";

/** One stream in both worlds. Everything here is simulated except `actual`. */
export interface SimulatedStream {
  stream: string;
  program: string;
  actual: Timeline;
  alternate: Timeline;
  comparison: Comparison;
  /** The legal effects in both worlds and where they differ (see compareEffects). */
  effects: EffectComparison;
}

export interface Simulation {
  /** Always true: an answer about a world that did not happen. */
  simulated: true;
  scenario: Scenario;
  streams: SimulatedStream[];
}

/**
 * Replays the log as the scenario edits it, beside the actual log, for every stream of the
 * scenario's company (or one program). Nothing is written anywhere. Throws `ScenarioError` for an
 * edit that names no event, or that leaves a history the machine rejects (with a hint).
 *
 * @example
 * const result = simulate(readLog("events"), { name: "no injunction", company: "xiaomi",
 *   edits: [{ drop: "xiaomi-dod-1237-0006" }] }, { until: "2026-11-23" });
 * result.streams[0].comparison.enforceableDays; // { actual: 57, alternate: 131, until: "2026-11-23" }
 */
export function simulate(
  log: Log,
  scenario: Scenario,
  options: { until: IsoDate; program?: string },
): Simulation {
  const actual = actualEvents(log);
  const alternate = applyScenario(actual, scenario);
  const streams = Object.keys(alternate)
    .filter((stream) => stream.startsWith(`${scenario.company}/`))
    .filter((stream) => options.program === undefined || stream.endsWith(`/${options.program}`))
    .sort()
    .map((stream) => {
      const actualTimeline = foldWorld(actual, stream);
      const alternateTimeline = foldWorld(alternate, stream);
      return {
        stream,
        program: stream.split("/")[1] ?? "",
        actual: actualTimeline,
        alternate: alternateTimeline,
        comparison: compareTimelines(actualTimeline, alternateTimeline, options.until),
        effects: compareEffects(actualTimeline, alternateTimeline),
      };
    });
  if (streams.length === 0) {
    throw new ScenarioError(
      `${scenario.company} has no stream${options.program ? ` on ${options.program}` : ""}`,
    );
  }
  return { simulated: true, scenario, streams };
}

function foldWorld(world: StreamEvents, stream: string): Timeline {
  try {
    return replayEvents(stream, world[stream] ?? []);
  } catch (error) {
    if (error instanceof CorrectionError) {
      throw new ScenarioError(`the edited history is invalid: ${error.message}`);
    }
    if (!(error instanceof InvalidHistoryError) || !isLifecycleEventType(error.eventType))
      throw error;
    throw new ScenarioError(
      `the edited history is invalid: ${error.message}. Hint: ${invalidHistoryHint(error.eventType, error.state)}`,
    );
  }
}
