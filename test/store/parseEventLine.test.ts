import { describe, expect, it } from "vitest";
import { GENESIS } from "../../src/store/integrityChain.js";
import { parseEventLine } from "../../src/store/parseEventLine.js";
import { makeEvent, parsedOf } from "./support/logFixtures.js";

const FILE = "events/dod-1237/acme.jsonl";
// A line parses on its own: any well-formed prev will do (the chain is the stream reader's).
const listed = makeEvent("acme/dod-1237", 1, "Listed", "2021-01-14", { prev: GENESIS });
const line = (overrides: Record<string, unknown>) =>
  JSON.stringify(
    makeEvent("acme/dod-1237", 1, "ChallengeFiled", "2021-01-29", { prev: GENESIS, ...overrides }),
  );

describe("parseEventLine", () => {
  it("returns the event of a valid line", () => {
    expect(parseEventLine(JSON.stringify(listed), FILE, 7)).toEqual({
      ok: true,
      event: parsedOf(listed),
    });
  });

  it("reports malformed JSON with its file and line, and no field", () => {
    const parsed = parseEventLine('{"id": ', FILE, 3);

    expect(parsed).toEqual({
      ok: false,
      issues: [{ file: FILE, line: 3, message: expect.stringMatching(/^malformed JSON: .+/) }],
    });
  });

  it("reports a line that is JSON but not an object on the event as a whole", () => {
    for (const text of ["null", "[]", "42", '"Listed"']) {
      expect(parseEventLine(text, FILE, 1)).toEqual({
        ok: false,
        issues: [{ file: FILE, line: 1, field: "(event)", message: expect.any(String) }],
      });
    }
  });

  it("names each offending field by its dotted path", () => {
    const cases: [Record<string, unknown>, string, string | RegExp][] = [
      [{ type: "Frobbed" }, "type", /Listed/],
      [{ data: { court: undefined } }, "data.court", "is missing (expected string)"],
      [{ data: { court: "" } }, "data.court", "must not be empty"],
      [{ effective: "2021-02-30" }, "effective", '"2021-02-30" is not a real calendar date'],
      [{ effective: "2021-2-3" }, "effective", '"2021-2-3" is not a date of the form YYYY-MM-DD'],
      [{ known: "2021-04-31" }, "known", '"2021-04-31" is not a real calendar date'],
      [{ effective: undefined }, "effective", "is missing (expected a date YYYY-MM-DD)"],
      [{ sources: [] }, "sources", "every event needs at least one source"],
      [{ sources: undefined }, "sources", "is missing (expected array)"],
      [{ stream: "Acme" }, "stream", "must be <company>/<program>, e.g. xiaomi/dod-1237"],
      [{ seq: 0 }, "seq", /./],
      [{ confidence: "certain" }, "confidence", /./],
      [{ extra: true }, "extra", /extra/],
      [{ prev: undefined }, "prev", "is missing (expected string)"],
      [{ prev: "0".repeat(63) }, "prev", "must be a SHA-256 hash in lowercase hex"],
      [{ prev: "A".repeat(64) }, "prev", "must be a SHA-256 hash in lowercase hex"],
    ];
    for (const [overrides, field, message] of cases) {
      const parsed = parseEventLine(line(overrides), FILE, 2);
      expect(parsed, JSON.stringify(overrides)).toEqual({
        ok: false,
        issues: [
          {
            file: FILE,
            line: 2,
            field,
            message: typeof message === "string" ? message : expect.stringMatching(message),
          },
        ],
      });
    }
  });

  it("reports every problem of one line", () => {
    const parsed = parseEventLine(
      line({ effective: "2021-02-30", sources: [], data: { court: undefined } }),
      FILE,
      4,
    );

    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((issue) => issue.field).sort()).toEqual([
      "data.court",
      "effective",
      "sources",
    ]);
    expect(parsed.issues.every((issue) => issue.file === FILE && issue.line === 4)).toBe(true);
  });
});
