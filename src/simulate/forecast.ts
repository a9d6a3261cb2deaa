import type { LifecycleEventType } from "../domain/eventTypes.js";
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
  /** Told after each run how many runs are done (for a progress bar). */
  onRun?: (done: number) => void;
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

/**
 * The most stays one run may draw before it reaches `until`. A lifecycle that takes more events
 * than this is going round a loop (stays of 0 or 1 day that lead back to where they started), and
 * the forecast stops with a `ForecastLoopError` instead of answering from runs cut short. No
 * stream of the log has more than a dozen events.
 */
export const MAX_STEPS_PER_RUN = 10_000;

/** One move of a run that went round a loop: the stay drawn in `status` and where it led. */
export interface LoopStep {
  status: HeadlineStatus;
  event: LifecycleEventType;
  days: number;
  to: HeadlineStatus;
  /** Where the stay comes from: a stream id, or "assumption". */
  source: string;
  /** For an assumption: its place in the assumptions, e.g. `statuses.challenged.0`. */
  field?: string;
}

/**
 * A run of a forecast drew `MAX_STEPS_PER_RUN` stays without reaching `until`: the stays it
 * draws from go round a loop, named by `loop` (the last round of it, in order).
 */
export class ForecastLoopError extends Error {
  override readonly name = "ForecastLoopError";

  constructor(
    readonly stream: string,
    readonly until: IsoDate,
    readonly loop: readonly LoopStep[],
    /** What to do about it, added to the message. */
    hint?: string,
  ) {
    super(
      `a run of the forecast of ${stream} drew ${MAX_STEPS_PER_RUN.toLocaleString("en-US")} stays without reaching ${until}: it goes round ${loopText(loop)} (from ${loopSources(loop)})${hint === undefined ? "" : `. ${hint}`}`,
    );
  }

  /** True when an assumption is on the loop (else only the log's history is). */
  get assumed(): boolean {
    return this.loop.some((step) => step.source === "assumption");
  }
}

/** `the assumptions' statuses.challenged.0 and the history of xiaomi/dod-1237`. */
function loopSources(loop: readonly LoopStep[]): string {
  const unique = (list: (string | undefined)[]) =>
    [...new Set(list)].filter((item): item is string => item !== undefined);
  const fields = unique(loop.map((step) => step.field));
  const streams = unique(
    loop.map((step) => (step.source === "assumption" ? undefined : step.source)),
  );
  return [
    ...(fields.length > 0 ? [`the assumptions' ${fields.join(", ")}`] : []),
    ...(streams.length > 0 ? [`the history of ${streams.join(", ")}`] : []),
  ].join(" and ");
}

/**
 * `challenged → InjunctionGranted after 1 day → enjoined → InjunctionLifted after 0 days →
 * challenged`.
 *
 * @example
 * loopText([{ status: "challenged", event: "InjunctionGranted", days: 0, to: "enjoined", source: "assumption" }]);
 * // "challenged → InjunctionGranted after 0 days → enjoined"
 */
export function loopText(loop: readonly LoopStep[]): string {
  if (loop.length === 0) return "(no step)";
  const moves = loop.map(
    (step) => `${step.event} after ${step.days} ${step.days === 1 ? "day" : "days"} → ${step.to}`,
  );
  return [(loop[0] as LoopStep).status, ...moves].join(" → ");
}

/**
 * A Monte Carlo forecast of one stream: each run starts from its state on `at` and draws, status
 * after status, how long the stay lasts and which event ends it from the stays of the model
 * (history or assumptions), given that the stay has already lasted as long as it has. A drawn stay
 * still going on when last observed means "at least that long": the run draws again among longer
 * ones, and a status with no longer stay is kept to the end. Same seed, same result. Throws
 * `ForecastLoopError` when a run draws `MAX_STEPS_PER_RUN` stays without reaching `until`.
 *
 * @example
 * forecast(gowin, { at: "2026-11-23", until: "2027-12-31", runs: 10_000, seed: 1,
 *   model: sojournsFromHistory(timelines, "2026-11-23") }).statusAtUntil;
 */
