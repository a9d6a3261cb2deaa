import { z } from "zod";
import { LIFECYCLE_EVENT_TYPES, type LifecycleEventType } from "../domain/eventTypes.js";
import {
  HEADLINE_STATUSES,
  type HeadlineStatus,
  headlineStatus,
  isEnforceable,
  lifecycleStateOf,
} from "../domain/lifecycleState.js";
import {
  initialLifecycleSnapshot,
  type LifecycleSnapshot,
  nextLifecycleSnapshot,
} from "../domain/lifecycleStep.js";
import type { Sojourn, SojournModel } from "./sojournModel.js";

const BranchSchema = z.strictObject({
  event: z.enum(LIFECYCLE_EVENT_TYPES),
  /** The share of stays in the status that this event ends. */
  share: z.number().positive(),
  /**
   * How many days the stay lasts before the event: a list of lengths, not a range; each time,
   * one of them is drawn, all equally likely (`[30, 90]`: 30 days or 90 days, never 60).
   */
  days: z.array(z.int().nonnegative()).min(1),
});

/**
 * Assumptions for `forecast`, in place of the history for the statuses they name:
 * `{"statuses": {"challenged": [{"event": "DesignationVacated", "share": 1, "days": [30, 60]}]}}`.
 * A status with an empty list lasts as long as the forecast.
 */
export const AssumptionsSchema = z.strictObject({
  statuses: z.partialRecord(z.enum(HEADLINE_STATUSES), z.array(BranchSchema)),
});

export type Assumptions = z.infer<typeof AssumptionsSchema>;

/**
 * The assumptions as stays, each branch's share spread over its days; each stay names its branch
 * (`statuses.challenged.0`).
 *
 * @example
 * sojournsFromAssumptions(readAssumptions("assumptions.json")).challenged?.length;
 */
export function sojournsFromAssumptions(assumptions: Assumptions): SojournModel {
  const model: SojournModel = {};
  for (const [status, branches] of Object.entries(assumptions.statuses)) {
    model[status as HeadlineStatus] = (branches ?? []).flatMap((branch, index) =>
      branch.days.map((days): Sojourn => ({
        days,
        event: branch.event,
        weight: branch.share / branch.days.length,
        source: "assumption",
        fromForecastStart: true,
        field: `statuses.${status}.${index}`,
      })),
    );
  }
  return model;
}

/** A branch of the assumptions that cannot hold: where it is, and why. */
export interface AssumptionProblem {
  /** The dotted path of the field, e.g. `statuses.challenged.0.event`. */
  field: string;
  message: string;
}

/**
 * What in valid assumptions cannot hold: a branch whose event can never end a stay in its status,
 * because the lifecycle machine accepts it in no state of that status (`AppealFiled` while
 * challenged) or because it changes neither the status nor whether the designation is
 * enforceable (`Noted`, `InjunctionDenied` while challenged): a stay, in the history as in the
 * assumptions, ends when one of those changes. Empty when all can hold.
 *
 * @example
 * assumptionProblems({ statuses: { challenged: [{ event: "AppealFiled", share: 1, days: [30] }] } });
 * // [{ field: "statuses.challenged.0.event", message: '"AppealFiled" can never end a stay in challenged: ...' }]
 */
export function assumptionProblems(assumptions: Assumptions): AssumptionProblem[] {
  const ending = stayEndingEvents();
  const problems: AssumptionProblem[] = [];
  for (const [key, branches] of Object.entries(assumptions.statuses)) {
    const status = key as HeadlineStatus;
    const events = ending[status];
    (branches ?? []).forEach((branch, index) => {
      if (events.includes(branch.event)) return;
      const can =
        events.length === 0
          ? `nothing ends a stay in ${status}`
          : `the events that can are ${events.join(", ")}`;
      problems.push({
        field: `statuses.${status}.${index}.event`,
        message: `"${branch.event}" can never end a stay in ${status}: ${can}`,
      });
    });
  }
  return problems;
}

let ENDING: Record<HeadlineStatus, LifecycleEventType[]> | undefined;

/**
 * For each status, the events that end a stay in it in some state of the machine with that
 * status: accepted there, and changing the status or whether the designation is enforceable.
 * Read off the machine by visiting every state it can reach.
 *
 * @example
 * stayEndingEvents().challenged; // ["Delisted", "InjunctionGranted", "SettlementReached", ...]
 */
export function stayEndingEvents(): Readonly<Record<HeadlineStatus, LifecycleEventType[]>> {
  if (ENDING !== undefined) return ENDING;
  const found = Object.fromEntries(
    HEADLINE_STATUSES.map((status) => [status, new Set<LifecycleEventType>()]),
  ) as Record<HeadlineStatus, Set<LifecycleEventType>>;
  const standing = (snapshot: LifecycleSnapshot) => {
    const state = lifecycleStateOf(snapshot.value);
    return { status: headlineStatus(state), enforceable: isEnforceable(state) };
  };
  const start = initialLifecycleSnapshot();
  const seen = new Set([JSON.stringify(start.value)]);
  const queue = [start];
  for (let index = 0; index < queue.length; index += 1) {
    const snapshot = queue[index] as LifecycleSnapshot;
    const before = standing(snapshot);
    for (const type of LIFECYCLE_EVENT_TYPES) {
      const next = nextLifecycleSnapshot(snapshot, type);
      if (next === undefined) continue;
      const after = standing(next);
      if (after.status !== before.status || after.enforceable !== before.enforceable) {
        found[before.status].add(type);
      }
      const key = JSON.stringify(next.value);
      if (!seen.has(key)) {
        seen.add(key);
        queue.push(next);
      }
    }
  }
  ENDING = Object.fromEntries(
    HEADLINE_STATUSES.map((status) => [
      status,
      LIFECYCLE_EVENT_TYPES.filter((type) => found[status].has(type)),
    ]),
  ) as Record<HeadlineStatus, LifecycleEventType[]>;
  return ENDING;
}
