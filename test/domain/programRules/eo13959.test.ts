import { describe, expect, it } from "vitest";
import { addDays } from "../../../src/domain/isoDate.js";
import { EO_13959_RULES } from "../../../src/domain/programRules/eo13959.js";

const due = (listed: string) =>
  EO_13959_RULES.dueEffects(listed).map((e) => ({ kind: e.kind, from: e.from, to: e.to }));

describe("EO 13959 as amended by EO 13974", () => {
  it("bans purchases of the first companies (listed before 2020-11-12) from 9:30 a.m. EST on 2021-01-11", () => {
    const [ban] = EO_13959_RULES.dueEffects("2020-06-12");
    expect(ban?.kind).toBe("purchase-ban");
    expect(ban?.from).toBe("2021-01-11");
    expect(ban?.rule.startTime).toBe("9:30 a.m. EST");
    expect(ban?.rule.citation).toEqual({
      instrument: "EO 13959",
      section: "sec. 1(a)(i)",
      date: "2020-11-12",
    });
  });

  it("lets the first companies' holders divest through 2021-11-11, then bans holding", () => {
    expect(due("2020-06-12")).toEqual([
      { kind: "purchase-ban", from: "2021-01-11", to: null },
      { kind: "divestment-window", from: "2020-11-12", to: "2021-11-12" },
      { kind: "holding-ban", from: "2021-11-12", to: null },
    ]);
  });

  it("counts a later listing's clocks from the listing: Xiaomi, 2021-01-14", () => {
    expect(due("2021-01-14")).toEqual([
      { kind: "purchase-ban", from: "2021-03-15", to: null },
      { kind: "divestment-window", from: "2021-01-14", to: "2022-01-14" },
      { kind: "holding-ban", from: "2022-01-14", to: null },
    ]);
    expect(EO_13959_RULES.dueEffects("2021-01-14")[0]?.rule.startTime).toBe("9:30 a.m. ET");
  });

  it("restarts the clocks on Luokung's corrected listing of 2021-03-09", () => {
    expect(due("2021-03-09")).toEqual([
      { kind: "purchase-ban", from: "2021-05-08", to: null },
      { kind: "divestment-window", from: "2021-03-09", to: "2022-03-09" },
      { kind: "holding-ban", from: "2022-03-09", to: null },
    ]);
  });

  it("takes one day count: ban from listing + 60, window [listing, listing + 365)", () => {
    // The reading pinned here: the window's last whole day is listing + 364 (for the first
    // companies, 2021-11-11, the order's own date).
    for (const listed of ["2020-11-12", "2021-01-14", "2021-03-09", "2021-02-28"]) {
      const [ban, window] = EO_13959_RULES.dueEffects(listed);
      expect(ban?.from).toBe(addDays(listed, 60));
      expect(window?.to).toBe(addDays(listed, 365));
    }
    expect(addDays(EO_13959_RULES.dueEffects("2020-06-12")[1]?.to ?? "", -1)).toBe("2021-11-11");
  });

  it("ends with EO 14032 on 2021-06-03, with a citation", () => {
    expect(EO_13959_RULES.regimeEnd?.date).toBe("2021-06-03");
    expect(EO_13959_RULES.regimeEnd?.citation.instrument).toBe("EO 14032");
  });

  it("cites EO 13974's amendment for divestment and holding", () => {
    const [, window, holding] = EO_13959_RULES.dueEffects("2021-01-14");
    expect(window?.rule.citation).toEqual({
      instrument: "EO 13959 as amended by EO 13974",
      section: "sec. 1(c)",
      date: "2021-01-13",
    });
    expect(holding?.rule.citation.date).toBe("2021-01-13");
  });
});
