import {
  isInformational,
  LIFECYCLE_EVENT_TYPES,
  type LifecycleEventType,
} from "../domain/eventTypes.js";
import { type LifecycleState, lifecycleStateOf } from "../domain/lifecycleState.js";
import {
  accepts,
  initialLifecycleSnapshot,
  type LifecycleSnapshot,
  nextLifecycleSnapshot,
} from "../domain/lifecycleStep.js";

const MOVES = LIFECYCLE_EVENT_TYPES.filter((type) => !isInformational(type));

/**
 * How to mend a history in which `type` met `state`, read off the machine: what the event needs,
 * and the shortest run of events that would lead there.
 *
 * @example
 * invalidHistoryHint("InjunctionGranted", { listing: "listed", litigation: "none" });
 * // "InjunctionGranted needs litigation pending: drop it too, or insert ChallengeFiled before it"
 */
export function invalidHistoryHint(type: LifecycleEventType, state: LifecycleState): string {
  const needs = requirement(type);
  const path = shortestPathToAccept(snapshotOf(state), type);
  const insert =
    path === undefined || path.length === 0 ? "" : `, or insert ${path.join(" then ")} before it`;
  return `${type} needs ${needs}: drop it too${insert}`;
}

let reachableStates: Map<string, LifecycleSnapshot> | undefined;

/** Every state the machine can reach, breadth first, with a snapshot of each (computed once). */
function reachable(): Map<string, LifecycleSnapshot> {
  reachableStates ??= explore();
  return reachableStates;
}

function explore(): Map<string, LifecycleSnapshot> {
  const start = initialLifecycleSnapshot();
  const seen = new Map([[keyOf(start), start]]);
  const queue = [start];
  for (let snapshot = queue.shift(); snapshot !== undefined; snapshot = queue.shift()) {
    for (const type of MOVES) {
      const next = nextLifecycleSnapshot(snapshot, type);
      if (next !== undefined && !seen.has(keyOf(next))) {
        seen.set(keyOf(next), next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/**
 * "litigation pending", "listing listed and litigation none or closed": the region values in
 * which the machine accepts `type`, naming only the regions its acceptance depends on.
 */
function requirement(type: LifecycleEventType): string {
  const states = [...reachable().values()].map((snapshot) => ({
    state: lifecycleStateOf(snapshot.value),
    ok: accepts(snapshot, type),
  }));
  const regions = ["listing", "litigation"] as const;
  const parts = regions.flatMap((region) => {
    const other = region === "listing" ? "litigation" : "listing";
    // The region matters when two states that differ only in it disagree.
    const matters = states.some((a) =>
      states.some(
        (b) =>
          a.state[other] === b.state[other] && a.state[region] !== b.state[region] && a.ok !== b.ok,
      ),
    );
    if (!matters) return [];
    const all = [...new Set(states.map((s) => s.state[region]))];
    const ok = [...new Set(states.filter((s) => s.ok).map((s) => s.state[region]))];
    return [`${region} ${collapse(ok, all).join(" or ")}`];
  });
  return parts.length === 0 ? "nothing more" : parts.join(" and ");
}

/** `closed.won, closed.lost, closed.dismissed` → `closed` when every such value is there. */
function collapse(values: readonly string[], all: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    const parent = value.split(".")[0] as string;
    const family = all.filter((v) => v.startsWith(`${parent}.`));
    const whole = family.length > 1 && family.every((v) => values.includes(v));
    const name = whole ? parent : value;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

function shortestPathToAccept(
  start: LifecycleSnapshot,
  type: LifecycleEventType,
): LifecycleEventType[] | undefined {
  const seen = new Set([keyOf(start)]);
  const queue: { snapshot: LifecycleSnapshot; path: LifecycleEventType[] }[] = [
    { snapshot: start, path: [] },
  ];
  for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
    if (accepts(item.snapshot, type)) return item.path;
    for (const move of MOVES) {
      const next = nextLifecycleSnapshot(item.snapshot, move);
      if (next !== undefined && !seen.has(keyOf(next))) {
        seen.add(keyOf(next));
        queue.push({ snapshot: next, path: [...item.path, move] });
      }
    }
  }
  return undefined;
}

function snapshotOf(state: LifecycleState): LifecycleSnapshot {
  const found = reachable().get(JSON.stringify(state));
  if (found === undefined) throw new Error(`not a reachable state: ${JSON.stringify(state)}`);
  return found;
}

function keyOf(snapshot: LifecycleSnapshot): string {
  return JSON.stringify(lifecycleStateOf(snapshot.value));
}