export function forecast(timeline: Timeline, options: ForecastOptions): Forecast {
  const random = seededRandom(options.seed);
  const now = statusAt(timeline, options.at);
  const since = now.since ?? options.at;
  const machine = new MachineSteps(options.model);
  const start = machine.nodeOf(snapshotAt(timeline, options.at));
  const finals = new Map<HeadlineStatus, number>();
  const ends: number[] = [];
  const visited = new Set<HeadlineStatus>();
  const run: RunSettings = {
    stream: timeline.stream,
    until: options.until,
    horizon: daysBetween(options.at, options.until),
    // The stay under way began this many days before the start (0 or more).
    under: daysBetween(since, options.at),
  };

  for (let done = 1; done <= options.runs; done += 1) {
    const result = runOnce(start, run, machine, random, visited);
    finals.set(result.status, (finals.get(result.status) ?? 0) + 1);
    if (result.enforceabilityEnds !== undefined) ends.push(result.enforceabilityEnds);
    options.onRun?.(done);
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

interface RunSettings {
  stream: string;
  until: IsoDate;
  /** Days from `at` to `until`. */
  horizon: number;
  /** Days the stay under way at `at` had lasted by then. */
  under: number;
}

interface RunResult {
  status: HeadlineStatus;
  /** Days after `at` when the designation stopped being enforceable, if it did by `until`. */
  enforceabilityEnds?: number;
}

/**
 * One state of the machine as a run meets it, with what the run needs of it worked out once: its
 * status, whether it is enforceable, the model's stays whose event it accepts, and the states
 * its events lead to. The machine has no context, so its state value says all.
 */
interface MachineNode {
  snapshot: LifecycleSnapshot;
  status: HeadlineStatus;
  enforceable: boolean;
  stays: readonly Sojourn[];
  next: Map<LifecycleEventType, MachineNode>;
}

class MachineSteps {
  readonly #nodes = new Map<string, MachineNode>();
  readonly #model: SojournModel;

  constructor(model: SojournModel) {
    this.#model = model;
  }

  nodeOf(snapshot: LifecycleSnapshot): MachineNode {
    const key = JSON.stringify(snapshot.value);
    let node = this.#nodes.get(key);
    if (node === undefined) {
      const state = lifecycleStateOf(snapshot.value);
      const status = headlineStatus(state);
      node = {
        snapshot,
        status,
        enforceable: isEnforceable(state),
        stays: (this.#model[status] ?? []).filter(
          (stay) => stay.event === undefined || accepts(snapshot, stay.event),
        ),
        next: new Map(),
      };
      this.#nodes.set(key, node);
    }
    return node;
  }

  /** The state after `event`, which the node's stays only name when the machine accepts it. */
  after(node: MachineNode, event: LifecycleEventType): MachineNode {
    let next = node.next.get(event);
    if (next === undefined) {
      next = this.nodeOf(nextLifecycleSnapshot(node.snapshot, event) as LifecycleSnapshot);
      node.next.set(event, next);
    }
    return next;
  }
}

/** How many of a run's last moves before the cap are kept, to name the loop it went round. */
const KEPT_MOVES = 64;

function runOnce(
  start: MachineNode,
  run: RunSettings,
  machine: MachineSteps,
  random: () => number,
  visited: Set<HeadlineStatus>,
): RunResult {
  let node = start;
  // Days are counted from `at`; the stay under way began `run.under` days before it.
  let entered = -run.under;
  // Stays that can still be drawn last more than `atLeast` days (-1 on entering a status: any).
  let atLeast = run.under;
  let enforceabilityEnds: number | undefined;
  const moves: LoopStep[] = [];
  for (let step = 0; step < MAX_STEPS_PER_RUN; step += 1) {
    const status = node.status;
    visited.add(status);
    // On entering a status (atLeast -1) every stay can be drawn: the node's own list, as it is.
    // (No function is made per step: this loop runs up to a billion times.)
    const possible = step > 0 && atLeast < 0 ? node.stays : longerStays(node.stays, atLeast, step);
    const stay = pick(possible, random);
    if (stay === undefined) return { status, enforceabilityEnds };
    const day = (counted(stay, step) ? 0 : entered) + stay.days;
    if (day > run.horizon) return { status, enforceabilityEnds };
    if (stay.event === undefined) {
      atLeast = stay.days;
      continue;
    }
    const next = machine.after(node, stay.event);
    if (node.enforceable && !next.enforceable && enforceabilityEnds === undefined) {
      enforceabilityEnds = day;
    }
    if (step >= MAX_STEPS_PER_RUN - KEPT_MOVES) moves.push(loopStep(stay, status, next.status));
    node = next;
    entered = day;
    atLeast = -1;
  }
  throw new ForecastLoopError(run.stream, run.until, lastRound(moves));
}

/** An assumed stay counts, in the stay under way at the start, from the start of the forecast. */
function counted(stay: Sojourn, step: number): boolean {
  return step === 0 && stay.fromForecastStart === true;
}

/** The stays that can still be drawn: longer than `atLeast` days, or counted from the start. */
function longerStays(stays: readonly Sojourn[], atLeast: number, step: number): Sojourn[] {
  const longer: Sojourn[] = [];
  for (const stay of stays) if (counted(stay, step) || stay.days > atLeast) longer.push(stay);
  return longer;
}

function loopStep(stay: Sojourn, status: HeadlineStatus, to: HeadlineStatus): LoopStep {
  return {
    status,
    event: stay.event as LifecycleEventType,
    days: stay.days,
    to,
    source: stay.source,
    ...(stay.field === undefined ? {} : { field: stay.field }),
  };
}

/**
 * The last round of the loop a run went round: its last moves back to the first one that
 * starts where the last one ends.
 */
function lastRound(moves: readonly LoopStep[]): LoopStep[] {
  const last = moves.at(-1);
  if (last === undefined) return [];
  for (let index = moves.length - 1; index >= 0; index -= 1) {
    if ((moves[index] as LoopStep).status === last.to) return moves.slice(index);
  }
  return moves.slice(-KEPT_MOVES);
}

function pick(stays: readonly Sojourn[], random: () => number): Sojourn | undefined {
  let total = 0;
  for (const stay of stays) total += stay.weight;
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
