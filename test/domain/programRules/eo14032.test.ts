import { describe, expect, it } from "vitest";
import { addDays } from "../../../src/domain/isoDate.js";
import { EO_14032_RULES } from "../../../src/domain/programRules/eo14032.js";

const due = (listed: string) =>
  EO_14032_RULES.dueEffects(listed).map((e) => ({ kind: e.kind, from: e.from, to: e.to }));

describe("EO 14032", () => {
  it("bans purchases of the annex companies from 12:01 a.m. EDT on 2021-08-02", () => {
    expect(due("2021-06-03")).toEqual([
      { kind: "purchase-ban", from: "2021-08-02", to: null },
      { kind: "divestment-window", from: "2021-06-03", to: "2022-06-03" },
      { kind: "holding-ban", from: "2022-06-03", to: null },
    ]);
    const [ban, window] = EO_14032_RULES.dueEffects("2021-06-03");
    expect(ban?.rule.startTime).toBe("12:01 a.m. EDT");
    expect(window?.rule.endTime).toBe("12:01 a.m. EDT");
  });

  it("gives a company listed on 2021-12-16 a ban from 2022-02-14 and a window whose last day is 2022-12-15", () => {
    expect(due("2021-12-16")).toEqual([
      { kind: "purchase-ban", from: "2022-02-14", to: null },
      { kind: "divestment-window", from: "2021-12-16", to: "2022-12-16" },
      { kind: "holding-ban", from: "2022-12-16", to: null },
    ]);
    const window = EO_14032_RULES.dueEffects("2021-12-16")[1];
    expect(addDays(window?.to ?? "", -1)).toBe("2022-12-15");
    // No time of day is given for later additions.
    expect(window?.rule.endTime).toBeUndefined();
  });

  it("uses the same day count as EO 13959: listing + 60 and listing + 365", () => {
    for (const listed of ["2021-06-03", "2021-12-16", "2024-02-29"]) {
      const [ban, window, holding] = EO_14032_RULES.dueEffects(listed);
      expect(ban?.from).toBe(addDays(listed, 60));
      expect(window?.to).toBe(addDays(listed, 365));
      expect(holding?.from).toBe(window?.to);
    }
  });

  it("has no end of regime", () => {
    expect(EO_14032_RULES.regimeEnd).toBeUndefined();
  });
});
