import { effectsOf } from "../query/effectsOf.js";
import type { Timeline } from "../domain/timeline.js";
import type { EffectBand } from "./reportModel.js";
import { citationText, endText, eventWords, startText } from "./effectText.js";

/**
 * The effects of the timeline's program rules (see `effectsOf`) as report bands, each with a
 * note that says what it is, when, and what suspends it, and the rule it comes from.
 *
 * @example
 * const [band] = effectBands(xiaomi);
 * band.note; // "divestment-window 2021-01-14 to 2021-03-12, in force"
 * band.rule; // "EO 13959 as amended by EO 13974, sec. 1(c) (2021-01-13). Holders must ..."
 */
export function effectBands(timeline: Timeline): EffectBand[] {
  return effectsOf(timeline).map((effect) => {
    const state = effect.inForce
      ? "in force"
      : `suspended by ${effect.suspendedBy === undefined ? "an injunction" : eventWords(effect.suspendedBy)}`;
    return {
      kind: effect.kind,
      from: effect.from,
      to: effect.to,
      inForce: effect.inForce,
      note: `${effect.kind} ${startText(effect)} to ${endText(effect)}, ${state}`,
      rule: `${citationText(effect.rule.citation)}. ${effect.rule.summary}.`,
    };
  });
}
