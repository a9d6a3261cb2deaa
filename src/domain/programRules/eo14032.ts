import { addDays, type IsoDate } from "../isoDate.js";
import { type Citation, dueEffect, type EffectRule, type ProgramRules } from "./effect.js";

/** The day EO 14032 was signed: the companies of its annex are listed on it. */
export const EO_14032_ANNEX_DATE: IsoDate = "2021-06-03";

const EO_14032: Citation = {
  instrument: "EO 14032",
  section: "sec. 1 (EO 13959 sec. 1 as replaced)",
  date: EO_14032_ANNEX_DATE,
};

const PURCHASE_BAN_ANNEX: EffectRule = {
  id: "eo14032-purchase-ban-annex",
  kind: "purchase-ban",
  summary:
    "US persons may not buy or sell publicly traded securities of a company in the order's annex, from 12:01 a.m. EDT on 2021-08-02",
  citation: EO_14032,
  startTime: "12:01 a.m. EDT",
};

const PURCHASE_BAN: EffectRule = {
  id: "eo14032-purchase-ban",
  kind: "purchase-ban",
  summary:
    "US persons may not buy or sell publicly traded securities of a listed company from 60 days after its listing",
  citation: EO_14032,
};

const DIVESTMENT_ANNEX: EffectRule = {
  id: "eo14032-divestment-window-annex",
  kind: "divestment-window",
  summary:
    "sales solely to divest holdings of a company in the order's annex are permitted until 12:01 a.m. EDT on 2022-06-03",
  citation: EO_14032,
  endTime: "12:01 a.m. EDT",
};

const DIVESTMENT: EffectRule = {
  id: "eo14032-divestment-window",
  kind: "divestment-window",
  summary: "sales solely to divest holdings are permitted for 365 days after the listing",
  citation: EO_14032,
};

const HOLDING_BAN_ANNEX: EffectRule = {
  id: "eo14032-holding-ban-annex",
  kind: "holding-ban",
  summary:
    "after the divestment window no sale to divest is permitted: holdings of a company in the order's annex may no longer be kept or sold (modelled as a holding ban)",
  citation: EO_14032,
  startTime: "12:01 a.m. EDT",
};

const HOLDING_BAN: EffectRule = {
  id: "eo14032-holding-ban",
  kind: "holding-ban",
  summary:
    "after the divestment window no sale to divest is permitted: holdings may no longer be kept or sold (modelled as a holding ban)",
  citation: EO_14032,
};

/**
 * EO 14032 (2021-06-03), for Treasury's NS-CMIC list. The order prohibits purchases and sales
 * and permits sales to divest during a window; unlike EO 13974 it does not prohibit possession
 * in words. After the window a holder may neither sell nor buy, and holding is not permitted in
 * Treasury's reading: we model that as a holding ban from the window's end.
 *
 * Day counts, as for EO 13959: the ban starts on the listing day + 60 and the window is
 * `[listing, listing + 365)`. For the annex (listed 2021-06-03) this gives the order's own dates,
 * 2021-08-02 and 2022-06-03; for a company listed 2021-12-16, Treasury's 2022-02-14 and a last
 * day of 2022-12-15. A company on the list before the order's date counts from it.
 *
 * @example
 * EO_14032_RULES.dueEffects("2021-12-16").map((e) => [e.kind, e.from, e.to]);
 * // [["purchase-ban", "2022-02-14", null], ["divestment-window", "2021-12-16", "2022-12-16"],
 * //  ["holding-ban", "2022-12-16", null]]
 */
export const EO_14032_RULES: ProgramRules = {
  rules: [
    PURCHASE_BAN_ANNEX,
    PURCHASE_BAN,
    DIVESTMENT_ANNEX,
    DIVESTMENT,
    HOLDING_BAN_ANNEX,
    HOLDING_BAN,
  ],
  dueEffects(listed) {
    const annex = listed <= EO_14032_ANNEX_DATE;
    const start = annex ? EO_14032_ANNEX_DATE : listed;
    const windowEnd = addDays(start, 365);
    return [
      dueEffect(annex ? PURCHASE_BAN_ANNEX : PURCHASE_BAN, addDays(start, 60), null),
      dueEffect(annex ? DIVESTMENT_ANNEX : DIVESTMENT, start, windowEnd),
      dueEffect(annex ? HOLDING_BAN_ANNEX : HOLDING_BAN, windowEnd, null),
    ];
  },
};
