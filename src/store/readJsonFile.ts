import { readFileSync, statSync } from "node:fs";
import type { z } from "zod";
import { grouped, LIMITS } from "../domain/limits.js";
import { LogError } from "./logError.js";
import { zodIssueField } from "./zodIssueField.js";

/**
 * Reads a JSON file and checks it against a schema. Throws `LogError` naming the file, each bad
 * field, and what the file is (`subject`, e.g. "the scenario").
 *
 * @example
 * readJsonFile("scenarios/xiaomi-no-injunction.json", ScenarioSchema, "the scenario");
 */
export function readJsonFile<T extends z.ZodType>(
  file: string,
  schema: T,
  subject: string,
): z.infer<T> {
  const text = readJsonText(file, subject);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LogError([{ file, message: `malformed JSON: ${reasonOf(error)}` }], subject);
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    file,
    field: zodIssueField(issue),
    message: issue.message,
  }));
  throw new LogError(issues, subject);
}

/**
 * The text of a JSON file, at most `LIMITS.jsonFileBytes`: a larger file, or one that cannot be
 * read, is a `LogError` naming it and what it is (`subject`).
 *
 * @example
 * JSON.parse(readJsonText("scenarios/xiaomi-no-injunction.json", "the scenario"));
 */
export function readJsonText(file: string, subject: string): string {
  try {
    if (statSync(file).size > LIMITS.jsonFileBytes) {
      const message = `is larger than ${grouped(LIMITS.jsonFileBytes)} bytes, the most a JSON file here may hold`;
      throw new LogError([{ file, message }], subject);
    }
    return readFileSync(file, "utf8");
  } catch (error) {
    if (error instanceof LogError) throw error;
    throw new LogError([{ file, message: `cannot be read: ${reasonOf(error)}` }], subject);
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
