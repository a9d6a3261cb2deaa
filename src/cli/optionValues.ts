import { z } from "zod";
import { type IsoDate, isoDateProblem } from "../domain/isoDate.js";
import { HEADLINE_STATUSES, type HeadlineStatus } from "../domain/lifecycleState.js";
import type { LogView } from "../domain/logView.js";
import type { OptionValues } from "./command.js";
import { UsageError } from "./usageError.js";

/** A string flag's value, if given. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

/** The earliest date a command is asked about: the lists began in 1999, the law long after 1900. */
const EARLIEST_DATE = "1900-01-01";

/**
 * A date flag's value, checked to be a real `YYYY-MM-DD` date from 1900 on (a four-digit year
 * also ends it at 9999-12-31), or the fallback.
 */
export function dateOption(values: OptionValues, name: string, fallback: IsoDate): IsoDate {
  const value = stringOption(values, name);
  if (value === undefined) return fallback;
  const problem = isoDateProblem(value);
  if (problem !== undefined) throw new UsageError(`--${name}: ${problem}`);
  if (value < EARLIEST_DATE) {
    throw new UsageError(`--${name}: ${value} is before ${EARLIEST_DATE}, earlier than any answer`);
  }
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

/** `--known-at D` and `--recorded-at T`, shared by the commands that answer from the log. */
export const VIEW_OPTIONS = {
  "known-at": { type: "string" },
  "recorded-at": { type: "string" },
} as const;

export const VIEW_HELP = `  --known-at D     answer only from what was public by D: facts, corrections and retractions
                   with known <= D
  --recorded-at T  answer only from what the log held at instant T (e.g. 2026-11-23T12:00:00Z)`;

/** The view of the log that `--known-at` and `--recorded-at` ask for. */
export function viewOption(values: OptionValues): LogView {
  const view: LogView = {};
  if (stringOption(values, "known-at") !== undefined) {
    view.knownAt = dateOption(values, "known-at", "");
  }
  const recordedAt = stringOption(values, "recorded-at");
  if (recordedAt !== undefined) {
    if (!INSTANT.safeParse(recordedAt).success) {
      throw new UsageError(
        `--recorded-at: "${recordedAt}" is not an instant such as 2026-11-23T12:00:00Z (with its zone)`,
      );
    }
    view.recordedAt = recordedAt;
  }
  return view;
}

const INSTANT = z.iso.datetime({ offset: true });
