import type { IsoDate } from "../isoDate.js";
import { type Citation, dueEffect, type EffectRule, type ProgramRules } from "./effect.js";

/** From this day DoD may not contract directly with an entity on the 1260H list. */
export const DIRECT_CONTRACTING_BAN_DATE: IsoDate = "2026-06-30";

/** From this day DoD may not procure goods or services sourced from such an entity. */
export const PROCUREMENT_BAN_DATE: IsoDate = "2027-06-30";

const SECTION_805: Citation = {
  instrument: "FY2024 NDAA (Pub. L. 118-31)",
  section: "sec. 805",
  date: "2023-12-22",
};

const CONTRACTING_BAN: EffectRule = {
  id: "ndaa2024-805-contracting-ban",
  kind: "dod-contracting-ban",
  summary: `DoD may not enter into a contract directly with an entity on the 1260H list, from ${DIRECT_CONTRACTING_BAN_DATE}`,
  citation: SECTION_805,
};

const PROCUREMENT_BAN: EffectRule = {
  id: "ndaa2024-805-procurement-ban",
  kind: "dod-procurement-ban",
  summary: `DoD may not procure goods or services sourced from an entity on the 1260H list, from ${PROCUREMENT_BAN_DATE}`,
  citation: SECTION_805,
};

/**
 * Section 805 of the FY2024 NDAA, for the DoD 1260H list: DoD contracting bans that hold for as
 * long as the entity is listed, from the later of its listing and the section's start dates. The
 * 1260H list itself carries no securities ban.
 *
 * @example
 * NDAA_FY2024_SECTION_805_RULES.dueEffects("2025-01-06").map((e) => [e.kind, e.from]);
 * // [["dod-contracting-ban", "2026-06-30"], ["dod-procurement-ban", "2027-06-30"]]
 */
export const NDAA_FY2024_SECTION_805_RULES: ProgramRules = {
  rules: [CONTRACTING_BAN, PROCUREMENT_BAN],
  dueEffects(listed) {
    const later = (date: IsoDate) => (listed > date ? listed : date);
    return [
      dueEffect(CONTRACTING_BAN, later(DIRECT_CONTRACTING_BAN_DATE), null),
      dueEffect(PROCUREMENT_BAN, later(PROCUREMENT_BAN_DATE), null),
    ];
  },
};
