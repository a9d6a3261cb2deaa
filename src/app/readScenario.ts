import { type Scenario, ScenarioSchema } from "../simulate/scenario.js";
import { readRequestFile } from "./requestFile.js";

/**
 * Reads and validates a scenario file. Throws `RequestFileError` naming the file, each bad field
 * and its value; `LogError` when the file cannot be read. Whether its ids name events of the log
 * is checked when it is simulated (`simulateCompany`).
 *
 * @example
 * readScenario("scenarios/xiaomi-no-injunction.json").edits; // [{ drop: "xiaomi-dod-1237-0006" }]
 */
export function readScenario(file: string): Scenario {
  return readRequestFile(file, ScenarioSchema, "the scenario");
}
