import type { z } from "zod";
import { plural } from "../report/formatTable.js";
import { formatLogIssue, type LogIssue } from "../store/logError.js";
import { readJsonText } from "../store/readJsonFile.js";
import { zodIssueField } from "../store/zodIssueField.js";
import { RequestError } from "./requestError.js";

/**
 * A file that is part of the request (a scenario, a forecast's assumptions) does not say anything
 * that can hold: malformed JSON, a bad or unknown field, a value that contradicts the lifecycle or
 * names nothing in the log. Bad usage, like a bad flag: every problem, each with the file, the
 * field and the value.
 */
export class RequestFileError extends RequestError {
  constructor(
    readonly issues: readonly LogIssue[],
    /** What the file is, for messages: "the scenario", "the assumptions file". */
    readonly subject: string,
  ) {
    super(
      `${subject} has ${plural(issues.length, "problem")}:\n${issues.map(formatLogIssue).join("\n")}`,
    );
  }
}

/**
 * Reads a JSON file that is part of a request and checks it against `schema`. A file that cannot
 * be read, or is larger than `LIMITS.jsonFileBytes`, is a `LogError` (as for any JSON file the
 * tool reads, see `readJsonFile`); malformed JSON or a field the schema refuses is a
 * `RequestFileError` naming the file, each field and the value found there.
 *
 * @example
 * readRequestFile("scenarios/xiaomi-no-injunction.json", ScenarioSchema, "the scenario");
 */
export function readRequestFile<T extends z.ZodType>(
  file: string,
  schema: T,
  subject: string,
): z.infer<T> {
  const text = readJsonText(file, subject);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RequestFileError([{ file, message: `malformed JSON: ${reasonOf(error)}` }], subject);
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.flatMap(likeliestIssues).map((issue) => ({
    file,
    field: zodIssueField(issue),
    message: withValue(issue, json),
  }));
  throw new RequestFileError(issues, subject);
}

/**
 * An issue as the file's writer meant it: a value that fits no shape of a union (an edit that is
 * no drop, move, replace or insert) is reported by the shape it comes closest to, the one with
 * the fewest problems, with that shape's own problems (`edits.0.insert.type`), not "Invalid input".
 */
function likeliestIssues(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return [issue];
  const closest = issue.errors.reduce((best, branch) =>
    branch.length < best.length ? branch : best,
  );
  return closest.flatMap((inner) =>
    likeliestIssues({ ...inner, path: [...issue.path, ...inner.path] }),
  );
}

/**
 * A zod issue's message, with the value the file holds there (an unknown key's message already
 * names the key): `Invalid option: expected one of "Listed"|... (the file has "Vacated")`.
 */
function withValue(issue: z.core.$ZodIssue, json: unknown): string {
  if (issue.code === "unrecognized_keys") return issue.message;
  let value: unknown = json;
  for (const key of issue.path) {
    if (typeof value !== "object" || value === null) return issue.message;
    value = (value as Record<PropertyKey, unknown>)[key as PropertyKey];
  }
  if (value === undefined) return issue.message;
  const text = JSON.stringify(value);
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `${issue.message} (the file has ${shown})`;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
