import { z } from "zod";
import { IsoDateSchema, SlugSchema } from "../domain/eventSchema.js";
import { LIFECYCLE_EVENT_TYPES } from "../domain/eventTypes.js";

/** A hypothetical event: only what the lifecycle needs, plus words for the reader. */
export const HypotheticalEventSchema = z.strictObject({
  type: z.enum(LIFECYCLE_EVENT_TYPES),
  effective: IsoDateSchema,
  precision: z.enum(["day", "month"]).optional(),
  /** The program of the stream it goes into; default: the company's only program. */
  program: SlugSchema.optional(),
  /** The company it concerns; default: the scenario's company. */
  company: SlugSchema.optional(),
  description: z.string().optional(),
});

/** One edit of a scenario: drop, move, replace or insert an event. */
export const ScenarioEditSchema = z.union([
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
  edits: z.array(ScenarioEditSchema),
});

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioEdit = z.infer<typeof ScenarioEditSchema>;
export type HypotheticalEvent = z.infer<typeof HypotheticalEventSchema>;

/** Where in a scenario an edit went wrong: the edit's index, its field and the value there. */
export interface ScenarioEditPlace {
  /** The index of the edit in the scenario's `edits`. */
  edit: number;
  /** The field of the edit, e.g. `drop`, `insert.program`, `with.program`. */
  field: string;
  value: string;
}

/**
 * A scenario that cannot be applied: an edit that names no event or stream (with `place`, the
 * edit at fault), or an edited history the machine rejects.
 */
export class ScenarioError extends Error {
  override readonly name = "ScenarioError";

  constructor(
    message: string,
    readonly place?: ScenarioEditPlace,
  ) {
    super(message);
  }
}
