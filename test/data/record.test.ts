/**
 * Checks on the repository's own log, events/: that it reads and replays whole, that every event
 * is sourced, that the registry and the streams agree, that the fact sheet's companies and
 * programs are all there, and that the answers and statistics of its court cases are the ones the
 * dates give. The lists' membership is checked in listMembership.test.ts.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { companyRegistryIssues, readCompanies } from "../../src/store/readCompanies.js";
import { inspectLog, readLog } from "../../src/store/readLog.js";
import { caseStats } from "../../src/query/caseStats.js";
import { companyStatus } from "../../src/query/companyQueries.js";
import { resolveCompany } from "../../src/query/resolveCompany.js";
import { replayLog, replayLogStrict } from "../../src/replay/replayLog.js";

const EVENTS = fileURLToPath(new URL("../../events", import.meta.url));

const log = readLog(EVENTS);
const timelines = replayLogStrict(log);
const companies = readCompanies(EVENTS);
const logCompanies = [...new Set(log.streams.map((s) => s.company))];

/**
 * Every stream the fact sheet (the shared cases.jsonl, not read here) calls for: one per company
 * and program of its rows, its "(program-wide)" rule milestones aside. Fact-sheet company →
 * id: Xiaomi Corporation → xiaomi; Luokung Technology Corp. → luokung; GOWIN Semiconductor
 * Corporation → gowin; Advanced Micro-Fabrication Equipment Inc. China (AMEC) → amec; IDG Capital
 * Partners Co., Ltd. → idg-capital; Tencent Holdings Ltd. → tencent; Contemporary Amperex
 * Technology Co., Limited (CATL) → catl; ChangXin Memory Technologies (CXMT) → cxmt; Quectel
 * Wireless Solutions → quectel; Autel Robotics → autel-robotics; Beijing Megvii Technology →
 * megvii; China Railway Construction Corporation Limited (CRCC) → crcc; China State Construction
 * Group Co. → china-state-construction; China Telecommunications Corporation →
 * china-telecommunications; Commercial Aircraft Corporation of China (COMAC) → comac; China
 * National Aviation Holding Co. (CNAH) → cnah; Global Tone Communication Technology Co. (GTCOM) →
 * gtcom; Grand China Air Co. (GCAC) → grand-china-air; Beijing Zhongguancun Development
 * Investment Center → zhongguancun-development-investment-center; China National Offshore Oil
 * Corporation (CNOOC) → cnooc; CNOOC Limited → cnooc-limited; Skyrizon → skyrizon; Baidu, Inc. →
 * baidu; BYD Co. Ltd. → byd.
 *
 * Programs: DoD Section 1237 → dod-1237; DoD Section 1260H → dod-1260h; Treasury NS-CCMC →
 * ofac-ns-ccmc; Treasury NS-CMIC → ofac-ns-cmic; Commerce Entity List → bis-entity-list; Commerce
 * Military End-User List → bis-meu. The fact sheet's informational ("other") rows about Treasury's
 * lists for Xiaomi (2021-03-14) and Luokung (2021-01-27, 2021-06-03) are Noted events of their
 * dod-1237 streams, so they add no stream.
 */
const FACT_SHEET_STREAMS = [
  "amec/dod-1237",
  "amec/dod-1260h",
  "autel-robotics/dod-1260h",
  "baidu/dod-1260h",
  "byd/dod-1260h",
  "catl/dod-1260h",
  "china-state-construction/dod-1260h",
  "china-telecommunications/dod-1260h",
  "cnah/dod-1237",
  "cnooc-limited/ofac-ns-ccmc",
  "cnooc/bis-entity-list",
  "cnooc/dod-1237",
  "cnooc/ofac-ns-cmic",
  "comac/dod-1237",
  "crcc/dod-1260h",
  "cxmt/dod-1260h",
  "gowin/dod-1237",
  "grand-china-air/dod-1237",
  "gtcom/dod-1237",
  "idg-capital/dod-1260h",
  "luokung/dod-1237",
  "megvii/dod-1260h",
  "quectel/dod-1260h",
  "skyrizon/bis-meu",
  "tencent/dod-1260h",
  "xiaomi/dod-1237",
  "zhongguancun-development-investment-center/dod-1237",
];

