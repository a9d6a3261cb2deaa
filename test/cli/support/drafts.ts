import type { EventDraft } from "../../../src/app/appendEvents.js";
import { appendEvent } from "../../../src/app/appendEvents.js";

const COURT_TYPES = new Set([
  "ChallengeFiled",
  "InjunctionGranted",
  "InjunctionDenied",
  "InjunctionLifted",
  "SettlementReached",
  "DesignationVacated",
  "JudgmentForGovernment",
  "ChallengeDismissed",
  "AppealFiled",
]);

export const COURT = "U.S. District Court for the District of Columbia";

/**
 * A valid draft of `type` on `<company>/<program>` (given as `stream`), effective on `effective`,
 * with the data its type needs (a court for court events, a subject for `Noted`).
 *
 * @example
 * appendEvent(dir, draftOf("acme/dod-1237", "Listed", "2021-01-14"));
 */
export function draftOf(
  stream: string,
  type: string,
  effective: string,
  extra: Partial<EventDraft> = {},
): EventDraft {
  const [company = "", program = ""] = stream.split("/");
  const data: Record<string, unknown> = { description: `${type} on ${effective}.` };
  if (COURT_TYPES.has(type)) data.court = COURT;
  if (type === "Noted") data.subject = "other";
  return {
    company,
    program,
    type,
    effective,
    data,
    sources: [{ publisher: "Test Gazette", title: `${type}`, url: "https://example.org/source" }],
    confidence: "high",
    ...extra,
  };
}

/**
 * Appends `[type, effective]` events to one stream through the library, each recorded at the
 * instant `recorded(index)` when given. Returns the file.
 */
export function appendAll(
  dir: string,
  stream: string,
  steps: readonly (readonly [string, string, Partial<EventDraft>?])[],
  recorded?: (index: number) => string,
): string {
  let file = "";
  steps.forEach(([type, effective, extra], index) => {
    const options = recorded ? { now: () => new Date(recorded(index)) } : {};
    file = appendEvent(dir, draftOf(stream, type, effective, extra), options).file;
  });
  return file;
}
