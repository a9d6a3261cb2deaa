import { describe, expect, it } from "vitest";
import { NDAA_FY2024_SECTION_805_RULES } from "../../../src/domain/programRules/ndaaFy2024Section805.js";

const due = (listed: string) =>
  NDAA_FY2024_SECTION_805_RULES.dueEffects(listed).map((e) => ({
    kind: e.kind,
    from: e.from,
    to: e.to,
  }));

describe("FY2024 NDAA section 805", () => {
  it("bans direct DoD contracting from 2026-06-30 and procurement from 2027-06-30", () => {
    expect(due("2025-01-06")).toEqual([
      { kind: "dod-contracting-ban", from: "2026-06-30", to: null },
      { kind: "dod-procurement-ban", from: "2027-06-30", to: null },
    ]);
  });

  it("starts a ban on the listing day when the listing comes after its start date", () => {
    expect(due("2026-08-01")).toEqual([
      { kind: "dod-contracting-ban", from: "2026-08-01", to: null },
      { kind: "dod-procurement-ban", from: "2027-06-30", to: null },
    ]);
  });

  it("carries no securities ban", () => {
    const kinds = NDAA_FY2024_SECTION_805_RULES.rules.map((rule) => rule.kind);
    expect(kinds).not.toContain("purchase-ban");
    expect(kinds).not.toContain("holding-ban");
  });
});
