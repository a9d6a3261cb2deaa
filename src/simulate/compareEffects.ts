import type { IsoDate } from "../domain/isoDate.js";
import { EFFECT_KINDS, type EffectKind, type EffectPeriod } from "../domain/programRules/effect.js";
import { effectsOf } from "../query/effectsOf.js";
import type { EventRef, Timeline } from "../domain/timeline.js";

/** Where one effect stands in one world over a stretch of days. */
export interface EffectStanding {
  state: "in force" | "suspended" | "none";
  /** The event that suspended it, when suspended. */
  suspendedBy?: EventRef;
}

/** A stretch `[from, to)` over which an effect stands differently in the two worlds. */
export interface EffectDifference {
  kind: EffectKind;
  from: IsoDate;
  to: IsoDate | null;
  actual: EffectStanding;
  alternate: EffectStanding;
}

/** The legal effects of one stream in both worlds, and where they differ. */
export interface EffectComparison {
  actual: EffectPeriod[];
  alternate: EffectPeriod[];
  /** By kind (in the order of `EFFECT_KINDS`), then by date; adjacent equal stretches merged. */
  differences: EffectDifference[];
}

/**
 * Compares the legal effects of the actual and an alternate timeline of one stream, kind by
 * kind and day by day: a difference is a stretch where an effect is in force in one world and
 * suspended or not due in the other, or suspended by another event.
 *
 * @example
 * compareEffects(xiaomi, xiaomiWithoutInjunction).differences.find((d) => d.kind === "purchase-ban");
 * // { kind: "purchase-ban", from: "2021-03-15", to: "2021-05-25",
 * //   actual: { state: "suspended", suspendedBy: { id: "xiaomi-dod-1237-0006", ... } },
 * //   alternate: { state: "in force" } }
 */
export function compareEffects(actual: Timeline, alternate: Timeline): EffectComparison {
  const actualEffects = effectsOf(actual);
  const alternateEffects = effectsOf(alternate);
  const differences = EFFECT_KINDS.flatMap((kind) =>
    differencesOf(
      kind,
      actualEffects.filter((e) => e.kind === kind),
      alternateEffects.filter((e) => e.kind === kind),
    ),
  );
  return { actual: actualEffects, alternate: alternateEffects, differences };
}

function differencesOf(
  kind: EffectKind,
  actual: readonly EffectPeriod[],
  alternate: readonly EffectPeriod[],
): EffectDifference[] {
  const both = [...actual, ...alternate];
  const bounds = [
    ...new Set(both.flatMap((e) => (e.to === null ? [e.from] : [e.from, e.to]))),
  ].sort();
  const differences: EffectDifference[] = [];
  bounds.forEach((from, index) => {
    const to = bounds[index + 1] ?? null;
    const inActual = standingOn(actual, from);
    const inAlternate = standingOn(alternate, from);
    if (sameStanding(inActual, inAlternate)) return;
    const last = differences.at(-1);
    if (
      last !== undefined &&
      last.to === from &&
      sameStanding(last.actual, inActual) &&
      sameStanding(last.alternate, inAlternate)
    ) {
      last.to = to;
      return;
    }
    differences.push({ kind, from, to, actual: inActual, alternate: inAlternate });
  });
  return differences;
}

/** An effect's standing on `date`: in force if any period of it is, else suspended, else none. */
function standingOn(effects: readonly EffectPeriod[], date: IsoDate): EffectStanding {
  const due = effects.filter((e) => e.from <= date && (e.to === null || date < e.to));
  if (due.some((e) => e.inForce)) return { state: "in force" };
  const suspendedBy = due[0]?.suspendedBy;
  if (due.length === 0 || suspendedBy === undefined) return { state: "none" };
  return { state: "suspended", suspendedBy };
}

function sameStanding(a: EffectStanding, b: EffectStanding): boolean {
  return a.state === b.state && a.suspendedBy?.id === b.suspendedBy?.id;
}
