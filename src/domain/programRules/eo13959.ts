import { addDays, type IsoDate } from "../isoDate.js";
import { type Citation, dueEffect, type EffectRule, type ProgramRules } from "./effect.js";

/** The day EO 13959 was signed: companies listed before it are its "first" companies. */
export const EO_13959_DATE: IsoDate = "2020-11-12";

/** The day EO 14032 replaced the regime (and revoked EO 13974). */
export const EO_14032_DATE: IsoDate = "2021-06-03";

const EO_13959: Citation = { instrument: "EO 13959", section: "", date: EO_13959_DATE };
const AS_AMENDED: Citation = {
  instrument: "EO 13959 as amended by EO 13974",
  section: "",
  date: "2021-01-13",
};

const PURCHASE_BAN_FIRST: EffectRule = {
  id: "eo13959-purchase-ban-first",
  kind: "purchase-ban",
  summary:
    "US persons may not buy publicly traded securities of a company listed before the order, from 9:30 a.m. EST on 2021-01-11",
  citation: { ...EO_13959, section: "sec. 1(a)(i)" },
  startTime: "9:30 a.m. EST",
};

const PURCHASE_BAN: EffectRule = {
  id: "eo13959-purchase-ban",
  kind: "purchase-ban",
  summary:
    "US persons may not buy publicly traded securities of a listed company from 60 days after its listing",
  citation: { ...EO_13959, section: "sec. 1(a)(ii)" },
  startTime: "9:30 a.m. ET",
};

const DIVESTMENT_FIRST: EffectRule = {
  id: "eo13959-divestment-window-first",
  kind: "divestment-window",
  summary:
    "sales solely to divest holdings of a company listed before the order are permitted through 11:59 p.m. EST on 2021-11-11",
  citation: { ...AS_AMENDED, section: "sec. 1(b)" },
};

const DIVESTMENT: EffectRule = {
  id: "eo13959-divestment-window",
  kind: "divestment-window",
  summary: "sales solely to divest holdings are permitted until 365 days after the listing",
  citation: { ...AS_AMENDED, section: "sec. 1(c)" },
};

const HOLDING_BAN_FIRST: EffectRule = {
  id: "eo13959-holding-ban-first",
  kind: "holding-ban",
  summary:
    "US persons may not hold securities of a company listed before the order after 11:59 p.m. EST on 2021-11-11",
  citation: { ...AS_AMENDED, section: "sec. 1(b)" },
};

const HOLDING_BAN: EffectRule = {
  id: "eo13959-holding-ban",
  kind: "holding-ban",
  summary: "US persons may not hold securities of a listed company after its divestment window",
  citation: { ...AS_AMENDED, section: "sec. 1(c)" },
};

/**
 * EO 13959 (2020-11-12) as amended by EO 13974 (2021-01-13), for the DoD 1237 list and
 * Treasury's NS-CCMC list, until EO 14032 replaced it on 2021-06-03.
 *
 * Day counts: the purchase ban starts on the listing day + 60 and the divestment window is
 * `[listing, listing + 365)`, its last day listing + 364. This one reading gives every date
 * the orders and OFAC give: 2020-11-12 + 60 = 2021-01-11 and + 365 = 2021-11-12 (last day
 * 2021-11-11, in the order's own words); Xiaomi, 2021-01-14: ban from 2021-03-15. Section 1(c)'s
 * "on or before 365 days from the date of such determination" could also be read as one day
 * longer; we do not take that reading. The holding ban follows the window. Companies listed
 * before the order count from its date.
 *
 * @example
 * EO_13959_RULES.dueEffects("2021-01-14").map((e) => [e.kind, e.from, e.to]);
 * // [["purchase-ban", "2021-03-15", null], ["divestment-window", "2021-01-14", "2022-01-14"],
 * //  ["holding-ban", "2022-01-14", null]]
 */
export const EO_13959_RULES: ProgramRules = {
  rules: [
    PURCHASE_BAN_FIRST,
    PURCHASE_BAN,
    DIVESTMENT_FIRST,
    DIVESTMENT,
    HOLDING_BAN_FIRST,
    HOLDING_BAN,
  ],
  dueEffects(listed) {
    const first = listed < EO_13959_DATE;
    const start = first ? EO_13959_DATE : listed;
    const windowEnd = addDays(start, 365);
    return [
      dueEffect(first ? PURCHASE_BAN_FIRST : PURCHASE_BAN, addDays(start, 60), null),
      dueEffect(first ? DIVESTMENT_FIRST : DIVESTMENT, start, windowEnd),
      dueEffect(first ? HOLDING_BAN_FIRST : HOLDING_BAN, windowEnd, null),
    ];
  },
  regimeEnd: {
    date: EO_14032_DATE,
    citation: {
      instrument: "EO 14032",
      section: "sec. 1 (replacing EO 13959 secs. 1-5)",
      date: EO_14032_DATE,
    },
  },
};
