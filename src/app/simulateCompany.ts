import type { IsoDate } from "../domain/isoDate.js";
import { simulationReport } from "../report/simulationReport.js";
import type { Scenario } from "../simulate/scenario.js";
import { type Simulation, simulate } from "../simulate/simulate.js";
import { jsonlEventStore } from "../store/jsonlEventStore.js";
import { readCompanies } from "../store/readCompanies.js";

/**
 * Replays the scenario's company as the scenario edits its streams, beside the actual log, on
 * every program or one; nothing is written. Only the company's own stream files are read (and
 * checked in full). Throws `ScenarioError` for an edit the log cannot take, `LogError` for a bad
 * stream file.
 *
 * @example
 * simulateCompany("events", readScenario("scenarios/xiaomi-no-injunction.json"), { until: "2026-11-30" });
 */
export function simulateCompany(
  dir: string,
  scenario: Scenario,
  options: { until: IsoDate; program?: string },
): Simulation {
  const store = jsonlEventStore(dir);
  const streams = store
    .streams()
    .filter((stream) => stream.company === scenario.company)
    .map((stream) => store.readStream(stream));
  return simulate({ dir, streams, editions: [] }, scenario, options);
}

/**
 * The report page of a simulation, with the companies named from the log's registry.
 *
 * @example
 * simulationReportOf("events", simulation, "2026-11-30"); // "<!doctype html>..."
 */
export function simulationReportOf(dir: string, simulation: Simulation, today: IsoDate): string {
  return simulationReport(simulation, readCompanies(dir), today);
}