describe("the repository's log reads and replays whole", () => {
  it("reads with no issues", () => {
    expect(inspectLog(EVENTS).issues).toEqual([]);
  });

  it("replays every stream with no invalid history", () => {
    const replay = replayLog(log);
    expect(replay.problems).toEqual([]);
    expect(replay.timelines.map((t) => t.stream)).toEqual(log.streams.map((s) => s.stream));
  });

  it("has 372 company streams with 533 events, and 4 edition streams with the 26 list actions", () => {
    expect(log.streams).toHaveLength(372);
    expect(log.streams.flatMap((s) => s.entries)).toHaveLength(533);
    expect(log.editions.map((s) => s.stream)).toEqual([
      "editions/dod-1237",
      "editions/dod-1260h",
      "editions/ofac-ns-ccmc",
      "editions/ofac-ns-cmic",
    ]);
    expect(log.editions.flatMap((s) => s.entries)).toHaveLength(26);
  });
});

describe("every event of the repository's log", () => {
  const events = [...log.streams, ...log.editions].flatMap((s) =>
    s.entries.map((entry) => ({ file: s.file, ...entry })),
  );

  it("cites at least one source, each with a publisher, a title and an http(s) URL", () => {
    for (const { file, line, event } of events) {
      const where = `${file}:${line}`;
      expect(event.sources.length, where).toBeGreaterThan(0);
      for (const source of event.sources) {
        expect(source.url, where).toMatch(/^https?:\/\/[^\s/]+\.[^\s/]+/);
        expect(source.publisher.trim(), where).not.toBe("");
        expect(source.title.trim(), where).not.toBe("");
      }
    }
  });

  it("says how sure it is and how precise its date is", () => {
    for (const { file, line, event } of events) {
      const where = `${file}:${line}`;
      expect(["high", "medium", "low"], where).toContain(event.confidence);
      expect(["day", "month"], where).toContain(event.precision);
      if (event.precision === "month") expect(event.effective, where).toMatch(/-01$/);
    }
  });
});

describe("the company registry and the log agree", () => {
  it("has an entry for every company of the log", () => {
    expect(companyRegistryIssues(EVENTS, logCompanies)).toEqual([]);
    for (const id of logCompanies) expect(companies.map((c) => c.id)).toContain(id);
  });

  it("has at least one stream for every entry", () => {
    for (const company of companies) expect(logCompanies, company.id).toContain(company.id);
    expect(companies).toHaveLength(240);
    expect(logCompanies).toHaveLength(240);
  });
});

describe("every company and program of the fact sheet is in the log", () => {
  it("has every one of the fact sheet's 27 streams", () => {
    expect(FACT_SHEET_STREAMS).toHaveLength(27);
    expect(log.streams.map((s) => s.stream)).toEqual(expect.arrayContaining(FACT_SHEET_STREAMS));
  });

  it("has its six programs", () => {
    expect([...new Set(log.streams.map((s) => s.program))].sort()).toEqual([
      "bis-entity-list",
      "bis-meu",
      "dod-1237",
      "dod-1260h",
      "ofac-ns-ccmc",
      "ofac-ns-cmic",
    ]);
  });
});

describe("status of Xiaomi, by name and by id", () => {
  const byName = resolveCompany("Xiaomi Corporation", companies, logCompanies);
  const byId = resolveCompany("xiaomi", companies, logCompanies);

  it("resolves the full name and the id to the same company", () => {
    expect(byName).toBe("xiaomi");
    expect(byId).toBe("xiaomi");
  });

  it.each([
    ["2021-01-13", "unlisted", false, null],
    ["2021-01-14", "listed", true, "2021-01-14"],
    ["2021-01-29", "challenged", true, "2021-01-29"],
    ["2021-03-12", "enjoined", false, "2021-03-12"],
    ["2021-04-01", "enjoined", false, "2021-03-12"],
    ["2021-05-11", "settled", false, "2021-05-11"],
    ["2021-05-25", "vacated", false, "2021-05-25"],
    ["2026-11-23", "vacated", false, "2021-05-25"],
  ] as const)("on %s is %s (enforceable: %s)", (date, status, enforceable, since) => {
    const answer = companyStatus(timelines, byName, date);
    expect(companyStatus(timelines, byId, date)).toEqual(answer);
    // The suit was against DoD and the Treasury: the NS-CCMC listing went the same way.
    expect(answer).toHaveLength(2);
    expect(answer[0]).toMatchObject({ stream: "xiaomi/dod-1237", status, enforceable, since });
    expect(answer[1]).toMatchObject({ stream: "xiaomi/ofac-ns-ccmc", status, enforceable, since });
  });
});

