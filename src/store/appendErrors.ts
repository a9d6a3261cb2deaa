import { formatLogIssue, type LogIssue } from "./logError.js";

/** `--expected-seq` did not match: someone else appended to the stream first. */
export class ConcurrencyError extends Error {
  override readonly name = "ConcurrencyError";

  constructor(
    readonly stream: string,
    readonly expectedSeq: number,
    readonly actualSeq: number,
    /** The message, when what changed is not a stream's seq (the registry). */
    message?: string,
  ) {
    super(
      message ??
        `concurrency conflict on ${stream}: expected its last seq to be ${expectedSeq}, but it is ${actualSeq}. Read the stream again and retry`,
    );
  }
}

/** The event cannot be appended as it is: schema, id or history. Nothing was written. */
export class AppendRejectedError extends Error {
  override readonly name = "AppendRejectedError";

  constructor(
    readonly stream: string,
    /** Why, without the stream and field the message puts before it. */
    readonly reason: string,
    readonly field?: string,
    /** Which of a batch of drafts (0-based), when the reason is one draft. */
    readonly draftIndex?: number,
  ) {
    super(
      `rejected, nothing written to ${stream}: ${field === undefined ? "" : `field "${field}": `}${reason}`,
    );
  }
}

/** The stream's file fails verification: appending to it would build on a broken history. */
export class StreamNeedsRepairError extends Error {
  override readonly name = "StreamNeedsRepairError";

  constructor(
    readonly file: string,
    readonly issues: readonly LogIssue[],
  ) {
    super(
      `refusing to append to ${file}, which fails verification:\n${issues.map(formatLogIssue).join("\n")}\nRepair the file first (restore it from version control, or for a torn last line remove that line as shown), then run designations verify.`,
    );
  }
}
