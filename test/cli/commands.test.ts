import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEvent, removeDir, writeStream, XIAOMI_LOG } from "../store/support/logFixtures.js";
import { xiaomiEventsDir } from "./support/eventsDirs.js";
import { runCli, tableRows } from "./support/runCli.js";

/** The Xiaomi log, and a second stream whose events interleave with Xiaomi's by date. */
let events: string;

beforeAll(() => {
  events = xiaomiEventsDir().dir;
  writeStream(events, "dod-1237", "acme", [
    makeEvent("acme/dod-1237", 1, "Listed", "2021-02-01"),
    // Recorded after the listing, effective before it: replay puts it first.
    makeEvent("acme/dod-1237", 2, "Noted", "2021-01-20"),
    makeEvent("acme/dod-1237", 3, "ChallengeFiled", "2021-04-15"),
  ]);
});

afterAll(() => {
  removeDir(events);
});

const XIAOMI_INTERVALS = [
  {
    from: "2021-01-14",
    to: "2021-01-29",
    status: "listed",
    enforceable: true,
    event: { id: "xiaomi-dod-1237-0001", type: "Listed", effective: "2021-01-14" },
  },
  {
    from: "2021-01-29",
    to: "2021-03-12",
    status: "challenged",
    enforceable: true,
    event: { id: "xiaomi-dod-1237-0002", type: "ChallengeFiled", effective: "2021-01-29" },
  },
  {
    from: "2021-03-12",
    to: "2021-05-11",
    status: "enjoined",
    enforceable: false,
    event: { id: "xiaomi-dod-1237-0006", type: "InjunctionGranted", effective: "2021-03-12" },
  },
  {
    from: "2021-05-11",
    to: "2021-05-25",
    status: "settled",
    enforceable: false,
    event: { id: "xiaomi-dod-1237-0009", type: "SettlementReached", effective: "2021-05-11" },
  },
  {
    from: "2021-05-25",
    to: null,
    status: "vacated",
    enforceable: false,
    event: { id: "xiaomi-dod-1237-0011", type: "DesignationVacated", effective: "2021-05-25" },
  },
];

describe("designations timeline", () => {
  it("lists Xiaomi's five intervals [from, to), after the unlisted stretch", async () => {
    const result = await runCli(["timeline", "xiaomi", "--events", events]);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(tableRows(result.stdout)).toEqual([
      ["xiaomi/dod-1237"],
      ["from", "to", "status", "enforceable", "opened by"],
      ["...", "2021-01-14", "unlisted", "no", "-"],
      ["2021-01-14", "2021-01-29", "listed", "yes", "Listed xiaomi-dod-1237-0001"],
      ["2021-01-29", "2021-03-12", "challenged", "yes", "ChallengeFiled xiaomi-dod-1237-0002"],
      ["2021-03-12", "2021-05-11", "enjoined", "no", "InjunctionGranted xiaomi-dod-1237-0006"],
      ["2021-05-11", "2021-05-25", "settled", "no", "SettlementReached xiaomi-dod-1237-0009"],
      ["2021-05-25", "...", "vacated", "no", "DesignationVacated xiaomi-dod-1237-0011"],
    ]);
  });

  it("--json: {company, streams: [{program, intervals: [{from, to, status, enforceable, event}]}]}", async () => {
    const result = await runCli(["timeline", "xiaomi", "--json", "--events", events]);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toStrictEqual({
      company: "xiaomi",
      streams: [{ program: "dod-1237", intervals: XIAOMI_INTERVALS }],
    });
  });
});

