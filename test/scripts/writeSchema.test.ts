import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { eventJsonSchemaText } from "../../src/domain/eventJsonSchema.js";

describe("events/schema.json", () => {
  it("is what npm run schema writes from the zod schemas (run it when this fails)", () => {
    const file = fileURLToPath(new URL("../../events/schema.json", import.meta.url));
    expect(readFileSync(file, "utf8")).toBe(eventJsonSchemaText());
  });
});

describe("events/schema.json used by another validator (Ajv, JSON Schema 2020-12)", () => {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
  const validate = ajv.compile(JSON.parse(readFileSync(`${root}events/schema.json`, "utf8")));
  const lines = readFileSync(`${root}events/dod-1237/xiaomi.jsonl`, "utf8").trim().split("\n");

  it("accepts every event of the repository's log", () => {
    for (const line of lines) expect(validate(JSON.parse(line)), line).toBe(true);
  });

  it("rejects an event without sources, with an unknown type or with an impossible date", () => {
    const event = JSON.parse(lines[0] ?? "{}");
    expect(validate({ ...event, sources: [] })).toBe(false);
    expect(validate({ ...event, type: "Blacklisted" })).toBe(false);
    expect(validate({ ...event, effective: "2021-02-30" })).toBe(false);
  });
});
