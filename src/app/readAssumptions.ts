import { type Assumptions, AssumptionsSchema } from "../simulate/assumptions.js";
import { readJsonFile } from "../store/readJsonFile.js";

/**
 * Reads and validates a forecast's assumptions file; throws `LogError` naming the file and field.
 *
 * @example
 * sojournsFromAssumptions(readAssumptions("assumptions.json"));
 */
export function readAssumptions(file: string): Assumptions {
  return readJsonFile(file, AssumptionsSchema, "the assumptions file");
}
