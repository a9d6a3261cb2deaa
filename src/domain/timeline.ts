import type { FactEvent } from "./eventSchema.js";
import type { EventType } from "./eventTypes.js";
import type { IsoDate } from "./isoDate.js";
import type { HeadlineStatus, LifecycleState } from "./lifecycleState.js";

/** Enough of an event to name it in an answer. */
export interface EventRef {
  id: string;
  type: EventType;
  effective: IsoDate;
}

/** A stretch `[from, to)` of days with one headline status; `to: null` while it lasts. */
export interface Interval {
  from: IsoDate;
  to: IsoDate | null;
  status: HeadlineStatus;
  enforceable: boolean;
  /** The event that opened it (the last one of its day, when several fall on one day). */
  event: EventRef;
  /** True when that event's date is known only to the month (`from` is then the month's 1st). */
  uncertain: boolean;
}

export interface StepState {
  state: LifecycleState;
  status: HeadlineStatus;
  enforceable: boolean;
}

/** One event folded through the machine, with the state before and after it. */
export interface Step {
  event: FactEvent;
  before: StepState;
  after: StepState;
}

/**
 * A stream's history: its intervals sorted by `from` (before the first one the stream is
 * unlisted) and every step of the fold in (effective, seq) order.
 */
export interface Timeline {
  stream: string;
  company: string;
  program: string;
  intervals: Interval[];
  steps: Step[];
  /**
   * Months (`YYYY-MM`) in which an event that moves the machine is dated only to the month:
   * answers for dates in them are uncertain.
   */
  uncertainMonths: string[];
  /**
   * The Listed and Relisted events the machine accepted, in fold order: each starts a listing,
   * whose date the legal clocks of a program's rules run from (a relisting restarts them, even
   * when the status does not change). Left out when there is none, and in timelines made by hand;
   * `effectsOf` then reads the listings off the intervals.
   */
  listings?: EventRef[];
}

/**
 * Enough of an event to name it in an answer.
 *
 * @example
 * eventRef(listedEvent); // { id: "xiaomi-dod-1237-0001", type: "Listed", effective: "2021-01-14" }
 */
export function eventRef(event: FactEvent): EventRef {
  return { id: event.id, type: event.type, effective: event.effective };
}

/**
 * The timeline of a company with no stream on a program: never listed there.
 *
 * @example
 * neverListed("xiaomi", "dod-1260h").intervals; // []
 */
export function neverListed(company: string, program: string): Timeline {
  return {
    stream: `${company}/${program}`,
    company,
    program,
    intervals: [],
    steps: [],
    uncertainMonths: [],
  };
}
