import { transition } from "xstate";
import { LIFECYCLE_EVENT_TYPES, type LifecycleEventType } from "./eventTypes.js";
import { lifecycleMachine } from "./lifecycleMachine.js";
import {
  type HeadlineStatus,
  headlineStatus,
  isEnforceable,
  type LifecycleState,
  lifecycleStateOf,
} from "./lifecycleState.js";
import { accepts, initialLifecycleSnapshot, type LifecycleSnapshot } from "./lifecycleStep.js";

/**
 * The lifecycle machine as a table, for folding millions of events fast: every state the machine
 * can reach, numbered, and for each state and event type the number of the next state, or -1 when
 * the machine rejects the event there. Derived from the machine itself at start-up (never written
 * by hand); a test proves it agrees with XState's `transition()` on every state and event type.
 */
export interface TransitionTable {
  eventTypes: readonly LifecycleEventType[];
  states: readonly LifecycleState[];
  status: readonly HeadlineStatus[];
  enforceable: readonly boolean[];
  /** `next[state * eventTypes.length + type]`: the next state, or -1. */
  next: Int16Array;
  initial: number;
}

/**
 * Explores the machine breadth first from its initial state with every lifecycle event type.
 *
 * @example
 * const table = deriveTransitionTable();
 * table.states[table.initial]; // { listing: "unlisted", litigation: "none" }
 */
export function deriveTransitionTable(): TransitionTable {
  const types = LIFECYCLE_EVENT_TYPES;
  const snapshots: LifecycleSnapshot[] = [initialLifecycleSnapshot()];
  const keys = new Map([[keyOf(snapshots[0] as LifecycleSnapshot), 0]]);
  const edges: number[][] = [];
  for (let index = 0; index < snapshots.length; index += 1) {
    const snapshot = snapshots[index] as LifecycleSnapshot;
    edges[index] = types.map((type) => {
      if (!accepts(snapshot, type)) return -1;
      const [next] = transition(lifecycleMachine, snapshot, { type });
      const key = keyOf(next);
      let target = keys.get(key);
      if (target === undefined) {
        target = snapshots.length;
        keys.set(key, target);
        snapshots.push(next);
      }
      return target;
    });
  }
  const states = snapshots.map((snapshot) => lifecycleStateOf(snapshot.value));
  return {
    eventTypes: types,
    states,
    status: states.map(headlineStatus),
    enforceable: states.map(isEnforceable),
    next: Int16Array.from(edges.flat()),
    initial: 0,
  };
}

let table: TransitionTable | undefined;

/**
 * The table of the lifecycle machine, derived once.
 *
 * @example
 * transitionTable(); // the same object on every call
 */
export function transitionTable(): TransitionTable {
  table ??= deriveTransitionTable();
  return table;
}

const TYPE_INDEX = new Map<string, number>(
  LIFECYCLE_EVENT_TYPES.map((type, index) => [type, index]),
);

/**
 * The state after `type` in `state` (both as table numbers), or -1 when the machine rejects it.
 *
 * @example
 * const t = transitionTable();
 * t.status[nextState(t, t.initial, "Listed")]; // "listed"
 */
export function nextState(table: TransitionTable, state: number, type: string): number {
  const typeIndex = TYPE_INDEX.get(type);
  if (typeIndex === undefined) return -1;
  return table.next[state * table.eventTypes.length + typeIndex] as number;
}

function keyOf(snapshot: LifecycleSnapshot): string {
  return JSON.stringify(snapshot.value);
}
