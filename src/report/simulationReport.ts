import type { Company } from "../domain/companySchema.js";
import type { IsoDate } from "../domain/isoDate.js";
import { reportHtml } from "./reportHtml.js";
import { reportRange } from "./reportModel.js";
import type { Simulation } from "../simulate/simulate.js";
import { effectBands } from "./effectBands.js";
import { reportLanes } from "./reportLanes.js";

/**
 * The report page of a simulation: for each stream, the actual lane and under it the simulated
 * one, so that the two worlds can be read against each other.
 *
 * @example
 * simulationReport(simulate(log, scenario, { until }), companies, "2026-11-23");
 */
export function simulationReport(
  simulation: Simulation,
  companies: readonly Company[],
  today: IsoDate,
): string {
  const lanes = simulation.streams.flatMap((stream) => [
    ...reportLanes([stream.actual], companies, "actual", effectBands),
    ...reportLanes([stream.alternate], companies, "simulated", effectBands),
  ]);
  const range = reportRange(lanes, [today], {}, true);
  const firstDifference = simulation.streams
    .flatMap((stream) => stream.comparison.differences.map((d) => d.from))
    .filter((date): date is IsoDate => date !== null)
    .sort()[0];
  const { scenario } = simulation;
  return reportHtml({
    title: `Simulated: ${scenario.name}`,
    subtitle: `${scenario.description ?? `${scenario.edits.length} edits`} Each stream is drawn as it happened and, under it, as the scenario has it.`,
    generated: today,
    cursor: firstDifference ?? (today < range.to ? today : range.to),
    range,
    lanes,
    companies,
  });
}
