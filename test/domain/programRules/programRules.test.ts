import { describe, expect, it } from "vitest";
import { isIsoDate } from "../../../src/domain/isoDate.js";
import { EO_13959_RULES } from "../../../src/domain/programRules/eo13959.js";
import { EO_14032_RULES } from "../../../src/domain/programRules/eo14032.js";
import { NDAA_FY2024_SECTION_805_RULES } from "../../../src/domain/programRules/ndaaFy2024Section805.js";
import { allEffectRules, rulesOfProgram } from "../../../src/domain/programRules/programRules.js";

describe("the program registry", () => {
  it("puts the DoD 1237 and NS-CCMC lists under EO 13959, NS-CMIC under EO 14032, 1260H under section 805", () => {
    expect(rulesOfProgram("dod-1237")).toBe(EO_13959_RULES);
    expect(rulesOfProgram("ofac-ns-ccmc")).toBe(EO_13959_RULES);
    expect(rulesOfProgram("ofac-ns-cmic")).toBe(EO_14032_RULES);
    expect(rulesOfProgram("dod-1260h")).toBe(NDAA_FY2024_SECTION_805_RULES);
  });

  it("gives the BIS lists and unknown programs no rules", () => {
    expect(rulesOfProgram("bis-entity-list")).toBeUndefined();
    expect(rulesOfProgram("bis-meu")).toBeUndefined();
    expect(rulesOfProgram("toString")).toBeUndefined();
  });

  it("gives every rule a citation: instrument, section and a real date", () => {
    const rules = allEffectRules();
    expect(rules.length).toBe(14);
    for (const rule of rules) {
      expect(rule.citation.instrument, rule.id).toMatch(/\S/);
      expect(rule.citation.section, rule.id).toMatch(/^sec\. \d/);
      expect(isIsoDate(rule.citation.date), rule.id).toBe(true);
      expect(rule.summary, rule.id).toMatch(/\S/);
    }
  });

  it("gives every rule its own id", () => {
    const ids = allEffectRules().map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("makes every due effect with the kind of its rule", () => {
    for (const rules of [EO_13959_RULES, EO_14032_RULES, NDAA_FY2024_SECTION_805_RULES]) {
      for (const listed of ["2020-06-12", "2021-01-14", "2021-12-16", "2026-08-01"]) {
        for (const effect of rules.dueEffects(listed)) {
          expect(effect.kind).toBe(effect.rule.kind);
          expect(rules.rules).toContain(effect.rule);
          expect(effect.to === null || effect.from < effect.to).toBe(true);
        }
      }
    }
  });
});
