import type { IsoDate } from "./isoDate.js";
import { describeState, type LifecycleState } from "./lifecycleState.js";

/**
 * An event that the lifecycle machine does not accept in the state the stream is in:
 * the history it belongs to cannot have happened, so no answer is derived from it.
 */
export class InvalidHistoryError extends Error {
  override readonly name = "InvalidHistoryError";

  constructor(
    readonly stream: string,
    readonly eventId: string,
    readonly eventType: string,
    readonly effective: IsoDate,
    readonly state: LifecycleState,
  ) {
    super(
      `invalid history in stream ${stream}: event ${eventId} (${eventType}, effective ${effective}) is not accepted in state ${describeState(state)}`,
    );
  }
}
