import { type DesignationEvent, DesignationEventSchema, type FactEvent } from "../eventSchema.js";

/** A correction that leaves the event it corrects invalid. */
export class CorrectionError extends Error {
  override readonly name = "CorrectionError";

  constructor(
    readonly stream: string,
    readonly eventId: string,
    message: string,
  ) {
    super(`correction ${eventId} in stream ${stream}: ${message}`);
  }
}

/**
 * The facts of a stream as its corrections leave them: a `Retracted` event removes the event it
 * names, a `Corrected` event replaces its effective date, precision or data fields and adds its
 * sources. The log itself is never changed; the corrected events keep their ids and seq.
 *
 * @example
 * applyCorrections([listed, { type: "Corrected", data: { corrects: listed.id, effective: "2021-01-15", ... }, ... }]);
 * // [{ ...listed, effective: "2021-01-15" }]
 */
export function applyCorrections(events: readonly DesignationEvent[]): FactEvent[] {
  const facts = new Map<string, FactEvent>();
  for (const event of events) {
    if (event.type === "Retracted") {
      facts.delete(event.data.retracts);
    } else if (event.type === "Corrected") {
      const original = facts.get(event.data.corrects);
      if (original === undefined) {
        throw new CorrectionError(
          event.stream,
          event.id,
          `${event.data.corrects} is not a current event of the stream`,
        );
      }
      // Spread, not a deep copy: the result is checked against the strict schema before use.
      const candidate = {
        ...original,
        effective: event.data.effective ?? original.effective,
        precision: event.data.precision ?? original.precision,
        data: { ...original.data, ...event.data.data },
        sources: [...original.sources, ...event.sources],
      };
      const result = DesignationEventSchema.safeParse(candidate);
      if (!result.success) {
        const issue = result.error.issues[0];
        throw new CorrectionError(
          event.stream,
          event.id,
          `the corrected ${original.id} is invalid: ${issue?.path.join(".")}: ${issue?.message}`,
        );
      }
      facts.set(original.id, result.data as FactEvent);
    } else {
      facts.set(event.id, event);
    }
  }
  return [...facts.values()];
}
