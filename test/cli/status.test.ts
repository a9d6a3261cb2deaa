import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeDir } from "../store/support/logFixtures.js";
import { localToday, xiaomiEventsDir } from "./support/eventsDirs.js";
import { crashLines, runCli, tableRows } from "./support/runCli.js";

let events: string;

beforeAll(() => {
  events = xiaomiEventsDir().dir;
});

afterAll(() => {
  removeDir(events);
});

interface Expected {
  at: string;
  status: string;
  enforceable: boolean;
  since: string | null;
  event: { id: string; type: string; effective: string } | null;
  /** The effects line after `effects on D: `. */
  effectsText: string;
  /** The `effects` of the stream in `--json`. */
  effects: EffectJson[];
}

interface EffectJson {
  kind: string;
  from: string;
  to: string | null;
  inForce: boolean;
  suspendedBy?: { id: string; type: string; effective: string };
  rule: string;
  citation: { instrument: string; section: string; date: string };
}

const LISTED = { id: "xiaomi-dod-1237-0001", type: "Listed", effective: "2021-01-14" };
const CHALLENGED = { id: "xiaomi-dod-1237-0002", type: "ChallengeFiled", effective: "2021-01-29" };
const ENJOINED = { id: "xiaomi-dod-1237-0006", type: "InjunctionGranted", effective: "2021-03-12" };
const SETTLED = { id: "xiaomi-dod-1237-0009", type: "SettlementReached", effective: "2021-05-11" };
const VACATED = { id: "xiaomi-dod-1237-0011", type: "DesignationVacated", effective: "2021-05-25" };

/*
 * Xiaomi's effects under EO 13959 (as amended), worked out by hand from the log: listed
 * 2021-01-14, so the divestment window is due from that day and the purchase ban from
 * 2021-01-14 + 60 = 2021-03-15. Both are in force while the designation is enforceable, are
 * suspended from the injunction of 2021-03-12 (the settlement of 2021-05-11 keeps it in force),
 * and end with the vacatur of 2021-05-25, before the holding ban (2022-01-14) or the end of the
 * regime (2021-06-03).
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
const WINDOW_IN_FORCE: EffectJson = {
  kind: "divestment-window",
  from: "2021-01-14",
  to: "2021-03-12",
  inForce: true,
  ...DIVESTMENT_RULE,
};
const WINDOW_SUSPENDED: EffectJson = {
  kind: "divestment-window",
  from: "2021-03-12",
  to: "2021-05-25",
  inForce: false,
  suspendedBy: ENJOINED,
  ...DIVESTMENT_RULE,
};
const BAN_SUSPENDED: EffectJson = {
  kind: "purchase-ban",
  from: "2021-03-15",
  to: "2021-05-25",
  inForce: false,
  suspendedBy: ENJOINED,
  ...PURCHASE_BAN_RULE,
};

const NONE = { effectsText: "none in force", effects: [] };
const WINDOW = { effectsText: "divestment-window in force", effects: [WINDOW_IN_FORCE] };
const WINDOW_ENJOINED = {
  effectsText: "divestment-window suspended (InjunctionGranted xiaomi-dod-1237-0006)",
  effects: [WINDOW_SUSPENDED],
};
const BOTH_ENJOINED = {
  effectsText: "purchase-ban, divestment-window suspended (InjunctionGranted xiaomi-dod-1237-0006)",
  effects: [WINDOW_SUSPENDED, BAN_SUSPENDED],
};

/**
 * Xiaomi on DoD 1237 on each day a status begins, and on the last day of each status; and on the
 * eve and the day of the purchase ban, which comes due while the injunction is in force.
 */
