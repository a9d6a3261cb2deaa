import type { StreamStatus } from "../query/streamStatus.js";
import type { LogView } from "../replay/logView.js";

/** The JSON form of a stream's status, as `status --json` and `list --json` print it. */
export function statusJson(status: StreamStatus) {
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
