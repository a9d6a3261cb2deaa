import { z } from "zod";
import { LIFECYCLE_EVENT_TYPES } from "../domain/eventTypes.js";
import { HEADLINE_STATUSES, type HeadlineStatus } from "../domain/lifecycleState.js";
import type { Sojourn, SojournModel } from "./sojournModel.js";

const BranchSchema = z.strictObject({
  event: z.enum(LIFECYCLE_EVENT_TYPES),
  /** The share of stays in the status that this event ends. */
  share: z.number().positive(),
  /** Days the stay lasts before it: one drawn at random each time. */
  days: z.array(z.int().nonnegative()).min(1),
});

/**
 * Assumptions for `forecast`, in place of the history for the statuses they name:
 * `{"statuses": {"challenged": [{"event": "DesignationVacated", "share": 1, "days": [30, 60]}]}}`.
 */
export const AssumptionsSchema = z.strictObject({
  statuses: z.partialRecord(z.enum(HEADLINE_STATUSES), z.array(BranchSchema)),
});

export type Assumptions = z.infer<typeof AssumptionsSchema>;

/**
 * The assumptions as stays, each branch's share spread over its days.
 *
 * @example
 * sojournsFromAssumptions(readAssumptions("assumptions.json")).challenged?.length;
 */
export function sojournsFromAssumptions(assumptions: Assumptions): SojournModel {
  const model: SojournModel = {};
  for (const [status, branches] of Object.entries(assumptions.statuses)) {
    model[status as HeadlineStatus] = (branches ?? []).flatMap((branch) =>
      branch.days.map((days): Sojourn => ({
        days,
        event: branch.event,
        weight: branch.share / branch.days.length,
        source: "assumption",
        fromForecastStart: true,
      })),
    );
  }
  return model;
}
