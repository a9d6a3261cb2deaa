import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeFileWhole } from "../../src/store/writeFileWhole.js";

const dir = mkdtempSync(join(tmpdir(), "designations-write-whole-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("writeFileWhole", () => {
  it("writes a text larger than one chunk exactly, a surrogate pair across the chunk's end intact", () => {
    const chunk = 1 << 20;
    const text = `${"a".repeat(chunk - 1)}😀${"é".repeat(chunk)}\n`;
    const file = join(dir, "large.html");
    writeFileWhole(file, text);
    expect(readFileSync(file, "utf8")).toBe(text);
    expect(readdirSync(dir)).toEqual(["large.html"]);
  });

  it("writes nothing when it cannot (no such folder), and leaves no temporary file", () => {
    const file = join(dir, "missing", "out.html");
    expect(() => writeFileWhole(file, "text")).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual(["large.html"]);
  });
});
