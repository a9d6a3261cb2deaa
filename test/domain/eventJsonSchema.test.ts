import { describe, expect, it } from "vitest";
import { eventJsonSchema } from "../../src/domain/eventJsonSchema.js";
import { EVENT_TYPES } from "../../src/domain/eventTypes.js";

type Branch = {
  type?: string;
  properties?: Record<string, { const?: unknown; enum?: unknown[] }>;
  required?: string[];
  additionalProperties?: unknown;
};

function branchesOf(schema: Record<string, unknown>): Branch[] {
  const branches = schema.oneOf ?? schema.anyOf;
  if (!Array.isArray(branches)) throw new Error("the schema has neither oneOf nor anyOf");
  return branches as Branch[];
}

/** The event type a branch is for, from its `type` property's const (or single-valued enum). */
function typeOf(branch: Branch): unknown {
  const type = branch.properties?.type;
  return type?.const ?? (type?.enum?.length === 1 ? type.enum[0] : undefined);
}

describe("eventJsonSchema", () => {
  const schema = eventJsonSchema();

  it("is a draft 2020-12 schema with a title", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.title).toBe("Designation event");
    expect(typeof schema.description).toBe("string");
  });

  it("has one branch per event type", () => {
    const branches = branchesOf(schema);
    expect(branches).toHaveLength(EVENT_TYPES.length);
    expect(branches.map(typeOf).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it.each(EVENT_TYPES)("the %s branch is a closed object requiring the envelope", (type) => {
    const branch = branchesOf(schema).find((b) => typeOf(b) === type);
    expect(branch?.type).toBe("object");
    expect(branch?.additionalProperties).toBe(false);
    for (const field of [
      "id",
      "stream",
      "seq",
      "type",
      "effective",
      "recorded",
      "sources",
      "confidence",
      "prev",
      "data",
    ]) {
      expect(branch?.required).toContain(field);
    }
    expect(branch?.required).not.toContain("known");
    expect(branch?.required).not.toContain("precision");
  });

  it("is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});
