import { initialTransition, type SnapshotFrom, transition } from "xstate";
import type { LifecycleEventType } from "./eventTypes.js";
import { type LifecycleMachine, lifecycleMachine } from "./lifecycleMachine.js";

export type LifecycleSnapshot = SnapshotFrom<LifecycleMachine>;

/**
 * The machine's starting snapshot: unlisted, no litigation.
 *
 * @example
 * initialLifecycleSnapshot().value; // { listing: "unlisted", litigation: "none" }
 */
export function initialLifecycleSnapshot(): LifecycleSnapshot {
  return initialTransition(lifecycleMachine)[0];
}

/**
 * True when the machine has an enabled transition for `type` in `snapshot`. Unlike
 * `snapshot.can`, this also counts transitions that change nothing (such as `Noted`).
 *
 * @example
 * accepts(initialLifecycleSnapshot(), "ChallengeFiled"); // false: nothing to challenge
 */
export function accepts(snapshot: LifecycleSnapshot, type: LifecycleEventType): boolean {
  return lifecycleMachine.getTransitionData(snapshot, { type }).length > 0;
}

/**
 * The snapshot after `type`, or `undefined` when the machine does not accept it there.
 *
 * @example
 * nextLifecycleSnapshot(initialLifecycleSnapshot(), "Listed")?.value;
 * // { listing: "listed", litigation: "none" }
 */
export function nextLifecycleSnapshot(
  snapshot: LifecycleSnapshot,
  type: LifecycleEventType,
): LifecycleSnapshot | undefined {
  if (!accepts(snapshot, type)) return undefined;
  return transition(lifecycleMachine, snapshot, { type })[0];
}
