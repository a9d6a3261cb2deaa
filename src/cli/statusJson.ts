import type { StreamStatus } from "../query/streamStatus.js";

/** `~` after a status whose answer is uncertain (an event dated only to the month). */
export function statusText(status: StreamStatus): string {
  return status.uncertain ? `${status.status} ~` : status.status;
}

export const UNCERTAIN_NOTE =
  "~ uncertain: an event that month is dated only to the month, so the answer may differ";

export { viewText } from "../report/answerJson.js";
