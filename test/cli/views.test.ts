import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, removeDir } from "../store/support/logFixtures.js";
import { appendAll, COURT } from "./support/drafts.js";
import { xiaomiEventsDir } from "./support/eventsDirs.js";
import { crashLines, runCli, tableRows } from "./support/runCli.js";

const dirs: string[] = [];

afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

const SOURCE = "https://example.org/erratum";

const CHALLENGED = {
  program: "dod-1237",
  status: "challenged",
  enforceable: true,
  since: "2021-01-29",
  event: { id: "xiaomi-dod-1237-0002", type: "ChallengeFiled", effective: "2021-01-29" },
};
const ENJOINED_AS_LOGGED = {
  program: "dod-1237",
  status: "enjoined",
  enforceable: false,
  since: "2021-03-12",
  event: { id: "xiaomi-dod-1237-0006", type: "InjunctionGranted", effective: "2021-03-12" },
};
const ENJOINED_AS_CORRECTED = {
  program: "dod-1237",
  status: "enjoined",
  enforceable: false,
  since: "2021-03-10",
  event: { id: "xiaomi-dod-1237-0006", type: "InjunctionGranted", effective: "2021-03-10" },
};
const VACATED = {
  program: "dod-1237",
  status: "vacated",
  enforceable: false,
  since: "2021-05-25",
  event: { id: "xiaomi-dod-1237-0011", type: "DesignationVacated", effective: "2021-05-25" },
};
const SETTLED = {
  program: "dod-1237",
  status: "settled",
  enforceable: false,
  since: "2021-05-11",
  event: { id: "xiaomi-dod-1237-0009", type: "SettlementReached", effective: "2021-05-11" },
};

/*
 * Xiaomi's effects under EO 13959 (as amended), worked out by hand: listed 2021-01-14, so the
 * divestment window is due from that day and the purchase ban from 2021-01-14 + 60 = 2021-03-15,
 * until the vacatur (2021-05-25) or, with the vacatur retracted, the end of the regime on
 * 2021-06-03 (the holding ban, from 2022-01-14, never comes due). Each is in force while the
 * designation is enforceable and suspended from the injunction on (the settlement keeps it).
 */
const DIVESTMENT_RULE = {
  rule: "eo13959-divestment-window",
  citation: {
    instrument: "EO 13959 as amended by EO 13974",
    section: "sec. 1(c)",
    date: "2021-01-13",
  },
};
const PURCHASE_BAN_RULE = {
  rule: "eo13959-purchase-ban",
  citation: { instrument: "EO 13959", section: "sec. 1(a)(ii)", date: "2020-11-12" },
};
const divestmentWindow = (from: string, to: string) => ({
  kind: "divestment-window",
  from,
  to,
  inForce: true,
  ...DIVESTMENT_RULE,
});
const purchaseBan = (from: string, to: string) => ({
  kind: "purchase-ban",
  from,
  to,
  inForce: true,
  ...PURCHASE_BAN_RULE,
});
const suspended = <T extends object>(effect: T, by: { event: object }) => ({
  ...effect,
  inForce: false,
  suspendedBy: by.event,
});

/** One millisecond before an ISO instant, as an ISO instant. */
function justBefore(instant: string): string {
  return new Date(Date.parse(instant) - 1).toISOString();
}

