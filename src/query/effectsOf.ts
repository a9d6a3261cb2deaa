import type { IsoDate } from "../domain/isoDate.js";
import {
  type DueEffect,
  EFFECT_KINDS,
  type EffectEnd,
  type EffectPeriod,
  type ProgramRules,
} from "../domain/programRules/effect.js";
import { rulesOfProgram } from "../domain/programRules/programRules.js";
import type { EventRef, Interval, Timeline } from "../domain/timeline.js";
import { type ListingTerm, listingTerms } from "./listingTerms.js";

/**
 * The legal effects of a stream's listings over time, by its program's rules (see
 * src/domain/programRules): each listing (a relisting restarts the clocks) makes effects due;
 * each due stretch is cut short by the company's removal or relisting and by the end of the
 * regime, and split into periods in force and periods suspended. An injunction in force (the
 * designation listed but not enforceable: enjoined, or settled while enjoined) suspends every
 * effect of every rule; `suspendedBy` is the event that began the suspension (the first of the
 * run of such intervals, so a settlement that keeps the injunction does not replace it).
 * Sorted by `from`, then kind. A program without rules has no effects.
 *
 * @example
 * effectsOf(xiaomi).find((e) => e.kind === "purchase-ban");
 * // { kind: "purchase-ban", from: "2021-03-15", to: "2021-05-25", inForce: false,
 * //   suspendedBy: { id: "xiaomi-dod-1237-0006", type: "InjunctionGranted", ... }, ... }
 */
export function effectsOf(timeline: Timeline): EffectPeriod[] {
  const rules = rulesOfProgram(timeline.program);
  if (rules === undefined) return [];
  return listingTerms(timeline)
    .flatMap((term) =>
      rules
        .dueEffects(term.listing.effective)
        .flatMap((due) => periodsOf(due, term, rules, timeline.intervals)),
    )
    .sort(byFromThenKind);
}

/**
 * The effects of a stream due on `date` (the whole day counts), in force or suspended.
 *
 * @example
 * effectsAt(effectsOf(xiaomi), "2021-04-01").map((e) => [e.kind, e.inForce]);
 * // [["purchase-ban", false], ["divestment-window", false]]
 */
export function effectsAt(effects: readonly EffectPeriod[], date: IsoDate): EffectPeriod[] {
  return effects.filter((effect) => isInEffectAt(effect, date));
}

/**
 * Whether an effect's period `[from, to)` holds `date`.
 *
 * @example
 * isInEffectAt({ from: "2021-01-14", to: "2021-05-25" }, "2021-04-01"); // true
 */
export function isInEffectAt(
  effect: { from: IsoDate; to: IsoDate | null },
  date: IsoDate,
): boolean {
  return effect.from <= date && (effect.to === null || date < effect.to);
}

function periodsOf(
  due: DueEffect,
  term: ListingTerm,
  rules: ProgramRules,
  intervals: readonly Interval[],
): EffectPeriod[] {
  const from = later(due.from, term.from);
  const { to, endedBy } = cut(due, term, rules);
  if (to !== null && from >= to) return [];
  const periods: EffectPeriod[] = [];
  intervals.forEach((interval, index) => {
    const start = later(from, interval.from);
    const end = earlier(to, interval.to);
    if (end !== null && start >= end) return;
    const suspendedBy = interval.enforceable ? undefined : suspensionStart(intervals, index);
    const last = periods.at(-1);
    if (last !== undefined && last.to === start && last.suspendedBy?.id === suspendedBy?.id) {
      last.to = end;
      return;
    }
    periods.push({
      kind: due.kind,
      from: start,
      to: end,
      inForce: suspendedBy === undefined,
      ...(suspendedBy === undefined ? {} : { suspendedBy }),
      rule: due.rule,
      due: { from: due.from, to: due.to },
      listedBy: term.listing,
    });
  });
  const last = periods.at(-1);
  if (last !== undefined && endedBy !== undefined) last.endedBy = endedBy;
  return periods;
}

/** Where a due stretch really ends: at its own end, the term's, or the regime's, the earliest. */
function cut(
  due: DueEffect,
  term: ListingTerm,
  rules: ProgramRules,
): { to: IsoDate | null; endedBy?: EffectEnd } {
  let to = due.to;
  let endedBy: EffectEnd | undefined;
  if (term.to !== null && (to === null || term.to < to) && term.endedBy !== undefined) {
    to = term.to;
    endedBy = { event: term.endedBy };
  }
  const regime = rules.regimeEnd;
  if (regime !== undefined && (to === null || regime.date < to)) {
    to = regime.date;
    endedBy = { citation: regime.citation };
  }
  return endedBy === undefined ? { to } : { to, endedBy };
}

/**
 * The event that began the run of suspended intervals `index` is in. Within a listing term
 * every interval is listed, so one not enforceable has an injunction in force.
 */
function suspensionStart(intervals: readonly Interval[], index: number): EventRef {
  let first = index;
  while (first > 0 && intervals[first - 1]?.enforceable === false && isListed(intervals[first - 1]))
    first -= 1;
  return (intervals[first] as Interval).event;
}

function isListed(interval: Interval | undefined): boolean {
  return interval !== undefined && !["unlisted", "delisted", "vacated"].includes(interval.status);
}

function later(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

function earlier(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

function byFromThenKind(a: EffectPeriod, b: EffectPeriod): number {
  if (a.from !== b.from) return a.from < b.from ? -1 : 1;
  return EFFECT_KINDS.indexOf(a.kind) - EFFECT_KINDS.indexOf(b.kind);
}
