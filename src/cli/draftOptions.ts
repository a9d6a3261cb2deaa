import type { EventDraft } from "../app/appendEvents.js";
import type { OptionValues } from "./command.js";
import { dateOption, stringOption } from "./optionValues.js";
import { UsageError } from "./usageError.js";

/** Where a fact comes from, how sure it is, its own words and id: flags of every writing command. */
export const CITATION_OPTIONS = {
  source: { type: "string", multiple: true },
  "source-title": { type: "string", multiple: true },
  publisher: { type: "string", multiple: true },
  confidence: { type: "string" },
  description: { type: "string" },
  id: { type: "string" },
  json: { type: "boolean" },
} as const;

/** Flags shared by append, correct and retract: the citation, and the stream's expected seq. */
export const SOURCE_OPTIONS = {
  ...CITATION_OPTIONS,
  "expected-seq": { type: "string" },
} as const;

export const SOURCE_HELP = `  --source URL        where the fact comes from (required; repeat for several sources)
  --source-title T    the title of the source (default: its URL); the n-th applies to the n-th --source
  --publisher P       who published it (default: the URL's host)
  --confidence C      high, medium or low (default: medium)
  --description T     what happened, in your own words (goes into data.description)
  --id ID             the event's id (default: <company>-<program>-<seq>); re-sending an identical
                      event with the same id is a no-op
  --expected-seq N    fail with a concurrency conflict (exit 4) unless the stream's last seq is N
  --json              print {"outcome", "event", "file", "line"}`;

/** `--source` (with titles and publishers), checked to be there. */
export function sourcesOption(values: OptionValues): EventDraft["sources"] {
  const urls = listOption(values, "source");
  if (urls.length === 0)
    throw new UsageError("--source URL is required: every event cites a source");
  const titles = listOption(values, "source-title");
  const publishers = listOption(values, "publisher");
  for (const [name, given] of [
    ["source-title", titles],
    ["publisher", publishers],
  ] as const) {
    if (given.length > urls.length) {
      throw new UsageError(
        `--${name} is given ${given.length} times for ${urls.length} --source: each belongs to the --source at its place`,
      );
    }
  }
  return urls.map((url, index) => ({
    url,
    title: titles[index] ?? url,
    publisher: publishers[index] ?? hostOf(url),
  }));
}

export function confidenceOption(values: OptionValues): EventDraft["confidence"] {
  const value = stringOption(values, "confidence") ?? "medium";
  if (value !== "high" && value !== "medium" && value !== "low") {
    throw new UsageError(`--confidence: "${value}" must be high, medium or low`);
  }
  return value;
}

export function precisionOption(values: OptionValues): EventDraft["precision"] {
  const value = stringOption(values, "precision");
  if (value === undefined) return undefined;
  if (value !== "day" && value !== "month") {
    throw new UsageError(`--precision: "${value}" must be day or month`);
  }
  return value;
}

/** `--expected-seq N`, a whole number from 0 (0: the stream must be new). */
export function expectedSeqOption(values: OptionValues): number | undefined {
  const value = stringOption(values, "expected-seq");
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    throw new UsageError(`--expected-seq: "${value}" is not a whole number`);
  return Number(value);
}

/** `--data JSON`, an object. */
export function dataOption(values: OptionValues): Record<string, unknown> | undefined {
  const text = stringOption(values, "data");
  if (text === undefined) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `--data: not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new UsageError('--data must be a JSON object, e.g. \'{"court": "D.D.C."}\'');
  }
  if ("description" in data && stringOption(values, "description") !== undefined) {
    throw new UsageError("--description and a description in --data cannot be given together");
  }
  return data as Record<string, unknown>;
}

/** A required date flag. */
export function requiredDateOption(values: OptionValues, name: string): string {
  if (stringOption(values, name) === undefined) throw new UsageError(`--${name} D is required`);
  return dateOption(values, name, "");
}

function listOption(values: OptionValues, name: string): string[] {
  const value = (values as Record<string, unknown>)[name];
  return Array.isArray(value) ? value.map(String) : [];
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