async function statusJson(events: string, args: string[]): Promise<unknown> {
  const result = await runCli(["status", "xiaomi", "--json", "--events", events, ...args]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe("--known-at and --recorded-at on a corrected and a retracted fact", () => {
  /**
   * Xiaomi's log, then: the injunction (effective 2021-03-12) corrected to 2021-03-10, known on
   * 2021-06-01; the vacatur retracted, known on 2022-01-01.
   */
  let events: string;
  let correctionRecorded: string;
  let retractionRecorded: string;

  beforeAll(async () => {
    events = xiaomiEventsDir().dir;
    dirs.push(events);
    const correction = await runCli([
      ...["correct", "xiaomi-dod-1237-0006", "--effective", "2021-03-10", "--known", "2021-06-01"],
      ...["--source", SOURCE, "--json", "--events", events],
    ]);
    expect(correction.code).toBe(0);
    correctionRecorded = (JSON.parse(correction.stdout) as { event: { recorded: string } }).event
      .recorded;
    const retraction = await runCli([
      ...["retract", "xiaomi-dod-1237-0011", "--known", "2022-01-01"],
      ...["--source", SOURCE, "--json", "--events", events],
    ]);
    expect(retraction.code).toBe(0);
    retractionRecorded = (JSON.parse(retraction.stdout) as { event: { recorded: string } }).event
      .recorded;
  });

  it("a fact corrected later answers the old way --known-at a date before the correction", async () => {
    const text = await runCli([
      ...["status", "xiaomi", "--at", "2021-03-11", "--known-at", "2021-05-31"],
      ...["--events", events],
    ]);
    const json = await statusJson(events, ["--at", "2021-03-11", "--known-at", "2021-05-31"]);
    const enjoined = await statusJson(events, ["--at", "2021-03-12", "--known-at", "2021-05-31"]);

    expect(text.stderr).toBe("");
    expect(text.code).toBe(0);
    expect(tableRows(text.stdout)).toEqual([
      ["xiaomi on 2021-03-11, as known on 2021-05-31"],
      ["program", "status", "enforceable", "since", "because of"],
      ["dod-1237", "challenged", "yes", "2021-01-29", "ChallengeFiled xiaomi-dod-1237-0002"],
      ["effects on 2021-03-11: divestment-window in force"],
    ]);
    expect(json).toStrictEqual({
      company: "xiaomi",
      at: "2021-03-11",
      knownAt: "2021-05-31",
      streams: [{ ...CHALLENGED, effects: [divestmentWindow("2021-01-14", "2021-03-12")] }],
    });
    // The purchase ban is not due until 2021-03-15.
    expect(enjoined).toStrictEqual({
      company: "xiaomi",
      at: "2021-03-12",
      knownAt: "2021-05-31",
      streams: [
        {
          ...ENJOINED_AS_LOGGED,
          effects: [suspended(divestmentWindow("2021-03-12", "2021-05-25"), ENJOINED_AS_LOGGED)],
        },
      ],
    });
  });

  it("and the new way --known-at the day of the correction and after, and with no view", async () => {
    const text = await runCli([
      ...["status", "xiaomi", "--at", "2021-03-11", "--known-at", "2021-06-01"],
      ...["--events", events],
    ]);
    const known = await statusJson(events, ["--at", "2021-03-11", "--known-at", "2021-06-01"]);
    const now = await statusJson(events, ["--at", "2021-03-11"]);

    expect(tableRows(text.stdout)).toEqual([
      ["xiaomi on 2021-03-11, as known on 2021-06-01"],
      ["program", "status", "enforceable", "since", "because of"],
      ["dod-1237", "enjoined", "no", "2021-03-10", "InjunctionGranted xiaomi-dod-1237-0006"],
      [
        "effects on 2021-03-11: divestment-window suspended (InjunctionGranted xiaomi-dod-1237-0006)",
      ],
    ]);
    // Known on 2021-06-01, the vacatur still ends the window on 2021-05-25.
    expect(known).toStrictEqual({
      company: "xiaomi",
      at: "2021-03-11",
      knownAt: "2021-06-01",
      streams: [
        {
          ...ENJOINED_AS_CORRECTED,
          effects: [suspended(divestmentWindow("2021-03-10", "2021-05-25"), ENJOINED_AS_CORRECTED)],
        },
      ],
    });
    // No view: no "knownAt" key at all; the vacatur is retracted, so the regime's end ends it.
    expect(now).toStrictEqual({
      company: "xiaomi",
      at: "2021-03-11",
      streams: [
        {
          ...ENJOINED_AS_CORRECTED,
          effects: [suspended(divestmentWindow("2021-03-10", "2021-06-03"), ENJOINED_AS_CORRECTED)],
        },
      ],
    });
  });

  it("a retracted event is in answers known before the retraction, and gone from those after", async () => {
    const before = await statusJson(events, ["--at", "2023-01-01", "--known-at", "2021-12-31"]);
    const on = await statusJson(events, ["--at", "2023-01-01", "--known-at", "2022-01-01"]);
    const now = await statusJson(events, ["--at", "2023-01-01"]);

    // No effects either way in 2023: vacated, or still listed but past the regime's end (2021-06-03).
    expect(before).toStrictEqual({
      company: "xiaomi",
      at: "2023-01-01",
      knownAt: "2021-12-31",
      streams: [{ ...VACATED, effects: [] }],
    });
    expect(on).toStrictEqual({
      company: "xiaomi",
      at: "2023-01-01",
      knownAt: "2022-01-01",
      streams: [{ ...SETTLED, effects: [] }],
    });
    expect(now).toStrictEqual({
      company: "xiaomi",
      at: "2023-01-01",
      streams: [{ ...SETTLED, effects: [] }],
    });
  });

  it("before any of it was known, only what was public then counts", async () => {
    const early = await statusJson(events, ["--at", "2021-04-01", "--known-at", "2021-03-01"]);

    // Without the injunction, the window and the purchase ban are in force, until the regime ends.
    expect(early).toStrictEqual({
      company: "xiaomi",
      at: "2021-04-01",
      knownAt: "2021-03-01",
      streams: [
        {
          ...CHALLENGED,
          effects: [
            divestmentWindow("2021-01-14", "2021-06-03"),
            purchaseBan("2021-03-15", "2021-06-03"),
          ],
        },
      ],
    });
  });

  it("timeline --known-at shows the intervals as they were known", async () => {
    const result = await runCli([
      ...["timeline", "xiaomi", "--known-at", "2021-05-31", "--json", "--events", events],
    ]);
    const current = await runCli(["timeline", "xiaomi", "--json", "--events", events]);

    expect(result.code).toBe(0);
    type Intervals = { streams: { intervals: { from: string; status: string }[] }[] };
    const known = (JSON.parse(result.stdout) as Intervals).streams[0]?.intervals;
    const now = (JSON.parse(current.stdout) as Intervals).streams[0]?.intervals;
    expect(known?.map((i) => [i.from, i.status])).toEqual([
      ["2021-01-14", "listed"],
      ["2021-01-29", "challenged"],
      ["2021-03-12", "enjoined"],
      ["2021-05-11", "settled"],
      ["2021-05-25", "vacated"],
    ]);
    expect(now?.map((i) => [i.from, i.status])).toEqual([
      ["2021-01-14", "listed"],
      ["2021-01-29", "challenged"],
      ["2021-03-10", "enjoined"],
      ["2021-05-11", "settled"],
    ]);
  });

  it("list --known-at and replay --known-at take the same view", async () => {
    const list = await runCli([
      ...["list", "--at", "2021-03-11", "--known-at", "2021-05-31", "--events", events],
    ]);
    const replay = await runCli([
      "replay",
      "--known-at",
      "2021-05-31",
      "--json",
      "--events",
      events,
    ]);

    expect(tableRows(list.stdout)).toEqual([
      ["Status on 2021-03-11, as known on 2021-05-31"],
      ["company", "program", "status", "enforceable", "since"],
      ["xiaomi", "dod-1237", "challenged", "yes", "2021-01-29"],
    ]);
    expect(replay.code).toBe(0);
    const steps = (JSON.parse(replay.stdout) as { steps: { event: { id: string } }[] }).steps;
    // Known by 2021-05-31: the first eleven events (the twelfth, of 2021-05-26, too), no fixes.
    expect(steps.map((step) => step.event.id)).toEqual(
      Array.from({ length: 12 }, (_, i) => `xiaomi-dod-1237-${String(i + 1).padStart(4, "0")}`),
    );
  });

  it("--recorded-at an instant before the correction was appended answers without it", async () => {
    const before = await statusJson(events, [
      "--at",
      "2021-03-11",
      "--recorded-at",
      justBefore(correctionRecorded),
    ]);
    const at = await statusJson(events, [
      "--at",
      "2021-03-11",
      "--recorded-at",
      correctionRecorded,
    ]);

    expect(before).toStrictEqual({
      company: "xiaomi",
      at: "2021-03-11",
      recordedAt: justBefore(correctionRecorded),
      streams: [{ ...CHALLENGED, effects: [divestmentWindow("2021-01-14", "2021-03-12")] }],
    });
    expect(at).toStrictEqual({
      company: "xiaomi",
      at: "2021-03-11",
      recordedAt: correctionRecorded,
      streams: [
        {
          ...ENJOINED_AS_CORRECTED,
          effects: [suspended(divestmentWindow("2021-03-10", "2021-05-25"), ENJOINED_AS_CORRECTED)],
        },
      ],
    });
  });

  it("--recorded-at before the retraction still has the retracted event", async () => {
    const before = await statusJson(events, [
      "--at",
      "2023-01-01",
      "--recorded-at",
      justBefore(retractionRecorded),
    ]);

    expect(before).toMatchObject({ streams: [{ ...VACATED, effects: [] }] });
  });
});

describe("--recorded-at hides what the log did not hold yet", () => {
  /** acme/dod-1237: listed (recorded 2022-01-10), challenged (2022-02-10), then enjoined by the CLI now. */
  let events: string;
  let injunctionRecorded: string;

  beforeAll(async () => {
    events = makeTempDir("designations-views-");
    dirs.push(events);
    appendAll(
      events,
      "acme/dod-1237",
      [
        ["Listed", "2021-01-14"],
        ["ChallengeFiled", "2021-01-29"],
      ],
      (index) => ["2022-01-10T09:00:00.000Z", "2022-02-10T09:00:00.000Z"][index] ?? "",
    );
    const result = await runCli([
      ...["append", "acme", "dod-1237", "InjunctionGranted", "--effective", "2021-03-12"],
      ...["--data", JSON.stringify({ court: COURT }), "--description", "Enjoined."],
      ...["--source", SOURCE, "--json", "--events", events],
    ]);
    expect(result.code).toBe(0);
    injunctionRecorded = (JSON.parse(result.stdout) as { event: { recorded: string } }).event
      .recorded;
  });

  const statusAt = async (recordedAt: string | undefined) => {
    const view = recordedAt === undefined ? [] : ["--recorded-at", recordedAt];
    const result = await runCli([
      ...["status", "acme", "--at", "2021-04-01", "--json", "--events", events, ...view],
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    return (JSON.parse(result.stdout) as { streams: { status: string }[] }).streams[0]?.status;
  };

  it("answers from each prefix of the log, whatever the zone the instant is written in", async () => {
    expect(await statusAt("2022-01-10T08:59:59.999Z")).toBe("unlisted");
    expect(await statusAt("2022-01-10T09:00:00Z")).toBe("listed");
    // 2022-02-10T09:00:00Z written in UTC+02:00, one second early and on time.
    expect(await statusAt("2022-02-10T10:59:59+02:00")).toBe("listed");
    expect(await statusAt("2022-02-10T11:00:00+02:00")).toBe("challenged");
    expect(await statusAt(justBefore(injunctionRecorded))).toBe("challenged");
    expect(await statusAt(injunctionRecorded)).toBe("enjoined");
    expect(await statusAt(undefined)).toBe("enjoined");
  });
});

describe("month precision", () => {
  /** acme/dod-1237 listed on 2021-01-14, challenged in June 2021 (day unknown), a note in September. */
  let events: string;

  beforeAll(async () => {
    events = makeTempDir("designations-views-");
    dirs.push(events);
    appendAll(events, "acme/dod-1237", [["Listed", "2021-01-14"]]);
    const challenge = await runCli([
      ...["append", "acme", "dod-1237", "ChallengeFiled", "--effective", "2021-06-01"],
      ...["--precision", "month", "--data", JSON.stringify({ court: COURT })],
      ...["--description", "Sued in June.", "--source", SOURCE, "--events", events],
    ]);
    expect(challenge.code).toBe(0);
    const note = await runCli([
      ...["append", "acme", "dod-1237", "Noted", "--effective", "2021-09-01"],
      ...["--precision", "month", "--data", '{"subject": "hearing"}'],
      ...["--description", "A hearing in September.", "--source", SOURCE, "--events", events],
    ]);
    expect(note.code).toBe(0);
  });

  const status = async (at: string, json: boolean) => {
    const result = await runCli([
      ...["status", "acme", "--at", at, "--events", events, ...(json ? ["--json"] : [])],
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    return result.stdout;
  };

  const CHALLENGED_IN_JUNE = {
    program: "dod-1237",
    status: "challenged",
    enforceable: true,
    since: "2021-06-01",
    event: { id: "acme-dod-1237-0002", type: "ChallengeFiled", effective: "2021-06-01" },
  };
  const NOTE =
    "~ uncertain: an event that month is dated only to the month, so the answer may differ";
  /**
   * Listed 2021-01-14: the window and the purchase ban (from 2021-03-15) are in force until the
   * regime ends on 2021-06-03; the challenge changes neither.
   */
  const EFFECTS: Record<string, { text: string; json: object[] }> = {
    "2021-06-01": {
      text: "purchase-ban, divestment-window in force",
      json: [divestmentWindow("2021-01-14", "2021-06-03"), purchaseBan("2021-03-15", "2021-06-03")],
    },
    "2021-06-20": { text: "none in force", json: [] },
    "2021-06-30": { text: "none in force", json: [] },
  };

  it.concurrent.for(["2021-06-01", "2021-06-20", "2021-06-30"])(
    "a date in that month (%s) is uncertain: ~ in text, uncertain: true in JSON",
    async (at, { expect }) => {
      const text = await status(at, false);
      const json = await status(at, true);

      expect(tableRows(text)).toEqual([
        [`acme on ${at}`],
        ["program", "status", "enforceable", "since", "because of"],
        ["dod-1237", "challenged ~", "yes", "2021-06-01", "ChallengeFiled acme-dod-1237-0002"],
        [`effects on ${at}: ${EFFECTS[at]?.text}`],
        [NOTE],
      ]);
      expect(JSON.parse(json)).toStrictEqual({
        company: "acme",
        at,
        streams: [{ ...CHALLENGED_IN_JUNE, uncertain: true, effects: EFFECTS[at]?.json }],
      });
    },
  );

  it.concurrent.for([
    ["2021-05-31", "listed"],
    ["2021-07-01", "challenged"],
    // A note dated only to the month changes no state: its month is not uncertain.
    ["2021-09-15", "challenged"],
  ])("a date in another month (%s) is not", async ([at, expected], { expect }) => {
    const text = await status(at ?? "", false);
    const json = JSON.parse(await status(at ?? "", true)) as {
      streams: Record<string, unknown>[];
    };

    expect(text).not.toContain("~");
    expect(json.streams).toHaveLength(1);
    expect(json.streams[0]?.status).toBe(expected);
    expect(json.streams[0]).not.toHaveProperty("uncertain");
  });

  it("list marks the uncertain stream, timeline the interval its event opened", async () => {
    const list = await runCli(["list", "--at", "2021-06-20", "--events", events]);
    const timeline = await runCli(["timeline", "acme", "--events", events]);

    expect(tableRows(list.stdout)).toEqual([
      ["Status on 2021-06-20"],
      ["company", "program", "status", "enforceable", "since"],
      ["acme", "dod-1237", "challenged ~", "yes", "2021-06-01"],
      [NOTE],
    ]);
    expect(tableRows(timeline.stdout)).toContainEqual([
      "2021-06-01 ~",
      "...",
      "challenged",
      "yes",
      "ChallengeFiled acme-dod-1237-0002",
    ]);
  });
});

describe("bad --known-at and --recorded-at values exit 2 with a clear message", () => {
  let events: string;

  beforeAll(() => {
    events = xiaomiEventsDir().dir;
    dirs.push(events);
  });

  const CASES = [
    {
      args: ["status", "xiaomi", "--known-at", "2021-02-30"],
      message: '--known-at: "2021-02-30" is not a real calendar date',
    },
    {
      args: ["timeline", "xiaomi", "--known-at", "yesterday"],
      message: '--known-at: "yesterday" is not a date of the form YYYY-MM-DD',
    },
    {
      args: ["list", "--recorded-at", "2026-11-23"],
      message:
        '--recorded-at: "2026-11-23" is not an instant such as 2026-11-23T12:00:00Z (with its zone)',
    },
    {
      args: ["replay", "--recorded-at", "2026-11-23T12:00:00"],
      message:
        '--recorded-at: "2026-11-23T12:00:00" is not an instant such as 2026-11-23T12:00:00Z (with its zone)',
    },
    {
      args: ["status", "xiaomi", "--json", "--recorded-at", "soon"],
      message:
        '--recorded-at: "soon" is not an instant such as 2026-11-23T12:00:00Z (with its zone)',
    },
  ];

  it.concurrent.for(CASES)("$args", async ({ args, message }, { expect }) => {
    const result = await runCli([...args, "--events", events]);

    expect(result.stdout).toBe("");
    expect(crashLines(result.stderr)).toEqual([]);
    expect(result.stderr).toBe(
      `error: ${message}\nRun designations ${args[0] ?? ""} --help for usage.\n`,
    );
    expect(result.code).toBe(2);
  });
});
