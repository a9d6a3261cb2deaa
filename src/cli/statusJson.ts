import type { StreamStatus } from "../query/streamStatus.js";

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
  };
}
