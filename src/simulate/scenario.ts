import { z } from "zod";
import { IsoDateSchema, SlugSchema } from "../domain/eventSchema.js";
import { LIFECYCLE_EVENT_TYPES } from "../domain/eventTypes.js";

/** A hypothetical event: only what the lifecycle needs, plus words for the reader. */
const HypotheticalEventSchema = z.strictObject({
  type: z.enum(LIFECYCLE_EVENT_TYPES),
  effective: IsoDateSchema,
  precision: z.enum(["day", "month"]).optional(),
  /** The program of the stream it goes into; default: the company's only program. */
  program: SlugSchema.optional(),
  /** The company it concerns; default: the scenario's company. */
  company: SlugSchema.optional(),
  description: z.string().optional(),
});

const EditSchema = z.union([
  z.strictObject({ drop: z.string().min(1) }),
  z.strictObject({ move: z.string().min(1), to: IsoDateSchema }),
  z.strictObject({ replace: z.string().min(1), with: HypotheticalEventSchema }),
  z.strictObject({ insert: HypotheticalEventSchema }),
]);

/**
 * A named "what if": edits to the actual log of one company (or several). Event ids name what to
 * drop, move or replace; inserted events are hypothetical and exist only in the simulation.
 */
export const ScenarioSchema = z.strictObject({
  name: z.string().trim().min(1),
  description: z.string().optional(),
  /** The company the scenario is about (the default for inserted events). */
  company: SlugSchema,
  edits: z.array(EditSchema),
});

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioEdit = z.infer<typeof EditSchema>;
export type HypotheticalEvent = z.infer<typeof HypotheticalEventSchema>;

/** A scenario that cannot be applied: an unknown id, an invalid file, an invalid history. */
export class ScenarioError extends Error {
  override readonly name = "ScenarioError";
}
