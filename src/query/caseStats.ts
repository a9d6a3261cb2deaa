import type { FactEvent } from "../domain/eventSchema.js";
import type { EventType } from "../domain/eventTypes.js";
import { daysBetween, type IsoDate, lastDayOfMonth } from "../domain/isoDate.js";
import type { Timeline } from "../domain/timeline.js";
import { oneStreamPerLawsuit } from "./oneStreamPerLawsuit.js";

/** A stage of a case: from the first event of one kind to the first later event of another. */
export interface StageDefinition {
  id: string;
  label: string;
  from: readonly EventType[];
  to: readonly EventType[];
}

export const STAGES: readonly StageDefinition[] = [
  {
    id: "listed-challenged",
    label: "listed → challenged",
    from: ["Listed"],
    to: ["ChallengeFiled"],
  },
  {
    id: "challenged-injunction-decision",
    label: "challenged → injunction decision",
    from: ["ChallengeFiled"],
    to: ["InjunctionGranted", "InjunctionDenied"],
  },
  {
    id: "injunction-settlement-or-judgment",
    label: "injunction → settlement or judgment",
    from: ["InjunctionGranted"],
    to: ["SettlementReached", "DesignationVacated", "JudgmentForGovernment"],
  },
  {
    id: "challenged-closed",
    label: "challenged → case closed",
    from: ["ChallengeFiled"],
    to: ["DesignationVacated", "JudgmentForGovernment", "ChallengeDismissed"],
  },
  {
    id: "listed-removed",
    label: "listed → removed",
    from: ["Listed"],
    to: ["Delisted", "DesignationVacated"],
  },
];

/** One case's duration of one stage. */
export interface StageSample {
  stream: string;
  from: IsoDate;
  to: IsoDate;
  /** Days between the two dates as written (a month-precision date is written as its 1st). */
  days: number;
  /** True when either date is known only to the month: then only `range` is certain. */
  approximate: boolean;
  /** The fewest and most days the stage can have lasted. */
  range: [number, number];
}

export interface StageStats {
  stage: string;
  label: string;
  /** Every case that went through the stage, exact or approximate. */
  cases: number;
  /** Cases whose two dates are known to the day: the only ones in min, median and max. */
  exact: number;
  approximate: number;
  min: number | null;
  median: number | null;
  max: number | null;
  samples: StageSample[];
}

export const OUTCOMES = [
  "vacated",
  "delisted",
  "judgment-for-government",
  "dismissed",
  "pending",
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface CaseStats {
  stages: StageStats[];
  /** Cases (streams with a challenge) by how they ended. */
  outcomes: Record<Outcome, number>;
  cases: { stream: string; outcome: Outcome }[];
}

/**
 * Durations of the stages of every case, and how the challenges ended. Month-precision dates are
 * counted and flagged, with the range of days they allow, but kept out of min, median and max.
 * A lawsuit recorded on several streams of one company counts once; "listed → removed" counts
 * every stream.
 *
 * @example
 * caseStats(timelines).stages[0]; // { label: "listed → challenged", cases: 4, min: 15, ... }
 */
export function caseStats(timelines: readonly Timeline[]): CaseStats {
  const lawsuits = oneStreamPerLawsuit(timelines);
  const stages = STAGES.map((stage) =>
    stageStats(stage, stage.id === "listed-removed" ? timelines : lawsuits),
  );
  const cases = lawsuits
    .filter((timeline) => timeline.steps.some((step) => step.event.type === "ChallengeFiled"))
    .map((timeline) => ({ stream: timeline.stream, outcome: outcomeOf(timeline) }));
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const { outcome } of cases) outcomes[outcome] += 1;
  return { stages, outcomes, cases };
}

function stageStats(stage: StageDefinition, timelines: readonly Timeline[]): StageStats {
  const samples = timelines.flatMap((timeline) => {
    // Steps are in (effective, seq) order: "later" is further down the list.
    const events = timeline.steps.map((step) => step.event);
    const startIndex = events.findIndex((event) => stage.from.includes(event.type));
    const start = events[startIndex];
    const end = events.slice(startIndex + 1).find((event) => stage.to.includes(event.type));
    return start && end ? [sampleOf(timeline.stream, start, end)] : [];
  });
  const exactDays = samples
    .filter((s) => !s.approximate)
    .map((s) => s.days)
    .sort((a, b) => a - b);
  return {
    stage: stage.id,
    label: stage.label,
    cases: samples.length,
    exact: exactDays.length,
    approximate: samples.length - exactDays.length,
    min: exactDays[0] ?? null,
    median: median(exactDays),
    max: exactDays.at(-1) ?? null,
    samples,
  };
}

function sampleOf(stream: string, start: FactEvent, end: FactEvent): StageSample {
  const latest = (event: FactEvent) =>
    event.precision === "month" ? lastDayOfMonth(event.effective) : event.effective;
  const approximate = start.precision === "month" || end.precision === "month";
  return {
    stream,
    from: start.effective,
    to: end.effective,
    days: daysBetween(start.effective, end.effective),
    approximate,
    range: [
      Math.max(0, daysBetween(latest(start), end.effective)),
      daysBetween(start.effective, latest(end)),
    ],
  };
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

function outcomeOf(timeline: Timeline): Outcome {
  const last = timeline.steps.at(-1)?.after.state;
  if (last === undefined) return "pending";
  if (last.listing === "removed.vacated" || last.litigation === "closed.won") return "vacated";
  if (last.listing === "removed.delisted") return "delisted";
  if (last.litigation === "closed.lost") return "judgment-for-government";
  if (last.litigation === "closed.dismissed") return "dismissed";
  return "pending";
}
