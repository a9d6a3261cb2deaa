import type { IsoDate } from "../domain/isoDate.js";
import { type Citation, EFFECT_KINDS, type EffectPeriod } from "../domain/programRules/effect.js";
import type { EventRef } from "../domain/timeline.js";

/**
 * The JSON form of an effect period, as `effects --json`, `status --json` and `simulate --json`
 * print it.
 *
 * @example
 * JSON.stringify(effectsOf(timeline).map(effectJson));
 */
export function effectJson(effect: EffectPeriod) {
  return {
    kind: effect.kind,
    from: effect.from,
    to: effect.to,
    inForce: effect.inForce,
    ...(effect.suspendedBy ? { suspendedBy: effect.suspendedBy } : {}),
    ...(effect.endedBy ? { endedBy: effect.endedBy } : {}),
    due: effect.due,
    rule: effect.rule,
  };
}

/**
 * The short JSON form `status --json` gives each effect due on the date (`effects --json` has the
 * whole rule and what ended the effect).
 *
 * @example
 * effectsAt(timeline, "2021-04-01").map(effectSummaryJson);
 */
export function effectSummaryJson(effect: EffectPeriod) {
  return {
    kind: effect.kind,
    from: effect.from,
    to: effect.to,
    inForce: effect.inForce,
    ...(effect.suspendedBy ? { suspendedBy: effect.suspendedBy } : {}),
    rule: effect.rule.id,
    citation: effect.rule.citation,
  };
}

/**
 * The line `status` adds: the effects due on `at`, by kind, those in the same state together, or
 * `effects on D: none in force`. Each group is prefixed with its program when `withProgram` is
 * set (a company on several programs).
 *
 * @example
 * effectsLine("2021-04-01", [{ program: "dod-1237", effects }], false);
 * // "effects on 2021-04-01: purchase-ban, divestment-window suspended (InjunctionGranted xiaomi-dod-1237-0006)"
 */
export function effectsLine(
  at: IsoDate,
  streams: readonly { program: string; effects: readonly EffectPeriod[] }[],
  withProgram: boolean,
): string {
  const groups = streams.flatMap(({ program, effects }) => {
    const byState = new Map<string, string[]>();
    const ordered = [...effects].sort(
      (a, b) => EFFECT_KINDS.indexOf(a.kind) - EFFECT_KINDS.indexOf(b.kind),
    );
    for (const effect of ordered) {
      const state = stateWords(effect);
      byState.set(state, [...(byState.get(state) ?? []), effect.kind]);
    }
    const prefix = withProgram ? `${program}: ` : "";
    return [...byState].map(([state, kinds]) => `${prefix}${kinds.join(", ")} ${state}`);
  });
  return `effects on ${at}: ${groups.length === 0 ? "none in force" : groups.join("; ")}`;
}

function stateWords(effect: EffectPeriod): string {
  return effect.suspendedBy === undefined
    ? "in force"
    : `suspended (${eventWords(effect.suspendedBy)})`;
}

/**
 * `InjunctionGranted xiaomi-dod-1237-0006`.
 *
 * @example
 * eventWords({ id: "xiaomi-dod-1237-0006", type: "InjunctionGranted", effective: "2021-03-12" }); // "InjunctionGranted xiaomi-dod-1237-0006"
 */
export function eventWords(event: EventRef): string {
  return `${event.type} ${event.id}`;
}

/**
 * `EO 13959, sec. 1(a)(ii) (2020-11-12)`.
 *
 * @example
 * citationText({ instrument: "EO 13959", section: "sec. 1(a)(ii)", date: "2020-11-12" }); // "EO 13959, sec. 1(a)(ii) (2020-11-12)"
 */
export function citationText(citation: Citation): string {
  return `${citation.instrument}, ${citation.section} (${citation.date})`;
}

/**
 * An effect's first day, with the instrument's time of day when the rule itself starts it then.
 *
 * @example
 * startText(effect); // "2021-01-11 9:30 a.m. EST"
 */
export function startText(effect: EffectPeriod): string {
  const time = effect.from === effect.due.from ? effect.rule.startTime : undefined;
  return time === undefined ? effect.from : `${effect.from} ${time}`;
}

/**
 * An effect's end date (`...` while it lasts), with the rule's time of day when it ends it.
 *
 * @example
 * endText(effect); // "2021-05-25", or "..." while it lasts
 */
export function endText(effect: EffectPeriod): string {
  if (effect.to === null) return "...";
  const time = effect.to === effect.due.to ? effect.rule.endTime : undefined;
  return time === undefined ? effect.to : `${effect.to} ${time}`;
}

/**
 * Why an effect ended before its rule would have ended it: the event, or the instrument that
 * ended the regime, and the end its rule gave it; `-` if nothing cut it short.
 *
 * @example
 * endedByText(luokungWindow); // "Delisted luokung-dod-1237-0009 (due to 2022-03-09)"
 */
export function endedByText(effect: EffectPeriod): string {
  const ended = effect.endedBy;
  if (ended === undefined) return "-";
  const by = "event" in ended ? eventWords(ended.event) : citationText(ended.citation);
  return effect.due.to === null ? by : `${by} (due to ${effect.due.to})`;
}