const XIAOMI: Expected[] = [
  { at: "2021-01-13", status: "unlisted", enforceable: false, since: null, event: null, ...NONE },
  {
    at: "2021-01-14",
    status: "listed",
    enforceable: true,
    since: "2021-01-14",
    event: LISTED,
    ...WINDOW,
  },
  {
    at: "2021-01-28",
    status: "listed",
    enforceable: true,
    since: "2021-01-14",
    event: LISTED,
    ...WINDOW,
  },
  {
    at: "2021-01-29",
    status: "challenged",
    enforceable: true,
    since: "2021-01-29",
    event: CHALLENGED,
    ...WINDOW,
  },
  {
    at: "2021-03-11",
    status: "challenged",
    enforceable: true,
    since: "2021-01-29",
    event: CHALLENGED,
    ...WINDOW,
  },
  // The purchase ban is not due until 2021-03-15.
  {
    at: "2021-03-12",
    status: "enjoined",
    enforceable: false,
    since: "2021-03-12",
    event: ENJOINED,
    ...WINDOW_ENJOINED,
  },
  {
    at: "2021-03-14",
    status: "enjoined",
    enforceable: false,
    since: "2021-03-12",
    event: ENJOINED,
    ...WINDOW_ENJOINED,
  },
  {
    at: "2021-03-15",
    status: "enjoined",
    enforceable: false,
    since: "2021-03-12",
    event: ENJOINED,
    ...BOTH_ENJOINED,
  },
  {
    at: "2021-05-10",
    status: "enjoined",
    enforceable: false,
    since: "2021-03-12",
    event: ENJOINED,
    ...BOTH_ENJOINED,
  },
  {
    at: "2021-05-11",
    status: "settled",
    enforceable: false,
    since: "2021-05-11",
    event: SETTLED,
    ...BOTH_ENJOINED,
  },
  {
    at: "2021-05-24",
    status: "settled",
    enforceable: false,
    since: "2021-05-11",
    event: SETTLED,
    ...BOTH_ENJOINED,
  },
  {
    at: "2021-05-25",
    status: "vacated",
    enforceable: false,
    since: "2021-05-25",
    event: VACATED,
    ...NONE,
  },
  {
    at: "2026-01-01",
    status: "vacated",
    enforceable: false,
    since: "2021-05-25",
    event: VACATED,
    ...NONE,
  },
];

describe("designations status xiaomi --at D", () => {
  it.concurrent.for(XIAOMI)(
    "on $at: $status (enforceable: $enforceable), as text",
    async (expected, { expect }) => {
      const result = await runCli(["status", "xiaomi", "--at", expected.at, "--events", events]);

      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(tableRows(result.stdout)).toEqual([
        [`xiaomi on ${expected.at}`],
        ["program", "status", "enforceable", "since", "because of"],
        [
          "dod-1237",
          expected.status,
          expected.enforceable ? "yes" : "no",
          expected.since ?? "-",
          expected.event ? `${expected.event.type} ${expected.event.id}` : "-",
        ],
        [`effects on ${expected.at}: ${expected.effectsText}`],
      ]);
    },
  );

  it.concurrent.for(XIAOMI)(
    "on $at: $status (enforceable: $enforceable), as --json",
    async (expected, { expect }) => {
      const result = await runCli([
        "status",
        "xiaomi",
        "--at",
        expected.at,
        "--json",
        "--events",
        events,
      ]);

      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      // The whole of stdout is one JSON object, exactly these keys (toStrictEqual: no extras).
      expect(JSON.parse(result.stdout)).toStrictEqual({
        company: "xiaomi",
        at: expected.at,
        streams: [
          {
            program: "dod-1237",
            status: expected.status,
            enforceable: expected.enforceable,
            since: expected.since,
            event: expected.event,
            effects: expected.effects,
          },
        ],
      });
    },
  );

  it("takes today, on the local calendar, when --at is not given", async () => {
    const before = localToday();
    const result = await runCli(["status", "xiaomi", "--json", "--events", events]);
    const after = localToday();

    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { at: string; streams: { status: string }[] };
    expect([before, after]).toContain(json.at);
    expect(json.streams.map((s) => s.status)).toEqual(["vacated"]);
  });
});

describe("designations status with an unknown company or program", () => {
  it("exits 1 and names the unknown company and the companies the log has", async () => {
    const result = await runCli(["status", "huawei", "--at", "2021-04-01", "--events", events]);

    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: 'error: unknown company "huawei"; the log has: xiaomi\n',
    });
  });

  it("exits 1 and names the unknown program and the programs the log has", async () => {
    const result = await runCli(["status", "xiaomi", "--program", "ofac-sdn", "--events", events]);

    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: 'error: unknown program "ofac-sdn"; the log has: dod-1237\n',
    });
  });

  it("exits 1 when the events folder does not exist", async () => {
    const missing = join(events, "no-such-folder");

    const result = await runCli(["status", "xiaomi", "--events", missing]);

    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `error: the log has 1 problem:\n${missing}: no such events folder\n`,
    );
    expect(crashLines(result.stderr)).toEqual([]);
  });
});

describe("status --help says what the cache trusts", () => {
  it("names the size, modification time and last line, and verify for the rest", async () => {
    const { code, stdout } = await runCli(["status", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("whenever its size, modification time or last line changes");
    expect(stdout).toContain("designations verify checks every line, every time");
  });
});
