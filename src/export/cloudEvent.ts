import { CloudEvent } from "cloudevents";
import type { DesignationEvent, Source } from "../domain/eventSchema.js";

/** The reverse-DNS prefix of every CloudEvent `type` of the log. */
export const CLOUD_EVENT_TYPE_PREFIX = "org.designations.event.";

/** The `data` of a log event's CloudEvent. */
export interface CloudEventData {
  /** The event's position in its stream. */
  seq: number;
  effective: string;
  /** The date the fact became public: the event's `known`, else its effective date. */
  known: string;
  /** `day`, or `month` when only the month of `effective` is known. */
  precision: "day" | "month";
  confidence: DesignationEvent["confidence"];
  /** The event's own `data` as in the log: description, court, docket, judge, corrects, ... */
  details: DesignationEvent["data"];
  sources: Source[];
}

/**
 * The CloudEvents `type` of a log event type: the prefix and the type in kebab case.
 *
 * @example
 * cloudEventType("InjunctionGranted"); // "org.designations.event.injunction-granted"
 */
export function cloudEventType(type: DesignationEvent["type"]): string {
  return CLOUD_EVENT_TYPE_PREFIX + type.replace(/(?<!^)([A-Z])/g, "-$1").toLowerCase();
}

/**
 * The CloudEvents `source` of a stream `<company>/<program>`: the URN
 * `urn:designations:<program>:<company>`, absolute, so that `source` + `id` is unique anywhere.
 *
 * @example
 * cloudEventSource("xiaomi/dod-1237"); // "urn:designations:dod-1237:xiaomi"
 */
export function cloudEventSource(stream: string): string {
  const [company, program] = stream.split("/");
  return `urn:designations:${program}:${company}`;
}

/**
 * A log event as a CloudEvents 1.0 event, validated by the `cloudevents` package on construction
 * (it throws a `ValidationError` for an invalid one). `time` is the instant the log recorded the
 * event; the dates of the fact are in `data`. `JSON.stringify` gives its structured JSON form.
 *
 * @example
 * JSON.stringify(toCloudEvent(listed));
 * // {"id":"xiaomi-dod-1237-0001","time":"2026-11-23T12:00:30.508Z","type":"org.designations.event.listed",
 * //  "source":"urn:designations:dod-1237:xiaomi","specversion":"1.0","datacontenttype":"application/json",
 * //  "subject":"xiaomi/dod-1237","data":{"seq":1,"effective":"2021-01-14",...}}
 */
export function toCloudEvent(event: DesignationEvent): CloudEvent<CloudEventData> {
  return new CloudEvent<CloudEventData>(
    {
      specversion: "1.0",
      id: event.id,
      source: cloudEventSource(event.stream),
      type: cloudEventType(event.type),
      subject: event.stream,
      time: event.recorded,
      datacontenttype: "application/json",
      data: {
        seq: event.seq,
        effective: event.effective,
        known: event.known ?? event.effective,
        precision: event.precision ?? "day",
        confidence: event.confidence,
        details: event.data,
        sources: event.sources,
      },
    },
    true,
  );
}
