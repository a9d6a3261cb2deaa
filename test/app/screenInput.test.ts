import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type ScreenItem, screenRows } from "../../src/app/screenInput.js";
import { makeTempDir } from "../store/support/logFixtures.js";

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fileWith(name: string, text: string): string {
  const dir = makeTempDir("designations-screen-input-");
  temps.push(dir);
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const DEFAULTS = { at: "2026-11-30" };

describe("screenRows", () => {
  it("reads a CSV longer than one chunk, with a quoted line break across the chunks, in order and with each row's line", () => {
    const rows = ["security,trade_date,side"];
    for (let i = 1; i <= 30_000; i++) {
      // A multi-line cell every thousand rows: the lines run ahead of the rows.
      rows.push(
        i % 1000 === 0
          ? `"ACME INDUSTRIAL HOLDINGS ${i}\nSECOND LINE",2021-01-01,buy`
          : `ACME INDUSTRIAL HOLDINGS ${i},2021-01-01,buy`,
      );
    }
    const file = fileWith("long.csv", `\uFEFF${rows.join("\r\n")}\r\n`);
    let bytes = 0;
    const read = [...screenRows({ file }, "csv", {}, DEFAULTS, (n) => (bytes += n))];
    expect(bytes).toBeGreaterThan(1 << 20);
    expect(read).toHaveLength(30_000);
    const all = read.map((item) => {
      if (item.row === undefined) throw new Error(item.issue.message);
      return item.row;
    });
    expect(all.map((row) => row.row)).toEqual(Array.from({ length: 30_000 }, (_, i) => i + 1));
    expect(all[998]).toMatchObject({ name: "ACME INDUSTRIAL HOLDINGS 999", line: 1000 });
    expect(all[999]).toMatchObject({
      name: "ACME INDUSTRIAL HOLDINGS 1000\nSECOND LINE",
      line: 1002,
    });
    expect(all[29_999]?.line).toBe(30_031);
    expect(all[0]).toMatchObject({ date: "2021-01-01", dateFrom: "row", action: "buy" });
  });

  it("JSON Lines: each line's own fields, found anew when they differ; a line without a company is its issue", () => {
    const file = fileWith(
      "rows.jsonl",
      [
        '{"name": "A", "date": "2021-01-01"}',
        '{"issuer": "B", "trade_date": "2022-02-02", "side": "S"}',
        "",
        '{"quantity": 5}',
        "[1, 2]",
      ].join("\n"),
    );
    const read = [...screenRows({ file }, "jsonl", {}, { at: "2026-11-30", action: "hold" })];
    expect(
      read.map((item: ScreenItem) =>
        item.row ? [item.row.name, item.row.date, item.row.action] : item.issue.line,
      ),
    ).toEqual([["A", "2021-01-01", "hold"], ["B", "2022-02-02", "sell"], 4, 5]);
    const messages = read.map((item) => (item.row === undefined ? item.issue.message : ""));
    expect(messages[2]).toMatch(/no column names the company/);
    expect(messages[3]).toBe("is not a JSON object with the row's fields");
  });

  it("a row's date defaults to --at and says so; an empty company cell is the row's issue", () => {
    const read = [
      ...screenRows(
        { file: "request", text: "company,date\nXIAOMI,\n,2021-01-01\n" },
        "csv",
        {},
        DEFAULTS,
      ),
    ];
    expect(read[0]?.row).toMatchObject({ date: "2026-11-30", dateFrom: "default" });
    const second = read[1];
    expect(second !== undefined && second.row === undefined ? second.issue : undefined).toEqual({
      file: "request",
      line: 3,
      field: "company",
      message: "is empty: the row names no company",
    });
  });
});
