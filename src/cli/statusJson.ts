import type { EffectPeriod } from "../domain/programRules/effect.js";
import type { StreamStatus } from "../query/streamStatus.js";
import type { LogView } from "../domain/logView.js";
import { effectSummaryJson } from "../report/effectText.js";

/**
 * The JSON form of a stream's status, as `status --json` and `list --json` print it; with
 * `effects` (status), a summary of the legal effects due on the date, in force or suspended.
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

/** `~` after a status whose answer is uncertain (an event dated only to the month). */
export function statusText(status: StreamStatus): string {
  return status.uncertain ? `${status.status} ~` : status.status;
}

export const UNCERTAIN_NOTE =
  "~ uncertain: an event that month is dated only to the month, so the answer may differ";

/** `, as known on 2021-03-01` and `, as recorded at ...` for headings. */
export function viewText(view: LogView): string {
  const known = view.knownAt === undefined ? "" : `, as known on ${view.knownAt}`;
  const recorded = view.recordedAt === undefined ? "" : `, as recorded at ${view.recordedAt}`;
  return known + recorded;
}
