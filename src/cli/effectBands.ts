import type { Timeline } from "../replay/timeline.js";
import type { EffectBand } from "../report/reportModel.js";

/** The effects of the timeline's program rules, as report bands. */
export function effectBands(timeline: Timeline): EffectBand[] {
  void timeline;
  return [];
}
