import type { Company } from "../domain/companySchema.js";
import type { Timeline } from "../domain/timeline.js";
import type { EffectBand, ReportLane } from "./reportModel.js";

/**
 * A report lane for each timeline, named from the registry, with the effects of its program's
 * rules as bands.
 *
 * @example
 * reportLanes(timelines, companies, "actual", effectBands);
 */
export function reportLanes(
  timelines: readonly Timeline[],
  companies: readonly Company[],
  world: ReportLane["world"],
  effects: (timeline: Timeline) => EffectBand[],
): ReportLane[] {
  return timelines.map((timeline) => ({
    stream: timeline.stream,
    company: timeline.company,
    companyName: companies.find((c) => c.id === timeline.company)?.name ?? timeline.company,
    program: timeline.program,
    world,
    timeline,
    effects: effects(timeline),
  }));
}
