import { describe, expect, it } from "vitest";
import {
  AppendRejectedError,
  ConcurrencyError,
  StreamNeedsRepairError,
} from "../../src/store/appendErrors.js";

const FILE = "events/dod-1237/acme.jsonl";

describe("ConcurrencyError", () => {
  it("carries the stream and both seqs, and says to read again", () => {
    const error = new ConcurrencyError("acme/dod-1237", 3, 4);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: "ConcurrencyError",
      stream: "acme/dod-1237",
      expectedSeq: 3,
      actualSeq: 4,
    });
    expect(error.message).toBe(
      "concurrency conflict on acme/dod-1237: expected its last seq to be 3, but it is 4. Read the stream again and retry",
    );
  });
});

describe("AppendRejectedError", () => {
  it("names the field when there is one", () => {
    const error = new AppendRejectedError("acme/dod-1237", "must not be empty", "data.court");
    expect(error).toMatchObject({ name: "AppendRejectedError", field: "data.court" });
    expect(error.message).toBe(
      'rejected, nothing written to acme/dod-1237: field "data.court": must not be empty',
    );
  });

  it("says only the reason when there is no field", () => {
    const error = new AppendRejectedError("acme/dod-1237", "invalid history");
    expect(error.field).toBeUndefined();
    expect(error.message).toBe("rejected, nothing written to acme/dod-1237: invalid history");
  });
});

describe("StreamNeedsRepairError", () => {
  it("lists every issue, one per line, and how to repair", () => {
    const issues = [
      { file: FILE, line: 2, field: "prev", message: "does not match" },
      { file: FILE, line: 4, message: "torn last line" },
    ];
    const error = new StreamNeedsRepairError(FILE, issues);
    expect(error).toMatchObject({ name: "StreamNeedsRepairError", file: FILE, issues });
    expect(error.message.split("\n")).toEqual([
      `refusing to append to ${FILE}, which fails verification:`,
      `${FILE}:2: field "prev": does not match`,
      `${FILE}:4: torn last line`,
      "Repair the file first (restore it from version control, or for a torn last line remove that line as shown), then run designations verify.",
    ]);
  });
});
