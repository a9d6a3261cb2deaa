import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { eventJsonSchemaText } from "../../src/domain/eventJsonSchema.js";

describe("events/schema.json", () => {
  it("is what npm run schema writes from the zod schemas (run it when this fails)", () => {
    const file = fileURLToPath(new URL("../../events/schema.json", import.meta.url));
    expect(readFileSync(file, "utf8")).toBe(eventJsonSchemaText());
  });
});
