import type { DesignationEvent } from "../domain/eventSchema.js";

/** One event of the log, flat, as `export --what events --format csv` writes it. */
export interface EventRow {
  id: string;
  stream: string;
  company: string;
  program: string;
  seq: number;
  type: DesignationEvent["type"];
  effective: string;
  /** As in the log: `null` when the event gives no `known` date. */
  known: string | null;
  /** As in the log: `null` when the event gives no precision. */
  precision: string | null;
  recorded: string;
  description: string;
  /** The event a `Corrected` or `Retracted` event names; `null` for the others. */
  target_id: string | null;
  court: string | null;
  docket: string | null;
  judge: string | null;
  confidence: string;
  /** Every source URL, separated by a space. */
  source_urls: string;
}

/** The columns of an events export, in order. */
export const EVENT_COLUMNS = [
  "id",
  "stream",
  "company",
  "program",
  "seq",
  "type",
  "effective",
  "known",
  "precision",
  "recorded",
  "description",
  "target_id",
  "court",
  "docket",
  "judge",
  "confidence",
  "source_urls",
] as const satisfies readonly (keyof EventRow)[];

/**
 * Each event as a row, in the order given, exactly as the log has it: corrections and retractions
 * are rows of their own and change no other row.
 *
 * @example
 * eventRows(log.streams[0].entries.map((entry) => entry.event))[0];
 * // { id: "xiaomi-dod-1237-0001", stream: "xiaomi/dod-1237", company: "xiaomi", seq: 1, ... }
 */
export function eventRows(events: readonly DesignationEvent[]): EventRow[] {
  return events.map((event) => {
    const [company = "", program = ""] = event.stream.split("/");
    const data: Readonly<Record<string, unknown>> = event.data;
    return {
      id: event.id,
      stream: event.stream,
      company,
      program,
      seq: event.seq,
      type: event.type,
      effective: event.effective,
      known: event.known ?? null,
      precision: event.precision ?? null,
      recorded: event.recorded,
      description: event.data.description,
      target_id: text(data.corrects) ?? text(data.retracts),
      court: text(data.court),
      docket: text(data.docket),
      judge: text(data.judge),
      confidence: event.confidence,
      source_urls: event.sources.map((source) => source.url).join(" "),
    };
  });
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}
