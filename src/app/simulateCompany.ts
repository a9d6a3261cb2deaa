import type { IsoDate } from "../domain/isoDate.js";
import { simulationReport } from "../report/simulationReport.js";
import { type Scenario, ScenarioError } from "../simulate/scenario.js";
import { type Simulation, simulate } from "../simulate/simulate.js";
import { jsonlEventStore } from "../store/jsonlEventStore.js";
import { readCompanies } from "../store/readCompanies.js";
import { programsOf } from "../store/streamFiles.js";
import { RequestError } from "./requestError.js";

/**
 * An edit of a scenario names nothing it can edit: an event id that is not among the company's
 * events (or an earlier edit dropped), a program the log does not have, another company. Bad
 * usage: `edit` is its index in the scenario's edits, `field` its field (`drop`,
 * `insert.program`, ...), `value` what the field says, `reason` why it cannot hold.
 */
export class ScenarioEditError extends RequestError {
  constructor(
    readonly edit: number,
    readonly field: string,
    readonly value: string,
    readonly reason: string,
  ) {
    super(`edits.${edit}.${field}: ${reason}`);
  }
}

/**
 * Replays the scenario's company as the scenario edits its streams, beside the actual log, on
 * every program or one; nothing is written. Only the company's own stream files are read (and
 * checked in full). Throws `ScenarioEditError` for an edit that names no event of the company,
 * an unknown program or another company; `ScenarioError` for an edited history the machine
 * rejects; `LogError` for a bad stream file.
 *
 * @example
 * simulateCompany("events", readScenario("scenarios/xiaomi-no-injunction.json"), { until: "2026-11-30" });
 */
export function simulateCompany(
  dir: string,
  scenario: Scenario,
  options: { until: IsoDate; program?: string },
): Simulation {
  checkInserts(scenario, programsOf(dir));
  const store = jsonlEventStore(dir);
  const streams = store
    .streams()
    .filter((stream) => stream.company === scenario.company)
    .map((stream) => store.readStream(stream));
  try {
    return simulate({ dir, streams, editions: [] }, scenario, options);
  } catch (error) {
    if (!(error instanceof ScenarioError) || error.place === undefined) throw error;
    const { edit, field, value } = error.place;
    const names = streams.map((stream) => stream.stream).join(", ");
    const reason = ["drop", "move", "replace"].includes(field)
      ? `no event "${value}" among ${scenario.company}'s events (${names || "no stream"}), or an earlier edit dropped it`
      : error.message;
    throw new ScenarioEditError(edit, field, value, reason);
  }
}

/** Inserted events go into the scenario's company, on a program of the log. */
function checkInserts(scenario: Scenario, programs: readonly string[]): void {
  scenario.edits.forEach((edit, index) => {
    const event = "insert" in edit ? edit.insert : "replace" in edit ? edit.with : undefined;
    const key = "insert" in edit ? "insert" : "with";
    if (event?.program !== undefined && !programs.includes(event.program)) {
      throw new ScenarioEditError(
        index,
        `${key}.program`,
        event.program,
        `"${event.program}" is not a program of the log (${programs.join(", ")})`,
      );
    }
    if (event?.company !== undefined && event.company !== scenario.company) {
      throw new ScenarioEditError(
        index,
        `${key}.company`,
        event.company,
        `"${event.company}" is not the scenario's company: only ${scenario.company}'s streams are simulated`,
      );
    }
  });
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
