import { describe, expect, it } from "vitest";
import { formatTable } from "../../src/report/formatTable.js";

describe("formatTable", () => {
  it("aligns columns two spaces apart, the header first, with no trailing spaces", () => {
    expect(
      formatTable(
        ["program", "status"],
        [
          ["dod-1237", "enjoined"],
          ["x", ""],
        ],
      ),
    ).toBe("program   status\ndod-1237  enjoined\nx");
  });

  it("takes a million rows (a replay of a million events) without running out of stack", () => {
    const rows = Array.from({ length: 1_000_000 }, (_, i) => [String(i), "listed"]);
    const table = formatTable(["n", "status"], rows);
    expect(table.split("\n")).toHaveLength(1_000_001);
    expect(table.split("\n")[1]).toBe("0       listed");
  });
});
