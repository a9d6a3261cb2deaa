import { AppendRejectedError, ConcurrencyError, StreamNeedsRepairError } from "../app/errors.js";
import { LockTimeoutError, StoreNotEmptyError, StoreUnavailableError } from "../app/errors.js";
import { LogError } from "../app/errors.js";
import {
  AmbiguousCompanyError,
  UnknownCompanyError,
  UnknownEventError,
  UnknownProgramError,
} from "../app/errors.js";
import { ScenarioError } from "../simulate/scenario.js";
import { ForecastLoopError } from "../simulate/forecast.js";
import { RequestError } from "../app/requestError.js";
import { plural } from "../report/formatTable.js";
import { osErrorText } from "./osErrorText.js";
import { visibleText } from "./visibleText.js";
import { UsageError } from "./usageError.js";

/**
 * Exit codes: 0 fine, 1 bad data, a rejected event or an unknown company, program or event,
 * 2 bad usage, 3 an internal error, 4 a concurrency conflict (retry after re-reading).
 */
export const EXIT = { ok: 0, badData: 1, usage: 2, internal: 3, conflict: 4 } as const;

const BAD_DATA = [
  UnknownCompanyError,
  AmbiguousCompanyError,
  UnknownProgramError,
  UnknownEventError,
  AppendRejectedError,
  ScenarioError,
  ForecastLoopError,
  StreamNeedsRepairError,
  LockTimeoutError,
  StoreUnavailableError,
  StoreNotEmptyError,
];

/**
 * Writes what went wrong as a plain message (never a stack trace) and gives the exit code.
 * Errors that are no fault of the input are reported as internal errors, plainly.
 *
 * @example
 * reportError(new UsageError("--at: bad date"), err, "designations status --help"); // 2
 */
export function reportError(
  error: unknown,
  print: (text: string) => void,
  helpCommand: string,
): number {
  // Messages echo what the user typed: a control character in it is shown, never obeyed.
  const err = (text: string) => print(visibleText(text));
  if (error instanceof UsageError || error instanceof RequestError || isParseArgsError(error)) {
    err(`error: ${(error as Error).message}\nRun ${helpCommand} for usage.`);
    return EXIT.usage;
  }
  if (error instanceof LogError) {
    err(`error: ${error.subject} has ${plural(error.issues.length, "problem")}:\n${error.message}`);
    return EXIT.badData;
  }
  if (error instanceof ConcurrencyError) {
    err(`error: ${error.message}`);
    return EXIT.conflict;
  }
  if (BAD_DATA.some((kind) => error instanceof kind)) {
    err(`error: ${(error as Error).message}`);
    return EXIT.badData;
  }
  const os = osErrorText(error);
  if (os !== undefined) {
    err(`error: ${os}`);
    return EXIT.badData;
  }
  const message = error instanceof Error ? error.message : String(error);
  err(`internal error (a bug in designations, please report it): ${message}`);
  if (process.env.DESIGNATIONS_DEBUG && error instanceof Error) err(error.stack ?? "");
  return EXIT.internal;
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}
