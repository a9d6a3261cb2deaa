import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCellsText, csvRecords, neutralised, toCsv } from "../../src/export/csvExport.js";

const TRICKY = 'He said "no, never",\nthen left;\r\nand a lone \r too';

/** The text with every quoted field removed: what is left are the separators and line ends. */
function outsideQuotes(text: string): string {
  return text.replace(/"(?:[^"]|"")*"/g, "");
}

describe("toCsv", () => {
  const rows = [
    { name: "plain", note: TRICKY, count: 3, flag: true, until: null },
    { name: "second", note: "", count: 0, flag: false, until: "2021-05-25" },
  ];
  const text = toCsv(rows, ["name", "note", "count", "flag", "until"]);

  it("writes a header row, then the rows, cells in the order of the columns", () => {
    expect(text.split("\r\n")[0]).toBe("name,note,count,flag,until");
    expect(text.endsWith("second,,0,false,2021-05-25\r\n")).toBe(true);
  });

  it("round-trips commas, quotes and line breaks through a CSV parser", () => {
    const parsed: Record<string, string>[] = parse(text, { columns: true });
    expect(parsed).toEqual([
      { name: "plain", note: TRICKY, count: "3", flag: "true", until: "" },
      { name: "second", note: "", count: "0", flag: "false", until: "2021-05-25" },
    ]);
  });

  it("quotes a field only when it must, doubling its quotes", () => {
    expect(text).toContain(`"He said ""no, never"",\nthen left;`);
    expect(text).toContain("\r\nplain,");
  });

  it("ends every record, the last too, with CRLF", () => {
    const separators = outsideQuotes(text);
    expect(separators.match(/\r\n/g)).toHaveLength(3);
    expect(separators.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("writes the header alone when there are no rows", () => {
    expect(toCsv<{ a: string; b: number }>([], ["a", "b"])).toBe("a,b\r\n");
  });
});

describe("neutralised", () => {
  it("puts a ' before text that starts a formula: =, +, -, @, tab, CR", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(neutralised(`${start}1+1`)).toBe(`'${start}1+1`);
    }
  });

  it("leaves other text as it is, a formula character inside it too", () => {
    for (const text of ["2021-01-14", "a=b", " =1", "", "'=1"])
      expect(neutralised(text)).toBe(text);
  });

  it("is what toCsv does to text cells unless raw, never to numbers", () => {
    const rows = [{ a: "=1+1", b: -5 }];
    expect(toCsv(rows, ["a", "b"])).toBe("a,b\r\n'=1+1,-5\r\n");
    expect(toCsv(rows, ["a", "b"], { raw: true })).toBe("a,b\r\n=1+1,-5\r\n");
  });
});

describe("csvCellsText", () => {
  it("writes a record's cells exactly as csv-stringify does (csvRecords), raw or not", () => {
    // Cells made mostly of the characters that matter: quotes, commas, line breaks, formula starts.
    const cell = fc.string({
      unit: fc.constantFrom("a", " ", '"', ",", "\r", "\n", "=", "+", "-", "@", "\t", "é", "'"),
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(cell, fc.string()), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (cells, raw) => {
          expect(csvCellsText(cells, { raw })).toBe(csvRecords([cells], { raw }).slice(0, -2));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it("quotes a cell with a comma, a quote or a line break, and neutralises a formula", () => {
    expect(csvCellsText(["a,b", 'say "x"', "line\nbreak", "=1+1", "plain"])).toBe(
      '"a,b","say ""x""","line\nbreak",\'=1+1,plain',
    );
  });
});
