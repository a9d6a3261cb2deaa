import {
  type Assumptions,
  AssumptionsSchema,
  assumptionProblems,
} from "../simulate/assumptions.js";
import { readRequestFile, RequestFileError } from "./requestFile.js";

/**
 * Reads and validates a forecast's assumptions file: its JSON and fields (an unknown status or
 * event type), and that each branch's event can end a stay in its status. Throws
 * `RequestFileError` naming the file, each field and its value; `LogError` when the file cannot
 * be read.
 *
 * @example
 * sojournsFromAssumptions(readAssumptions("assumptions.json"));
 */
export function readAssumptions(file: string): Assumptions {
  const subject = "the assumptions file";
  const assumptions = readRequestFile(file, AssumptionsSchema, subject);
  const problems = assumptionProblems(assumptions);
  if (problems.length > 0) {
    throw new RequestFileError(
      problems.map((problem) => ({ file, ...problem })),
      subject,
    );
  }
  return assumptions;
}
