import { addDays, daysBetween, type IsoDate } from "../domain/isoDate.js";
import {
  type HeadlineStatus,
  headlineStatus,
  isEnforceable,
  lifecycleStateOf,
} from "../domain/lifecycleState.js";
import { accepts, type LifecycleSnapshot, nextLifecycleSnapshot } from "../domain/lifecycleStep.js";
import { statusAt } from "../query/statusAt.js";
import type { Timeline } from "../domain/timeline.js";
import { seededRandom } from "./random.js";
import { snapshotAt } from "./snapshotAt.js";
import type { Sojourn, SojournModel } from "./sojournModel.js";

export interface ForecastOptions {
  /** Today: the forecast starts from the stream's state at the end of this day. */
  at: IsoDate;
  until: IsoDate;
  runs: number;
  seed: number;
  model: SojournModel;
}

export interface Forecast {
  stream: string;
  at: IsoDate;
  until: IsoDate;
  runs: number;
  seed: number;
  from: { status: HeadlineStatus; enforceable: boolean; since: IsoDate };
  /** The chance of each status on `until`, likeliest first. */
  statusAtUntil: { status: HeadlineStatus; probability: number }[];
  /** When the designation stops being enforceable (after `at`, by `until`), across the runs. */
  enforceabilityEnds: {
    probability: number;
    p10: IsoDate | null;
    median: IsoDate | null;
    p90: IsoDate | null;
  };
  /** What each status's figures rest on: the stays drawn from, and how many streams they come from. */
  basis: {
    status: HeadlineStatus;
    stays: number;
    ended: number;
    ongoing: number;
    sources: number;
  }[];
}

const MAX_STEPS = 1_000;

/**
 * A Monte Carlo forecast of one stream: each run starts from its state on `at` and draws, status
 * after status, how long the stay lasts and which event ends it from the stays of the model
 * (history or assumptions), given that the stay has already lasted as long as it has. A drawn stay
 * still going on when last observed means "at least that long": the run draws again among longer
 * ones, and a status with no longer stay is kept to the end. Same seed, same result.
 *
 * @example
 * forecast(gowin, { at: "2026-11-23", until: "2027-12-31", runs: 10_000, seed: 1,
 *   model: sojournsFromHistory(timelines, "2026-11-23") }).statusAtUntil;
 */
export function forecast(timeline: Timeline, options: ForecastOptions): Forecast {
  const random = seededRandom(options.seed);
  const start = snapshotAt(timeline, options.at);
  const now = statusAt(timeline, options.at);
  const since = now.since ?? options.at;
  const finals = new Map<HeadlineStatus, number>();
  const ends: number[] = [];
  const visited = new Set<HeadlineStatus>();

  for (let run = 0; run < options.runs; run += 1) {
    const result = runOnce(start, since, options, random, visited);
    finals.set(result.status, (finals.get(result.status) ?? 0) + 1);
    if (result.enforceabilityEnds !== undefined) ends.push(result.enforceabilityEnds);
  }

  ends.sort((a, b) => a - b);
  const quantile = (q: number) =>
    ends.length === 0
      ? null
      : addDays(options.at, ends[Math.min(ends.length - 1, Math.floor(q * ends.length))] as number);
  return {
    stream: timeline.stream,
    at: options.at,
    until: options.until,
    runs: options.runs,
    seed: options.seed,
    from: { status: now.status, enforceable: now.enforceable, since },
    statusAtUntil: [...finals.entries()]
      .map(([status, count]) => ({ status, probability: count / options.runs }))
      .sort((a, b) => b.probability - a.probability || (a.status < b.status ? -1 : 1)),
    enforceabilityEnds: {
      probability: ends.length / options.runs,
      p10: quantile(0.1),
      median: quantile(0.5),
      p90: quantile(0.9),
    },
    basis: [...visited].sort().map((status) => basisOf(status, options.model[status] ?? [])),
  };
}

interface RunResult {
  status: HeadlineStatus;
  /** Days after `at` when the designation stopped being enforceable, if it did by `until`. */
  enforceabilityEnds?: number;
}

function runOnce(
  start: LifecycleSnapshot,
  since: IsoDate,
  options: ForecastOptions,
  random: () => number,
  visited: Set<HeadlineStatus>,
): RunResult {
  let snapshot = start;
  let entered = since;
  // Stays that can still be drawn last more than `atLeast` days (-1 on entering a status: any).
  let atLeast = daysBetween(since, options.at);
  let enforceabilityEnds: number | undefined;
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const state = lifecycleStateOf(snapshot.value);
    const status = headlineStatus(state);
    visited.add(status);
    // An assumed stay counts, in the stay under way at the start, from the start of the forecast.
    const counted = (stay: Sojourn) => step === 0 && stay.fromForecastStart === true;
    const possible = (options.model[status] ?? []).filter(
      (stay) =>
        (counted(stay) || stay.days > atLeast) &&
        (stay.event === undefined || accepts(snapshot, stay.event)),
    );
    const stay = pick(possible, random);
    if (stay === undefined) return { status, enforceabilityEnds };
    const date = addDays(counted(stay) ? options.at : entered, stay.days);
    if (date > options.until) return { status, enforceabilityEnds };
    if (stay.event === undefined) {
      atLeast = stay.days;
      continue;
    }
    const next = nextLifecycleSnapshot(snapshot, stay.event) as LifecycleSnapshot;
    const wasEnforceable = isEnforceable(state);
    if (
      wasEnforceable &&
      !isEnforceable(lifecycleStateOf(next.value)) &&
      enforceabilityEnds === undefined
    ) {
      enforceabilityEnds = daysBetween(options.at, date);
    }
    snapshot = next;
    entered = date;
    atLeast = -1;
  }
  return { status: headlineStatus(lifecycleStateOf(snapshot.value)), enforceabilityEnds };
}

function pick(stays: readonly Sojourn[], random: () => number): Sojourn | undefined {
  const total = stays.reduce((sum, stay) => sum + stay.weight, 0);
  let target = random() * total;
  for (const stay of stays) {
    target -= stay.weight;
    if (target < 0) return stay;
  }
  return stays.at(-1);
}

function basisOf(status: HeadlineStatus, stays: readonly Sojourn[]) {
  const ended = stays.filter((stay) => stay.event !== undefined).length;
  return {
    status,
    stays: stays.length,
    ended,
    ongoing: stays.length - ended,
    sources: new Set(stays.map((stay) => stay.source)).size,
  };
}
