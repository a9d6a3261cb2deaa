import { readFileSync } from "node:fs";
import { LogError } from "../log/logError.js";
import { zodIssueField } from "../log/zodIssueField.js";
import { type Scenario, ScenarioSchema } from "./scenario.js";

/**
 * Reads and validates a scenario file. Throws `LogError` naming the file and each bad field.
 *
 * @example
 * readScenario("scenarios/xiaomi-no-injunction.json").edits; // [{ drop: "xiaomi-dod-1237-0006" }]
 */
export function readScenario(file: string): Scenario {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LogError([{ file, message: `not a readable JSON file: ${reason}` }], "the scenario");
  }
  const parsed = ScenarioSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new LogError(
    parsed.error.issues.map((issue) => ({
      file,
      field: zodIssueField(issue),
      message: issue.message,
    })),
    "the scenario",
  );
}
