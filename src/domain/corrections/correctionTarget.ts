import type { DesignationEvent } from "../eventSchema.js";

/**
 * What is wrong with the event a `Corrected` or `Retracted` event names, given the stream's
 * earlier events by id: `undefined` when it names an earlier fact of the stream (or is no
 * correction at all).
 *
 * @example
 * correctionTargetProblem(retraction, earlier); // { field: "data.retracts", message: "names x, ..." }
 */
export function correctionTargetProblem(
  event: DesignationEvent,
  earlier: ReadonlyMap<string, DesignationEvent>,
): { field: string; message: string } | undefined {
  if (event.type !== "Corrected" && event.type !== "Retracted") return undefined;
  const [field, target] =
    event.type === "Corrected"
      ? ["data.corrects", event.data.corrects]
      : ["data.retracts", event.data.retracts];
  const fixed = earlier.get(target);
  if (fixed === undefined) {
    return { field, message: `names ${target}, which is not an earlier event of ${event.stream}` };
  }
  if (fixed.type === "Corrected" || fixed.type === "Retracted") {
    return {
      field,
      message: `names ${target}, a ${fixed.type}: correct the original event instead`,
    };
  }
  return undefined;
}
