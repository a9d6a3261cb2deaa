import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Utf8Parts } from "../../src/app/utf8Parts.js";

describe("Utf8Parts", () => {
  it("hands on exactly the pieces added, in order, in parts no larger than its size", () => {
    const piece = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 30 }).map((text) => ({ text })),
      fc.string({ unit: "grapheme", maxLength: 30 }).map((text) => ({ bytes: Buffer.from(text) })),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.integer({ min: 4, max: 64 }),
        (pieces, size) => {
          const handed: string[] = [];
          const parts = new Utf8Parts(size, (text) => handed.push(text));
          for (const one of pieces) {
            if ("text" in one) parts.text(one.text);
            else parts.bytes(one.bytes);
          }
          parts.flush();
          const expected = pieces
            .map((one) => ("text" in one ? one.text : one.bytes.toString()))
            .join("");
          expect(handed.join("")).toBe(expected);
          // Only a piece too long for the buffer is handed on larger than it.
          for (const part of handed) {
            const alone = pieces.some(
              (one) => ("text" in one ? one.text : one.bytes.toString()) === part,
            );
            if (!alone) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(size);
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
