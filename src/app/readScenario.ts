import { readJsonFile } from "../store/readJsonFile.js";
import { type Scenario, ScenarioSchema } from "../simulate/scenario.js";

/**
 * Reads and validates a scenario file. Throws `LogError` naming the file and each bad field.
 *
 * @example
 * readScenario("scenarios/xiaomi-no-injunction.json").edits; // [{ drop: "xiaomi-dod-1237-0006" }]
 */
export function readScenario(file: string): Scenario {
  return readJsonFile(file, ScenarioSchema, "the scenario");
}
