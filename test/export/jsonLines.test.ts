import { describe, expect, it } from "vitest";
import { toJsonLines } from "../../src/export/jsonLines.js";

describe("toJsonLines", () => {
  it("writes one compact JSON text per line, each ended by a newline", () => {
    const values = [{ a: 1, b: "x\ny" }, { a: null }, [true]];
    const text = toJsonLines(values);
    expect(text).toBe('{"a":1,"b":"x\\ny"}\n{"a":null}\n[true]\n');
    expect(
      text
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual(values);
  });

  it("writes nothing for no values", () => {
    expect(toJsonLines([])).toBe("");
  });
});
