import { getAdjacencyMap } from "xstate/graph";
import {
  isInformational,
  LIFECYCLE_EVENT_TYPES,
  type LifecycleEventType,
} from "../domain/eventTypes.js";
import { lifecycleMachine } from "../domain/lifecycleMachine.js";
import {
  type HeadlineStatus,
  headlineStatus,
  isEnforceable,
  type LifecycleState,
  lifecycleStateOf,
} from "../domain/lifecycleState.js";
import { accepts, type LifecycleSnapshot } from "../domain/lifecycleStep.js";

/** One run of events that can still happen, and where it leaves the stream. */
export interface OutcomePath {
  events: LifecycleEventType[];
  state: LifecycleState;
  status: HeadlineStatus;
  enforceable: boolean;
  /** The status, and how the case ended when it did: "listed, case lost". */
  outcome: string;
}

export interface Outcomes {
  from: { state: LifecycleState; status: HeadlineStatus };
  depth: number;
  /** Every path of 1 to `depth` events, shortest first. */
  paths: OutcomePath[];
  /** The paths grouped by the outcome they end in, with the shortest path to each. */
  byOutcome: {
    outcome: string;
    status: HeadlineStatus;
    paths: number;
    shortest: LifecycleEventType[];
  }[];
}

const MOVES = LIFECYCLE_EVENT_TYPES.filter((type) => !isInformational(type)).map((type) => ({
  type,
}));

/**
 * Every path of events that can still happen from `from`, up to `depth` events, read off the
 * machine's graph (xstate/graph's adjacency map, never a hand-written list). A path visits no
 * state twice, except that an event which leaves the state as it is (Relisted, InjunctionDenied)
 * may happen once.
 *
 * @example
 * outcomes(listedSnapshot, 3).byOutcome.map((group) => group.outcome);
 * // ["challenged", "delisted", "enjoined", "listed", "listed, case lost", "vacated", ...]
 */
export function outcomes(from: LifecycleSnapshot, depth: number): Outcomes {
  const graph = getAdjacencyMap(lifecycleMachine, { fromState: from, events: MOVES });
  const keyOf = (snapshot: LifecycleSnapshot) => JSON.stringify(lifecycleStateOf(snapshot.value));
  const nodes = new Map(Object.values(graph).map((node) => [keyOf(node.state), node]));
  const paths: OutcomePath[] = [];

  const walk = (snapshot: LifecycleSnapshot, events: LifecycleEventType[], seen: Set<string>) => {
    if (events.length === depth) return;
    const node = nodes.get(keyOf(snapshot));
    const transitions = Object.values(node?.transitions ?? {}) as {
      event: { type: string };
      state: LifecycleSnapshot;
    }[];
    for (const { event, state: next } of transitions) {
      const type = event.type as LifecycleEventType;
      if (!accepts(snapshot, type)) continue;
      const key = keyOf(next);
      const stays = key === keyOf(snapshot);
      if ((stays && events.includes(type)) || (!stays && seen.has(key))) continue;
      const state = lifecycleStateOf(next.value);
      const path = [...events, type];
      paths.push({
        events: path,
        state,
        status: headlineStatus(state),
        enforceable: isEnforceable(state),
        outcome: outcomeOf(state),
      });
      walk(next, path, new Set([...seen, key]));
    }
  };
  walk(from, [], new Set([keyOf(from)]));
  paths.sort((a, b) => a.events.length - b.events.length);

  const byOutcome = new Map<string, Outcomes["byOutcome"][number]>();
  for (const path of paths) {
    const group = byOutcome.get(path.outcome);
    if (group !== undefined) group.paths += 1;
    else
      byOutcome.set(path.outcome, {
        outcome: path.outcome,
        status: path.status,
        paths: 1,
        shortest: path.events,
      });
  }
  const state = lifecycleStateOf(from.value);
  return {
    from: { state, status: headlineStatus(state) },
    depth,
    paths,
    byOutcome: [...byOutcome.values()].sort((a, b) => (a.outcome < b.outcome ? -1 : 1)),
  };
}

const CASE_ENDS: Record<string, string> = {
  "closed.won": "case won",
  "closed.lost": "case lost",
  "closed.dismissed": "case dismissed",
};

/** "vacated", "listed, case lost", "delisted, case dismissed". */
function outcomeOf(state: LifecycleState): string {
  const status = headlineStatus(state);
  const end = CASE_ENDS[state.litigation];
  return end === undefined || status === "vacated" ? status : `${status}, ${end}`;
}