/*
 * The case statistics of the fact sheet's streams, derived by hand from the dates of the fact
 * sheet and of the lists' editions (days counted as
 * calendar days from the first date to the second; 2021 is not a leap year, 2024 is):
 *
 * listed → challenged (first Listed → first later ChallengeFiled): 4 cases
 *   xiaomi   2021-01-14 → 2021-01-29: 29 - 14 = 15
 *   luokung  2021-01-14 → 2021-03-04: 17 (rest of Jan) + 28 (Feb) + 4 = 49
 *   gowin    2021-01-14 → 2021-05-21: 17 + 28 + 31 + 30 + 21 = 127
 *   amec     2024-01-31 → 2024-08-14 (dod-1260h): 29 (to 2024-02-29) + 31 + 30 + 31 + 30 + 31 + 14 = 196
 *   sorted 15, 49, 127, 196: min 15, median (49 + 127) / 2 = 88, max 196
 *
 * challenged → injunction decision (ChallengeFiled → InjunctionGranted/Denied): 2 cases
 *   xiaomi   2021-01-29 → 2021-03-12: 2 + 28 + 12 = 42
 *   luokung  2021-03-04 → 2021-05-05: 27 + 30 + 5 = 62
 *   (gowin and amec never had an injunction decision)
 *   min 42, median (42 + 62) / 2 = 52, max 62
 *
 * injunction → settlement or judgment (InjunctionGranted → Settlement/Vacated/Judgment): 1 case
 *   xiaomi   2021-03-12 → 2021-05-11: 19 + 30 + 11 = 60
 *   (luokung's injunction ended in a delisting and a dismissal, neither of which counts)
 *
 * challenged → case closed (ChallengeFiled → Vacated/Judgment/Dismissed): 2 cases
 *   xiaomi   2021-01-29 → 2021-05-25: 2 + 28 + 31 + 30 + 25 = 116 (exact)
 *   luokung  2021-03-04 → June 2021 (dismissal known only to the month, written 2021-06-01):
 *            27 + 30 + 31 + 1 = 89 days to 2021-06-01, 89 + 29 = 118 to 2021-06-30 → 89 to 118
 *   (amec/dod-1260h settled after its delisting: settled is not closed; gowin is pending)
 *   exact only xiaomi: min = median = max = 116, 1 month-precision
 *
 * listed → removed (first Listed → first later Delisted/DesignationVacated): 17 cases
 *   xiaomi   2021-01-14 → 2021-05-25: 17 + 28 + 31 + 30 + 25 = 131 (vacated)
 *   seven 1237 listings of 2021-01-14 ended with the whole list on 2021-06-03 (amec, cnah, comac,
 *            gowin, grand-china-air, gtcom, zhongguancun): 17 + 28 + 31 + 30 + 31 + 3 = 140 each
 *   cnooc-limited/ofac-ns-ccmc 2021-01-08 → 2021-06-03: 23 + 28 + 31 + 30 + 31 + 3 = 146
 *   cnooc/dod-1237 2020-12-03 → 2021-06-03: 28 + 31 + 28 + 31 + 30 + 31 + 3 = 182
 *   amec     2024-01-31 → 2024-12-18 (dod-1260h): 29 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 18 = 322
 *   idg      2024-01-31 → 2024-12-18: 322
 *   megvii   2024-01-31 → 2025-01-06: 322 + 13 (rest of Dec) + 6 = 341
 *   china-state-construction/dod-1260h 2022-10-05 → 2025-01-06 (dropped by the 2025 edition):
 *            365 + 366 (to 2024-10-05) + 26 + 30 + 31 + 6 = 824
 *   crcc and china-telecommunications/dod-1260h 2021-06-03 → 2025-01-06: 365 + 365 + 366 (to
 *            2024-06-03) + 27 + 31 + 31 + 30 + 31 + 30 + 31 + 6 = 1313 each
 *   luokung  2021-01-14 → June 2021 (month): 17 + 28 + 31 + 30 + 31 + 1 = 138 to 2021-06-01,
 *            138 + 29 = 167 to 2021-06-30 → 138 to 167, kept out
 *   16 exact, sorted 131, 140 ×7, 146, 182, 322, 322, 341, 824, 1313, 1313: min 131,
 *   median (140 + 146) / 2 = 143, max 1313
 *
 * outcomes of the 4 challenges (streams with a ChallengeFiled):
 *   xiaomi vacated; luokung delisted (then dismissed); amec/dod-1260h delisted (then settled);
 *   gowin delisted (DoD withdrew the whole 1237 list while its suit was pending)
 *   → vacated 1, delisted 3, judgment for the government 0, dismissed 0, pending 0
 */
