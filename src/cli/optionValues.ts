import { type IsoDate, isoDateProblem } from "../domain/isoDate.js";
import { HEADLINE_STATUSES, type HeadlineStatus } from "../domain/lifecycleState.js";
import type { OptionValues } from "./command.js";
import { UsageError } from "./usageError.js";

/** A string flag's value, if given. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

/** A date flag's value, checked to be a real `YYYY-MM-DD` date, or the fallback. */
export function dateOption(values: OptionValues, name: string, fallback: IsoDate): IsoDate {
  const value = stringOption(values, name);
  if (value === undefined) return fallback;
  const problem = isoDateProblem(value);
  if (problem !== undefined) throw new UsageError(`--${name}: ${problem}`);
  return value;
}

/** The `--status` flag, checked against the headline statuses. */
export function statusOption(values: OptionValues): HeadlineStatus | undefined {
  const value = stringOption(values, "status");
  if (value === undefined) return undefined;
  if (!(HEADLINE_STATUSES as readonly string[]).includes(value)) {
    throw new UsageError(
      `--status: "${value}" is not a status; use one of ${HEADLINE_STATUSES.join(", ")}`,
    );
  }
  return value as HeadlineStatus;
}
