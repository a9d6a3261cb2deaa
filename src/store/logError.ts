/** One problem found in the log, located as precisely as the problem allows. */
export interface LogIssue {
  file: string;
  /** 1-based line number, when the problem is on one line. */
  line?: number;
  /** Dotted path of the offending field, e.g. `data.court` or `sources.0.url`. */
  field?: string;
  message: string;
}

/**
 * `file:line: field "x": message`, the form editors and terminals link to.
 *
 * @example
 * formatLogIssue({ file: "events/dod-1237/xiaomi.jsonl", line: 3, field: "effective", message: "bad" });
 * // 'events/dod-1237/xiaomi.jsonl:3: field "effective": bad'
 */
export function formatLogIssue(issue: LogIssue): string {
  const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  const field = issue.field === undefined ? "" : `field "${issue.field}": `;
  return `${where}: ${field}${issue.message}`;
}

/** A file cannot be read as it is: every problem found, not just the first. */
export class LogError extends Error {
  override readonly name = "LogError";

  /** What the file is, for messages: "the log" (default), "the scenario", "the import file". */
  readonly subject: string;

  constructor(
    readonly issues: readonly LogIssue[],
    subject = "the log",
  ) {
    super(issues.map(formatLogIssue).join("\n"));
    this.subject = subject;
  }
}
