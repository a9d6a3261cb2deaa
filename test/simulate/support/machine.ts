/**
 * Helpers over the lifecycle machine for the simulate tests: every reachable state, and a
 * breadth-first search that knows nothing of the code under test.
 */
import { LIFECYCLE_EVENT_TYPES, type LifecycleEventType } from "../../../src/domain/eventTypes.js";
import { type LifecycleState, lifecycleStateOf } from "../../../src/domain/lifecycleState.js";
import {
  initialLifecycleSnapshot,
  type LifecycleSnapshot,
  nextLifecycleSnapshot,
} from "../../../src/domain/lifecycleStep.js";

/** The event types that can move the machine (`Noted` and `EditionPublished` never do). */
export const MOVES: readonly LifecycleEventType[] = LIFECYCLE_EVENT_TYPES.filter(
  (type) => type !== "Noted" && type !== "EditionPublished",
);

export function keyOf(snapshot: LifecycleSnapshot): string {
  return JSON.stringify(stateOf(snapshot));
}

export function stateOf(snapshot: LifecycleSnapshot): LifecycleState {
  return lifecycleStateOf(snapshot.value);
}

/** The snapshot after `types`, one by one from `from`; throws when the machine refuses one. */
export function walk(
  types: readonly LifecycleEventType[],
  from: LifecycleSnapshot = initialLifecycleSnapshot(),
): LifecycleSnapshot {
  return types.reduce((snapshot, type) => {
    const next = nextLifecycleSnapshot(snapshot, type);
    if (next === undefined) {
      throw new Error(`${type} is not accepted in ${keyOf(snapshot)} (after ${types.join(", ")})`);
    }
    return next;
  }, from);
}

/** Every state reachable from `from`, by key, with the fewest events that reach it. */
export function distances(
  from: LifecycleSnapshot = initialLifecycleSnapshot(),
): Map<string, { snapshot: LifecycleSnapshot; distance: number }> {
  const seen = new Map([[keyOf(from), { snapshot: from, distance: 0 }]]);
  const queue = [from];
  for (let snapshot = queue.shift(); snapshot !== undefined; snapshot = queue.shift()) {
    const distance = (seen.get(keyOf(snapshot))?.distance ?? 0) + 1;
    for (const type of MOVES) {
      const next = nextLifecycleSnapshot(snapshot, type);
      if (next !== undefined && !seen.has(keyOf(next))) {
        seen.set(keyOf(next), { snapshot: next, distance });
        queue.push(next);
      }
    }
  }
  return seen;
}

/** A snapshot of every state the machine can reach from its start. */
export function reachableSnapshots(): LifecycleSnapshot[] {
  return [...distances().values()].map(({ snapshot }) => snapshot);
}
