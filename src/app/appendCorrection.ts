import type { Confidence, Source } from "../domain/eventSchema.js";
import type { IsoDate } from "../domain/isoDate.js";
import { UnknownEventError } from "../query/queryErrors.js";
import { locateEvent } from "../store/findEvent.js";
import { type AppendOptions, type AppendResult, appendEvent } from "./appendEvents.js";

/** A correction or retraction of an event already in the log. */
export interface CorrectionRequest {
  /** The id of the event it corrects or retracts. */
  target: string;
  type: "Corrected" | "Retracted";
  /** The date it became known; it is also its effective date. */
  known: IsoDate;
  /** The corrected fields (`Corrected` only). */
  changes?: Record<string, unknown>;
  description?: string;
  sources: Source[];
  confidence: Confidence;
  /** Its own id; by default the stream's next. */
  id?: string;
}

/**
 * Appends a `Corrected` or `Retracted` event to the stream that holds the event it names, after
 * the same checks as any append (the history must stay valid, also as known on every date).
 * Throws `UnknownEventError` when no stream holds `target`.
 *
 * @example
 * appendCorrection("events", { target: "acme-dod-1260h-0003", type: "Retracted", known: "2024-05-01",
 *   sources: [{ publisher: "Court", title: "Docket", url: "https://example.org/" }], confidence: "high" });
 */
export function appendCorrection(
  dir: string,
  request: CorrectionRequest,
  options: AppendOptions = {},
): AppendResult {
  const { target, type, known } = request;
  const located = locateEvent(dir, target);
  if (located === undefined) throw new UnknownEventError(target);
  const description =
    request.description ?? `${type === "Corrected" ? "Corrects" : "Retracts"} ${target}.`;
  const fields =
    type === "Corrected" ? { corrects: target, ...request.changes } : { retracts: target };
  return appendEvent(
    dir,
    {
      company: located.company,
      program: located.program,
      type,
      effective: known,
      known,
      data: { description, ...fields },
      sources: request.sources,
      confidence: request.confidence,
      id: request.id,
    },
    options,
  );
}
