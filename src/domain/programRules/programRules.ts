import type { EffectRule, ProgramRules } from "./effect.js";
import { EO_13959_RULES } from "./eo13959.js";
import { EO_14032_RULES } from "./eo14032.js";
import { NDAA_FY2024_SECTION_805_RULES } from "./ndaaFy2024Section805.js";

/**
 * Which instrument's rules apply to which program: the one place that names programs. Programs
 * not here (the BIS Entity List, the BIS MEU list) have no modelled effects.
 */
const RULES_BY_PROGRAM: Readonly<Record<string, ProgramRules>> = {
  "dod-1237": EO_13959_RULES,
  "ofac-ns-ccmc": EO_13959_RULES,
  "ofac-ns-cmic": EO_14032_RULES,
  "dod-1260h": NDAA_FY2024_SECTION_805_RULES,
};

/**
 * The rules a program's listings are under, or `undefined` for a program with none.
 *
 * @example
 * rulesOfProgram("ofac-ns-cmic") === EO_14032_RULES; // true
 * rulesOfProgram("bis-meu"); // undefined
 */
export function rulesOfProgram(program: string): ProgramRules | undefined {
  return Object.hasOwn(RULES_BY_PROGRAM, program) ? RULES_BY_PROGRAM[program] : undefined;
}

/**
 * Every rule of every instrument, once each.
 *
 * @example
 * allEffectRules().every((rule) => rule.citation.instrument !== ""); // true
 */
export function allEffectRules(): EffectRule[] {
  const all = Object.values(RULES_BY_PROGRAM).flatMap((rules) => rules.rules);
  return [...new Set(all)];
}
