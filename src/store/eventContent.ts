/**
 * What an event says, as its author writes it: every field but the envelope the log adds (`id`,
 * `stream`, `seq`, `recorded`, `prev`). A draft and a stored event both have it.
 */
export interface EventContentFields {
  type: string;
  effective: string;
  known?: string;
  precision?: "day" | "month";
  data: Record<string, unknown>;
  sources: readonly { publisher: string; title: string; url: string }[];
  confidence: string;
}

/**
 * The content of an event or a draft as one canonical text: its type, effective, known,
 * precision, data, sources and confidence as JSON, object keys sorted and absent (undefined)
 * members left out. Two events say the same thing exactly when their texts are equal, whatever
 * the order of their keys; the store compares a re-sent event with the stored one by it, and
 * `importDrafts` derives the id of a line without one from it.
 *
 * @example
 * eventContent({ type: "Listed", effective: "2021-01-14", data: { description: "Listed." },
 *   sources: [{ publisher: "DoD", title: "List", url: "https://example.org/list" }], confidence: "high" });
 * // '{"confidence":"high","data":{"description":"Listed."},"effective":"2021-01-14",...}'
 */
export function eventContent(event: EventContentFields): string {
  return canonicalJson({
    type: event.type,
    effective: event.effective,
    known: event.known,
    precision: event.precision,
    data: event.data,
    sources: event.sources,
    confidence: event.confidence,
  });
}

/** JSON with object keys sorted and undefined members dropped (arrays keep their order). */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
