import { describe, expect, it } from "vitest";
import { formatLogIssue, LogError } from "../../src/store/logError.js";

const FILE = "events/dod-1237/xiaomi.jsonl";

describe("formatLogIssue", () => {
  it('writes file:line: field "x": message', () => {
    expect(formatLogIssue({ file: FILE, line: 3, field: "effective", message: "bad" })).toBe(
      `${FILE}:3: field "effective": bad`,
    );
  });

  it("leaves out what the issue does not know", () => {
    expect(formatLogIssue({ file: FILE, line: 3, message: "malformed JSON" })).toBe(
      `${FILE}:3: malformed JSON`,
    );
    expect(formatLogIssue({ file: FILE, field: "stream", message: "odd" })).toBe(
      `${FILE}: field "stream": odd`,
    );
    expect(formatLogIssue({ file: "events", message: "no such events folder" })).toBe(
      "events: no such events folder",
    );
  });
});

describe("LogError", () => {
  it("keeps every issue and lists them one per line in its message", () => {
    const issues = [
      { file: FILE, line: 1, field: "seq", message: "is 2, expected 1" },
      { file: FILE, line: 4, message: "empty line" },
    ];

    const error = new LogError(issues);

    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("LogError");
    expect(error.issues).toEqual(issues);
    expect(error.message).toBe(`${FILE}:1: field "seq": is 2, expected 1\n${FILE}:4: empty line`);
  });
});