describe("designations list", () => {
  it("--at 2021-04-01 --status enjoined lists Xiaomi only", async () => {
    const result = await runCli([
      "list",
      "--at",
      "2021-04-01",
      "--status",
      "enjoined",
      "--events",
      events,
    ]);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(tableRows(result.stdout)).toEqual([
      ["Status on 2021-04-01"],
      ["company", "program", "status", "enforceable", "since"],
      ["xiaomi", "dod-1237", "enjoined", "no", "2021-03-12"],
    ]);
  });

  it("--json: {at, streams: [{company, program, status, enforceable, since, event}]}", async () => {
    const result = await runCli(["list", "--at", "2021-04-01", "--json", "--events", events]);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toStrictEqual({
      at: "2021-04-01",
      streams: [
        {
          company: "acme",
          program: "dod-1237",
          status: "listed",
          enforceable: true,
          since: "2021-02-01",
          event: { id: "acme-dod-1237-1", type: "Listed", effective: "2021-02-01" },
        },
        {
          company: "xiaomi",
          program: "dod-1237",
          status: "enjoined",
          enforceable: false,
          since: "2021-03-12",
          event: { id: "xiaomi-dod-1237-0006", type: "InjunctionGranted", effective: "2021-03-12" },
        },
      ],
    });
  });
});

describe("designations replay", () => {
  it("prints every event of every stream in date order, with status and enforceable before -> after", async () => {
    const result = await runCli(["replay", "--events", events]);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const x = "xiaomi/dod-1237";
    const a = "acme/dod-1237";
    expect(tableRows(result.stdout)).toEqual([
      ["date", "stream", "event", "status", "enforceable"],
      ["2021-01-14", x, "Listed", "unlisted -> listed", "no -> yes"],
      ["2021-01-20", a, "Noted", "unlisted -> unlisted", "no -> no"],
      ["2021-01-29", x, "ChallengeFiled", "listed -> challenged", "yes -> yes"],
      ["2021-02-01", a, "Listed", "unlisted -> listed", "no -> yes"],
      ["2021-02-05", x, "Noted", "challenged -> challenged", "yes -> yes"],
      ["2021-02-17", x, "Noted", "challenged -> challenged", "yes -> yes"],
      ["2021-03-09", x, "Noted", "challenged -> challenged", "yes -> yes"],
      ["2021-03-12", x, "InjunctionGranted", "challenged -> enjoined", "yes -> no"],
      ["2021-03-14", x, "Noted", "enjoined -> enjoined", "no -> no"],
      ["2021-03-15", x, "Noted", "enjoined -> enjoined", "no -> no"],
      ["2021-04-15", a, "ChallengeFiled", "listed -> challenged", "yes -> yes"],
      ["2021-05-11", x, "SettlementReached", "enjoined -> settled", "no -> no"],
      ["2021-05-20", x, "Noted", "settled -> settled", "no -> no"],
      ["2021-05-25", x, "DesignationVacated", "settled -> vacated", "no -> no"],
      ["2021-05-26", x, "Noted", "vacated -> vacated", "no -> no"],
    ]);
  });

  it("xiaomi --json: {steps: [{date, stream, event, before, after}], problems: []}", async () => {
    const result = await runCli(["replay", "xiaomi", "--json", "--events", events]);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { steps: unknown[]; problems: unknown[] };
    expect(Object.keys(json).sort()).toEqual(["problems", "steps"]);
    expect(json.problems).toEqual([]);

    const logged = readFileSync(XIAOMI_LOG, "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: string; type: string; effective: string });
    const statuses = [
      ["unlisted", false, "listed", true],
      ["listed", true, "challenged", true],
      ["challenged", true, "challenged", true],
      ["challenged", true, "challenged", true],
      ["challenged", true, "challenged", true],
      ["challenged", true, "enjoined", false],
      ["enjoined", false, "enjoined", false],
      ["enjoined", false, "enjoined", false],
      ["enjoined", false, "settled", false],
      ["settled", false, "settled", false],
      ["settled", false, "vacated", false],
      ["vacated", false, "vacated", false],
    ] as const;
    expect(logged).toHaveLength(statuses.length);
    expect(json.steps).toStrictEqual(
      logged.map(({ id, type, effective }, index) => {
        const [beforeStatus, beforeEnforceable, afterStatus, afterEnforceable] = statuses[
          index
        ] as (typeof statuses)[number];
        return {
          date: effective,
          stream: "xiaomi/dod-1237",
          event: { id, type, effective },
          before: { status: beforeStatus, enforceable: beforeEnforceable },
          after: { status: afterStatus, enforceable: afterEnforceable },
        };
      }),
    );
  });
});
