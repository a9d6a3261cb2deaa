import type { EventRef } from "../timeline.js";
import type { IsoDate } from "../isoDate.js";

/** What a designation does in law, in the order answers list them. */
export const EFFECT_KINDS = [
  "purchase-ban",
  "divestment-window",
  "holding-ban",
  "dod-contracting-ban",
  "dod-procurement-ban",
] as const;

export type EffectKind = (typeof EFFECT_KINDS)[number];

/** Where a rule comes from: the instrument, its section, and the instrument's date. */
export interface Citation {
  instrument: string;
  section: string;
  date: IsoDate;
}

/**
 * One rule of a legal instrument. `startTime` is the time of day on an effect's first day at
 * which the instrument makes it begin, `endTime` the time of day on its end date (`to`) at which
 * it ends, where the instrument gives one; dates stay calendar dates.
 */
export interface EffectRule {
  id: string;
  kind: EffectKind;
  summary: string;
  citation: Citation;
  startTime?: string;
  endTime?: string;
}

/** What a rule makes due for one listing, `[from, to)`, before suspensions and cuts. */
export interface DueEffect {
  kind: EffectKind;
  from: IsoDate;
  to: IsoDate | null;
  rule: EffectRule;
}

/** Why an effect ended before its rule would have ended it. */
export type EffectEnd =
  /** The company was removed (delisted, vacated) or relisted, which restarts the clocks. */
  | { event: EventRef }
  /** Another instrument ended the whole regime. */
  | { citation: Citation };

/**
 * A stretch `[from, to)` (`to: null` while it lasts) over which an effect is due, either in force
 * or suspended (by an injunction: `suspendedBy` is the event that brought it).
 */
export interface EffectPeriod {
  kind: EffectKind;
  from: IsoDate;
  to: IsoDate | null;
  /** False while suspended. */
  inForce: boolean;
  /** Set when `inForce` is false. */
  suspendedBy?: EventRef;
  rule: EffectRule;
  /** The stretch the rule alone makes due for the listing, before any suspension or cut. */
  due: { from: IsoDate; to: IsoDate | null };
  /** The Listed or Relisted event whose listing made it due. */
  listedBy?: EventRef;
  /** Set on the last period of a due stretch cut short by an event or another instrument. */
  endedBy?: EffectEnd;
}

/** What one legal instrument does to the companies of a program. */
export interface ProgramRules {
  /** Every rule of the instrument, for listing and citing them. */
  rules: readonly EffectRule[];
  /** The effects a listing on `listed` makes due (a relisting is a new listing). */
  dueEffects(listed: IsoDate): DueEffect[];
  /** The day another instrument ended the whole regime for the program (exclusive), if one did. */
  regimeEnd?: { date: IsoDate; citation: Citation };
}

/**
 * A due effect of `rule` over `[from, to)`.
 *
 * @example
 * dueEffect(rule, "2021-03-15", "2022-01-14"); // { kind: rule.kind, from: "2021-03-15", ... }
 */
export function dueEffect(rule: EffectRule, from: IsoDate, to: IsoDate | null): DueEffect {
  return { kind: rule.kind, from, to, rule };
}
