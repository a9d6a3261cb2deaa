import { isInformational } from "../domain/eventTypes.js";
import type { FactEvent } from "../domain/eventSchema.js";
import { InvalidHistoryError } from "../domain/invalidHistoryError.js";
import { nextState, type TransitionTable, transitionTable } from "../domain/transitionTable.js";
import {
  type EventRef,
  eventRef,
  type Interval,
  type Step,
  type StepState,
  type Timeline,
} from "../domain/timeline.js";

/**
 * Folds a stream's facts through the lifecycle machine, in (effective, seq) order, into its
 * timeline. Same-day events apply in seq order and only the day's last state opens an interval.
 * Throws `InvalidHistoryError` at the first event the machine does not accept. The machine is
 * consulted through its transition table, derived from it once (see transitionTable.ts). With
 * `keepSteps: false` the timeline's `steps` stay empty: enough for status lookups, and light.
 *
 * @example
 * const timeline = foldStream("xiaomi/dod-1237", events);
 * timeline.intervals[0]; // { from: "2021-01-14", to: "2021-01-29", status: "listed", enforceable: true, ... }
 */
export function foldStream(
  stream: string,
  events: readonly FactEvent[],
  options: { keepSteps?: boolean } = {},
): Timeline {
  const keepSteps = options.keepSteps ?? true;
  const [company = "", program = ""] = stream.split("/");
  const ordered = [...events].sort(byEffectiveThenSeq);
  const intervals: Interval[] = [];
  const steps: Step[] = [];
  const listings: EventRef[] = [];
  const table = transitionTable();
  const stepStates = stepStatesOf(table);
  let state = table.initial;
  let before = stepStates[state] as StepState;
  for (const event of ordered) {
    const next = nextState(table, state, event.type);
    if (next < 0) {
      throw new InvalidHistoryError(stream, event.id, event.type, event.effective, before.state);
    }
    state = next;
    const after = stepStates[state] as StepState;
    if (keepSteps) steps.push({ event, before, after });
    if (event.type === "Listed" || event.type === "Relisted") listings.push(eventRef(event));
    openInterval(intervals, after, event);
    before = after;
  }
  return {
    stream,
    company,
    program,
    intervals,
    steps,
    uncertainMonths: uncertainMonths(ordered),
    ...(listings.length > 0 ? { listings } : {}),
  };
}

const UNLISTED = { status: "unlisted", enforceable: false } as const;

function openInterval(intervals: Interval[], after: StepState, event: FactEvent): void {
  const same = (interval: Pick<Interval, "status" | "enforceable"> = UNLISTED) =>
    interval.status === after.status && interval.enforceable === after.enforceable;
  if (same(intervals.at(-1))) return;
  if (intervals.at(-1)?.from === event.effective) {
    // The state an earlier event of the same day opened lasted no whole day.
    intervals.pop();
    const previous = intervals.at(-1);
    if (same(previous)) {
      if (previous !== undefined) previous.to = null;
      return;
    }
  }
  const previous = intervals.at(-1);
  if (previous !== undefined) previous.to = event.effective;
  intervals.push({
    from: event.effective,
    to: null,
    status: after.status,
    enforceable: after.enforceable,
    event: eventRef(event),
    uncertain: event.precision === "month",
  });
}

function uncertainMonths(events: readonly FactEvent[]): string[] {
  const months = events
    .filter((event) => event.precision === "month" && !isInformational(event.type))
    .map((event) => event.effective.slice(0, 7));
  return [...new Set(months)].sort();
}

const stepStatesByTable = new WeakMap<TransitionTable, readonly StepState[]>();

/** One shared, unchanging StepState per state of the table. */
function stepStatesOf(table: TransitionTable): readonly StepState[] {
  let stepStates = stepStatesByTable.get(table);
  if (stepStates === undefined) {
    stepStates = table.states.map((state, index) =>
      Object.freeze({
        state: Object.freeze(state),
        status: table.status[index] as StepState["status"],
        enforceable: table.enforceable[index] as boolean,
      }),
    );
    stepStatesByTable.set(table, stepStates);
  }
  return stepStates;
}

function byEffectiveThenSeq(a: FactEvent, b: FactEvent): number {
  if (a.effective !== b.effective) return a.effective < b.effective ? -1 : 1;
  return a.seq - b.seq;
}
