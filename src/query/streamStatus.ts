import type { IsoDate } from "../domain/isoDate.js";
import type { HeadlineStatus } from "../domain/lifecycleState.js";
import type { EventRef } from "../domain/timeline.js";

/** A stream's status on a date, and why: since when, opened by which event. */
export interface StreamStatus {
  stream: string;
  company: string;
  program: string;
  at: IsoDate;
  status: HeadlineStatus;
  enforceable: boolean;
  /** The day the status began; `null` for a stream still unlisted on that date. */
  since: IsoDate | null;
  event: EventRef | null;
  /** True when an event that moves the stream is dated only to the month of `at`. */
  uncertain: boolean;
}
