import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Utf8Parts } from "../../src/app/utf8Parts.js";

describe("Utf8Parts", () => {
  it("hands on exactly the pieces added, in order, in parts no larger than its size", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "grapheme", maxLength: 30 }), { maxLength: 40 }),
        fc.integer({ min: 4, max: 64 }),
        (pieces, size) => {
          const handed: string[] = [];
          const parts = new Utf8Parts(size, (text) => handed.push(text));
          for (const piece of pieces) parts.text(piece);
          parts.flush();
          expect(handed.join("")).toBe(pieces.join(""));
          // Only a piece too long for the buffer is handed on larger than it, by itself.
          for (const part of handed) {
            if (!pieces.includes(part)) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(size);
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
