import { z } from "zod";
import { DesignationEventSchema } from "./eventSchema.js";

/**
 * The JSON Schema (draft 2020-12) of one line of the log, for tools that validate it without this
 * project. Calendar checks beyond the date pattern and cross-line rules (seq order, unique ids,
 * valid history) are the project's own.
 *
 * @example
 * const schema = eventJsonSchema(); // { $schema: "https://json-schema.org/draft/2020-12/schema", oneOf: [...] }
 */
export function eventJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(DesignationEventSchema),
    title: "Designation event",
    description:
      "One line of events/<program>/<company>.jsonl: a dated, sourced fact about a company's designation or the litigation against it.",
  };
}

/**
 * The text of `events/schema.json`, as `npm run schema` writes it.
 *
 * @example
 * writeFileSync("events/schema.json", eventJsonSchemaText());
 */
export function eventJsonSchemaText(): string {
  return `${JSON.stringify(eventJsonSchema(), null, 2)}\n`;
}
