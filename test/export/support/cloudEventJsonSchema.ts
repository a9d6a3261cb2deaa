import { Ajv, type ValidateFunction } from "ajv";

/** RFC 3339 `date-time`, with its zone. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** RFC 3986 URI-reference: an optional scheme, then no whitespace or characters URIs forbid. */
const URI_REFERENCE = /^(?:[A-Za-z][A-Za-z0-9+.-]*:)?[^\s<>"{}|\\^`]+$/;

/** Reverse-DNS: at least three dot-separated lowercase labels, e.g. `org.example.thing-done`. */
export const REVERSE_DNS = "^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*){2,}$";

/**
 * What a structured-mode CloudEvents 1.0 JSON object of the log must look like, written here
 * from the CloudEvents spec (not taken from the `cloudevents` package, which the code uses).
 */
export const CLOUD_EVENT_JSON_SCHEMA = {
  type: "object",
  required: ["specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data"],
  properties: {
    specversion: { const: "1.0" },
    id: { type: "string", minLength: 1 },
    source: { type: "string", minLength: 1, format: "uri-reference" },
    type: { type: "string", pattern: REVERSE_DNS },
    subject: { type: "string", pattern: "^[a-z0-9-]+/[a-z0-9-]+$" },
    time: { type: "string", format: "date-time" },
    datacontenttype: { const: "application/json" },
    data: {
      type: "object",
      required: ["effective", "sources"],
      properties: {
        effective: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
        sources: {
          type: "array",
          minItems: 1,
          items: {
            type: "object",
            required: ["publisher", "title", "url"],
            properties: { url: { type: "string", format: "uri-reference" } },
          },
        },
      },
    },
  },
  additionalProperties: false,
} as const;

/** The schema compiled with Ajv, its two formats checked by the patterns above. */
export function cloudEventValidator(): ValidateFunction {
  const ajv = new Ajv({
    allErrors: true,
    formats: {
      "date-time": (value: string) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)),
      "uri-reference": (value: string) => URI_REFERENCE.test(value),
    },
  });
  return ajv.compile(CLOUD_EVENT_JSON_SCHEMA);
}
