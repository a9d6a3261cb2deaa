import type { LogView } from "../domain/logView.js";
import type { EffectPeriod } from "../domain/programRules/effect.js";
import { rulesOfProgram } from "../domain/programRules/programRules.js";
import type { Interval, Timeline } from "../domain/timeline.js";
import type { StatusChange } from "../query/changesBetween.js";
import type { StreamStatus } from "../query/streamStatus.js";
import { effectJson, effectSummaryJson } from "./effectText.js";

/**
 * The JSON forms of the answers, as the CLI's `--json` prints them and the HTTP server sends
 * them: one shape for both.
 */

/**
 * The JSON form of a stream's status, as `status --json` and `list --json` print it; with
 * `effects` (status), a summary of the legal effects due on the date, in force or suspended.
 *
 * @example
 * statusJson(statusAt(timeline, "2021-04-01"), effectsAt(effectsOf(timeline), "2021-04-01"));
 */
export function statusJson(status: StreamStatus, effects?: readonly EffectPeriod[]) {
  return {
    program: status.program,
    status: status.status,
    enforceable: status.enforceable,
    since: status.since,
    event: status.event && {
      id: status.event.id,
      type: status.event.type,
      effective: status.event.effective,
    },
    ...(status.uncertain ? { uncertain: true } : {}),
    ...(effects === undefined ? {} : { effects: effects.map(effectSummaryJson) }),
  };
}

/**
 * A stream's intervals, as `timeline --json` prints them.
 *
 * @example
 * timelineJson(timeline).intervals[0]?.status; // "listed"
 */
export function timelineJson(timeline: Timeline) {
  return {
    program: timeline.program,
    intervals: timeline.intervals.map((interval: Interval) => ({
      from: interval.from,
      to: interval.to,
      status: interval.status,
      enforceable: interval.enforceable,
      event: interval.event,
      ...(interval.uncertain ? { uncertain: true } : {}),
    })),
  };
}

/**
 * A stream's legal effects (those due on a date, or all of them), as `effects --json` prints them.
 *
 * @example
 * effectsStreamJson(timeline, effectsAt(effectsOf(timeline), "2021-04-01"));
 */
export function effectsStreamJson(timeline: Timeline, effects: readonly EffectPeriod[]) {
  return {
    program: timeline.program,
    hasRules: rulesOfProgram(timeline.program) !== undefined,
    effects: effects.map(effectJson),
  };
}

/**
 * One change of status, as `changes --json` prints it.
 *
 * @example
 * changesBetween(timelines, "2024-12-31", "2025-01-31").map(changeJson);
 */
export function changeJson(change: StatusChange) {
  const { event } = change;
  return {
    date: change.date,
    company: change.company,
    program: change.program,
    kind: change.kind,
    from: change.from,
    to: change.to,
    enforceable: change.enforceable,
    ...(change.uncertain ? { uncertain: true } : {}),
    event: {
      id: event.id,
      type: event.type,
      effective: event.effective,
      ...("data" in event ? { description: event.data.description } : {}),
    },
  };
}

/**
 * A list a search hit is on and its status there, as `search --json` prints it.
 *
 * @example
 * searchListJson(statusAt(timeline, "2026-11-30")); // { program, status, enforceable, since }
 */
export function searchListJson(status: StreamStatus) {
  const { program, enforceable, since } = status;
  return {
    program,
    status: status.status,
    enforceable,
    since,
    ...(status.uncertain ? { uncertain: true as const } : {}),
  };
}

/**
 * `, as known on 2021-03-01` and `, as recorded at ...`: what headings and the report's subtitle
 * say of the view of the log an answer comes from.
 *
 * @example
 * viewText({ knownAt: "2021-03-01" }); // ", as known on 2021-03-01"
 */
export function viewText(view: LogView): string {
  const known = view.knownAt === undefined ? "" : `, as known on ${view.knownAt}`;
  const recorded = view.recordedAt === undefined ? "" : `, as recorded at ${view.recordedAt}`;
  return known + recorded;
}