describe("case statistics of the repository's log", () => {
  const stats = caseStats(
    replayLogStrict(readLog(EVENTS)).filter((t) => FACT_SHEET_STREAMS.includes(t.stream)),
  );
  const stage = (id: string) => {
    const found = stats.stages.find((s) => s.stage === id);
    if (found === undefined) throw new Error(`no stage ${id}`);
    return found;
  };
  const samples = (id: string) =>
    stage(id)
      .samples.map((s) => `${s.stream} ${s.from} -> ${s.to}: ${s.range[0]}-${s.range[1]}`)
      .sort();

  it.each([
    ["listed-challenged", 4, 0, 15, 88, 196],
    ["challenged-injunction-decision", 2, 0, 42, 52, 62],
    ["injunction-settlement-or-judgment", 1, 0, 60, 60, 60],
    ["challenged-closed", 2, 1, 116, 116, 116],
    ["listed-removed", 17, 1, 131, 143, 1313],
  ])(
    "%s: %i cases, %i month-precision, min %i median %i max %i",
    (id, cases, approx, min, med, max) => {
      expect(stage(id)).toMatchObject({
        cases,
        exact: cases - approx,
        approximate: approx,
        min,
        median: med,
        max,
      });
    },
  );

  it("rests each stage on the dates derived above", () => {
    expect(samples("listed-challenged")).toEqual([
      "amec/dod-1260h 2024-01-31 -> 2024-08-14: 196-196",
      "gowin/dod-1237 2021-01-14 -> 2021-05-21: 127-127",
      "luokung/dod-1237 2021-01-14 -> 2021-03-04: 49-49",
      "xiaomi/dod-1237 2021-01-14 -> 2021-01-29: 15-15",
    ]);
    expect(samples("challenged-injunction-decision")).toEqual([
      "luokung/dod-1237 2021-03-04 -> 2021-05-05: 62-62",
      "xiaomi/dod-1237 2021-01-29 -> 2021-03-12: 42-42",
    ]);
    expect(samples("injunction-settlement-or-judgment")).toEqual([
      "xiaomi/dod-1237 2021-03-12 -> 2021-05-11: 60-60",
    ]);
    expect(samples("challenged-closed")).toEqual([
      "luokung/dod-1237 2021-03-04 -> 2021-06-01: 89-118",
      "xiaomi/dod-1237 2021-01-29 -> 2021-05-25: 116-116",
    ]);
    expect(samples("listed-removed")).toEqual([
      "amec/dod-1237 2021-01-14 -> 2021-06-03: 140-140",
      "amec/dod-1260h 2024-01-31 -> 2024-12-18: 322-322",
      "china-state-construction/dod-1260h 2022-10-05 -> 2025-01-06: 824-824",
      "china-telecommunications/dod-1260h 2021-06-03 -> 2025-01-06: 1313-1313",
      "cnah/dod-1237 2021-01-14 -> 2021-06-03: 140-140",
      "cnooc-limited/ofac-ns-ccmc 2021-01-08 -> 2021-06-03: 146-146",
      "cnooc/dod-1237 2020-12-03 -> 2021-06-03: 182-182",
      "comac/dod-1237 2021-01-14 -> 2021-06-03: 140-140",
      "crcc/dod-1260h 2021-06-03 -> 2025-01-06: 1313-1313",
      "gowin/dod-1237 2021-01-14 -> 2021-06-03: 140-140",
      "grand-china-air/dod-1237 2021-01-14 -> 2021-06-03: 140-140",
      "gtcom/dod-1237 2021-01-14 -> 2021-06-03: 140-140",
      "idg-capital/dod-1260h 2024-01-31 -> 2024-12-18: 322-322",
      "luokung/dod-1237 2021-01-14 -> 2021-06-01: 138-167",
      "megvii/dod-1260h 2024-01-31 -> 2025-01-06: 341-341",
      "xiaomi/dod-1237 2021-01-14 -> 2021-05-25: 131-131",
      "zhongguancun-development-investment-center/dod-1237 2021-01-14 -> 2021-06-03: 140-140",
    ]);
  });

  it("flags only Luokung's month-precision dates as approximate", () => {
    const approximate = stats.stages.flatMap((s) =>
      s.samples
        .filter((sample) => sample.approximate)
        .map((sample) => `${s.stage} ${sample.stream}`),
    );
    expect(approximate).toEqual([
      "challenged-closed luokung/dod-1237",
      "listed-removed luokung/dod-1237",
    ]);
  });

  it("counts the outcomes of the 4 challenges", () => {
    expect(stats.outcomes).toEqual({
      vacated: 1,
      delisted: 3,
      "judgment-for-government": 0,
      dismissed: 0,
      pending: 0,
    });
    expect(stats.cases).toEqual([
      { stream: "amec/dod-1260h", outcome: "delisted" },
      { stream: "gowin/dod-1237", outcome: "delisted" },
      { stream: "luokung/dod-1237", outcome: "delisted" },
      { stream: "xiaomi/dod-1237", outcome: "vacated" },
    ]);
  });
});
