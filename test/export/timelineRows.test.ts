import { describe, expect, it } from "vitest";
import { TIMELINE_COLUMNS, timelineRows } from "../../src/export/timelineRows.js";
import { applyCorrections } from "../../src/domain/corrections/applyCorrections.js";
import { foldStream } from "../../src/replay/foldStream.js";
import { fixtureEvent, xiaomiEvents } from "./support/fixtureEvents.js";

const STEPTOE_URL =
  "https://www.steptoeinternationalcomplianceblog.com/2021/03/ofac-faqs-confirm-the-suspension-of-the-restrictions-on-xiaomis-securities-following-district-court-injunction/";

describe("timelineRows", () => {
  it("gives Xiaomi's five intervals, derived by hand from its log", () => {
    const timeline = foldStream("xiaomi/dod-1237", applyCorrections(xiaomiEvents()));
    const row = (
      status: string,
      enforceable: boolean,
      from: string,
      to: string | null,
      seq: string,
      url: string,
    ) => ({
      company: "xiaomi",
      program: "dod-1237",
      status,
      enforceable,
      valid_from: from,
      valid_to: to,
      uncertain: false,
      event_id: `xiaomi-dod-1237-${seq}`,
      known_at: from,
      source_url: url,
    });
    expect(timelineRows([timeline])).toEqual([
      row(
        "listed",
        true,
        "2021-01-14",
        "2021-01-29",
        "0001",
        "https://www.siliconexpert.com/blog/more-china-based-companies-added-to-the-u-s-defense-blacklist/",
      ),
      row(
        "challenged",
        true,
        "2021-01-29",
        "2021-03-12",
        "0002",
        "https://info.5y1.org/1222-meaning-angel_1_59d699.html",
      ),
      row(
        "enjoined",
        false,
        "2021-03-12",
        "2021-05-11",
        "0006",
        "https://law.justia.com/cases/federal/district-courts/district-of-columbia/dcdce/1:2021cv00280/226816/21/",
      ),
      row(
        "settled",
        false,
        "2021-05-11",
        "2021-05-25",
        "0009",
        "https://www.thompsonhinesmartrade.com/2021/05/dod-agrees-to-drop-chinese-company-from-ccmc-list/",
      ),
      row(
        "vacated",
        false,
        "2021-05-25",
        null,
        "0011",
        "https://www.news18.com/news/tech/xiaomi-is-no-longer-on-the-us-blacklist-here-is-what-has-happened-so-far-3777752.html",
      ),
    ]);
  });

  it("has a value for every column, in the order of TIMELINE_COLUMNS", () => {
    const timeline = foldStream("xiaomi/dod-1237", applyCorrections(xiaomiEvents()));
    for (const row of timelineRows([timeline])) {
      expect(Object.keys(row)).toEqual([...TIMELINE_COLUMNS]);
    }
  });

  it("takes known_at and source_url from the opening event as its corrections leave it", () => {
    const stream = "acme/dod-1237";
    const events = [
      fixtureEvent(stream, 1, "Listed", "2021-01-10", {
        known: "2021-01-20",
        sources: [{ publisher: "P", title: "T", url: STEPTOE_URL }],
      }),
      // Dated only to the month: the interval is uncertain, and opens on the 1st.
      fixtureEvent(stream, 2, "ChallengeFiled", "2021-03-01", { precision: "month" }),
      fixtureEvent(stream, 3, "Corrected", "2021-02-01", {
        data: { corrects: "acme-dod-1237-1", effective: "2021-01-14" },
      }),
    ];
    const rows = timelineRows([foldStream(stream, applyCorrections(events))]);
    expect(rows.map((r) => [r.valid_from, r.valid_to, r.known_at, r.uncertain])).toEqual([
      ["2021-01-14", "2021-03-01", "2021-01-20", false],
      ["2021-03-01", null, "2021-03-01", true],
    ]);
    expect(rows[0]?.source_url).toBe(STEPTOE_URL);
    expect(rows[1]?.source_url).toBe("https://example.org/source");
  });

  it("gives no rows for a stream that never left unlisted, and keeps the timelines' order", () => {
    const noted = foldStream(
      "beta/dod-1260h",
      applyCorrections([fixtureEvent("beta/dod-1260h", 1, "Noted", "2021-01-10")]),
    );
    const listed = foldStream(
      "alpha/dod-1260h",
      applyCorrections([fixtureEvent("alpha/dod-1260h", 1, "Listed", "2021-01-10")]),
    );
    const xiaomi = foldStream("xiaomi/dod-1237", applyCorrections(xiaomiEvents()));
    const companies = timelineRows([xiaomi, noted, listed]).map((r) => r.company);
    expect(companies).toEqual(["xiaomi", "xiaomi", "xiaomi", "xiaomi", "xiaomi", "alpha"]);
  });

  it("refuses timelines folded without their steps", () => {
    const light = foldStream("xiaomi/dod-1237", applyCorrections(xiaomiEvents()), {
      keepSteps: false,
    });
    expect(() => timelineRows([light])).toThrow(/no step for event xiaomi-dod-1237-0001/);
  });
});
