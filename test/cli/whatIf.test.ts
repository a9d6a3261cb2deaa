/**
 * The what-if commands end to end: `simulate`, `outcomes` and `forecast` run as child processes
 * (`node --import tsx src/cli/main.ts ...`) in the repository root, on its own events/.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crashLines, runCli } from "./support/runCli.js";

const cli = (...args: string[]) => runCli(args);
import { LIFECYCLE_EVENT_TYPES } from "../../src/domain/eventTypes.js";
import { lifecycleStateOf } from "../../src/domain/lifecycleState.js";
import {
  initialLifecycleSnapshot,
  type LifecycleSnapshot,
  nextLifecycleSnapshot,
} from "../../src/domain/lifecycleStep.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const EVENTS = join(ROOT, "events");

/** Table rows as cells (columns are two or more spaces apart). */
function rows(text: string): string[][] {
  return text.split("\n").map((line) => line.trim().split(/ {2,}/));
}

/** Every file under `dir`, by path relative to it, with its bytes. */
function filesUnder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), readFileSync(path));
  }
  return files;
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "what-if-"));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

const NO_INJUNCTION = ["simulate", "xiaomi", "--scenario", "scenarios/xiaomi-no-injunction.json"];
const HINT =
  "InjunctionGranted needs litigation pending: drop it too, or insert ChallengeFiled before it";

describe("simulate", () => {
  it("prints SIMULATED, both worlds side by side, the differences and the days", async () => {
    const { code, stdout, stderr } = await cli(...NO_INJUNCTION, "--until", "2026-11-23");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("SIMULATED: Xiaomi without the injunction");
    expect(stdout).toContain("xiaomi/dod-1237: actual and simulated, side by side");
    expect(rows(stdout)).toEqual(
      expect.arrayContaining([
        ["from", "to", "actual", "enforceable", "simulated", "enforceable"],
        ["...", "2021-01-14", "unlisted", "no", "unlisted", "no"],
        ["2021-01-14", "2021-01-29", "listed", "yes", "listed", "yes"],
        ["2021-01-29", "2021-03-12", "challenged", "yes", "challenged", "yes"],
        ["2021-03-12", "2021-05-11", "enjoined", "no", "challenged", "yes", "*"],
        ["2021-05-11", "2021-05-25", "settled", "no", "settled", "yes", "*"],
        ["2021-05-25", "...", "vacated", "no", "vacated", "no"],
      ]),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        "Differences (* above):",
        "  2021-03-12 to 2021-05-11: actual enjoined, not enforceable; simulated challenged, enforceable",
        "  2021-05-11 to 2021-05-25: actual settled, not enforceable; simulated settled, enforceable",
        "Enforceable in the simulated world only: 2021-03-12 to 2021-05-25",
        "Days enforceable up to 2026-11-23: actual 57, simulated 131",
      ]),
    );
  });

  it("with --json prints one object, marked simulated", async () => {
    const { code, stdout, stderr } = await cli(...NO_INJUNCTION, "--until", "2026-11-23", "--json");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toHaveLength(1);
    const json = JSON.parse(stdout);
    expect(json.simulated).toBe(true);
    expect(json.scenario).toMatchObject({
      name: "Xiaomi without the injunction",
      company: "xiaomi",
      edits: [
        { drop: "xiaomi-dod-1237-0006" },
        { drop: "xiaomi-ofac-ns-ccmc.mirror.xiaomi-dod-1237-0006" },
      ],
    });
    // The injunction bound DoD and the Treasury: both of Xiaomi's streams change alike.
    expect(json.streams).toHaveLength(2);
    expect(json.streams[1]).toMatchObject({
      stream: "xiaomi/ofac-ns-ccmc",
      enforceableDifferences: [
        { from: "2021-03-12", to: "2021-05-25", enforceableIn: "alternate" },
      ],
      enforceableDays: { actual: 57, alternate: 131, until: "2026-11-23" },
    });
    expect(json.streams[0]).toMatchObject({
      stream: "xiaomi/dod-1237",
      program: "dod-1237",
      enforceableDifferences: [
        { from: "2021-03-12", to: "2021-05-25", enforceableIn: "alternate" },
      ],
      enforceableDays: { actual: 57, alternate: 131, until: "2026-11-23" },
    });
    expect(json.streams[0].differences).toHaveLength(2);
    expect(json.streams[0].alternate.map((i: { status: string }) => i.status)).toEqual([
      "listed",
      "challenged",
      "settled",
      "vacated",
    ]);
  });

  it("edits from the command line: --drop gives the same answer as the scenario file", async () => {
    const byFlag = await cli(
      "simulate",
      "xiaomi",
      "--drop",
      "xiaomi-dod-1237-0006",
      "--until",
      "2026-11-23",
    );
    expect(byFlag.code).toBe(0);
    expect(byFlag.stdout.split("\n")[0]).toBe("SIMULATED: without xiaomi-dod-1237-0006");
    expect(byFlag.stdout).toContain(
      "Enforceable in the simulated world only: 2021-03-12 to 2021-05-25",
    );
    expect(byFlag.stdout).toContain("Days enforceable up to 2026-11-23: actual 57, simulated 131");
  });

  it("an edit that leaves an invalid history exits 1 naming the rejected event, with the hint", async () => {
    const { code, stdout, stderr } = await cli(
      "simulate",
      "xiaomi",
      "--drop",
      "xiaomi-dod-1237-0002",
    );
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^error: /);
    expect(stderr).toContain(
      "event xiaomi-dod-1237-0006 (InjunctionGranted, effective 2021-03-12) is not accepted",
    );
    expect(stderr).toContain(`Hint: ${HINT}`);
    expect(crashLines(stderr)).toEqual([]);
  });

  it("an unknown event id is bad usage: exit 2 naming the flag and the id", async () => {
    const { code, stderr } = await cli("simulate", "xiaomi", "--drop", "xiaomi-dod-1237-9999");
    expect(code).toBe(2);
    expect(stderr).toContain(
      'error: --drop xiaomi-dod-1237-9999: no event "xiaomi-dod-1237-9999" among xiaomi\'s events',
    );
    expect(crashLines(stderr)).toEqual([]);
  });

  it("a scenario file with a bad field is bad usage: exit 2 naming the file, the field and the value", async () => {
    const file = join(tmp, "bad-date.json");
    writeFileSync(
      file,
      JSON.stringify({
        name: "bad date",
        company: "xiaomi",
        edits: [{ move: "xiaomi-dod-1237-0006", to: "2021-02-30" }],
      }),
    );
    const { code, stdout, stderr } = await cli("simulate", "xiaomi", "--scenario", file);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(file);
    expect(stderr).toContain('field "edits.0.to"');
    expect(stderr).toContain("2021-02-30");
    expect(crashLines(stderr)).toEqual([]);
  });

  it.each([
    [
      "in an edit",
      { drop: "xiaomi-dod-1237-0006", dorp: "xiaomi-dod-1237-0006" },
      {},
      "edits.0.dorp",
    ],
    ["at the top level", { drop: "xiaomi-dod-1237-0006" }, { edtis: [] }, "edtis"],
  ])(
    "a scenario file with an unknown key %s names that key as the field",
    async (_where, edit, extra, field) => {
      const file = join(tmp, `unknown-key-${field}.json`);
      writeFileSync(
        file,
        JSON.stringify({ name: "typo", company: "xiaomi", edits: [edit], ...extra }),
      );
      const { code, stdout, stderr } = await cli("simulate", "xiaomi", "--scenario", file);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(/^error: the scenario has 1 problem:\n/);
      expect(stderr).toContain(`${file}: field "${field}": `);
      expect(crashLines(stderr)).toEqual([]);
    },
  );

  it("a scenario file that is not JSON is bad usage: exit 2 naming the file", async () => {
    const file = join(tmp, "not-json.json");
    writeFileSync(file, "{ name: ");
    const { code, stderr } = await cli("simulate", "xiaomi", "--scenario", file);
    expect(code).toBe(2);
    expect(stderr).toContain(file);
    expect(crashLines(stderr)).toEqual([]);
  });

  it("--move without '=' is bad usage: exit 2", async () => {
    const { code, stdout, stderr } = await cli(
      "simulate",
      "xiaomi",
      "--move",
      "xiaomi-dod-1237-0006",
    );
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain('--move takes ID=VALUE, got "xiaomi-dod-1237-0006"');
  });

  it("a scenario about another company is bad usage: exit 2", async () => {
    const { code, stderr } = await cli(
      "simulate",
      "xiaomi",
      "--scenario",
      "scenarios/luokung-never-sues.json",
    );
    expect(code).toBe(2);
    expect(stderr).toContain("the scenario is about luokung, not xiaomi");
  });

  it("never changes a byte of events/", async () => {
    const before = filesUnder(EVENTS);
    expect(before.size).toBeGreaterThan(20);
    const runs = await Promise.all([
      cli(...NO_INJUNCTION),
      cli(...NO_INJUNCTION, "--json"),
      cli(
        "simulate",
        "xiaomi",
        "--move",
        "xiaomi-dod-1237-0009=2021-05-20",
        "--replace",
        'xiaomi-dod-1237-0006={"type": "InjunctionDenied", "effective": "2021-03-12"}',
        "--insert",
        '{"type": "Noted", "effective": "2021-07-01", "program": "dod-1237"}',
      ),
      cli("simulate", "xiaomi", "--drop", "xiaomi-dod-1237-0002"),
      cli("simulate", "luokung", "--scenario", "scenarios/luokung-never-sues.json"),
    ]);
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0, 1, 0]);
    const after = filesUnder(EVENTS);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [path, bytes] of before) {
      expect(after.get(path)?.equals(bytes), path).toBe(true);
    }
  });
});

describe("outcomes", () => {
  // GOWIN's suit was still pending when DoD withdrew the whole 1237 list on 2021-06-03.
  it("gowin --depth 2 groups what can still happen by where it ends", async () => {
    const { code, stdout, stderr } = await cli(
      "outcomes",
      "gowin",
      "--program",
      "dod-1237",
      "--depth",
      "2",
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(
      /^gowin\/dod-1237 is delisted on \d{4}-\d{2}-\d{2} \(listing=removed\.delisted, litigation=pending\)\.$/,
    );
    expect(lines[1]).toMatch(/^What can still happen, in up to 2 events: \d+ paths$/);
    expect(rows(stdout)).toEqual(
      expect.arrayContaining([
        ["ends", "paths", "shortest path"],
        ["challenged", expect.stringMatching(/^\d+$/), "Listed"],
        ["delisted, case dismissed", expect.stringMatching(/^\d+$/), "ChallengeDismissed"],
        ["delisted, case lost", expect.stringMatching(/^\d+$/), "JudgmentForGovernment"],
        ["enjoined", expect.stringMatching(/^\d+$/), "Listed -> InjunctionGranted"],
        ["vacated", "1", "Listed -> DesignationVacated"],
      ]),
    );
  });

  it("gowin --depth 2 --json: every path is at most 2 events and replays from gowin's state", async () => {
    const { code, stdout } = await cli(
      "outcomes",
      "gowin",
      "--program",
      "dod-1237",
      "--depth",
      "2",
      "--json",
    );
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.company).toBe("gowin");
    expect(json.streams).toHaveLength(1);
    const [stream] = json.streams;
    expect(stream).toMatchObject({
      stream: "gowin/dod-1237",
      program: "dod-1237",
      depth: 2,
      from: { state: { listing: "removed.delisted", litigation: "pending" }, status: "delisted" },
    });
    const start = ["Listed", "ChallengeFiled", "Delisted"].reduce(
      (snapshot, type) => nextLifecycleSnapshot(snapshot, type as never) as LifecycleSnapshot,
      initialLifecycleSnapshot(),
    );
    expect(stream.paths.length).toBeGreaterThan(10);
    for (const path of stream.paths as { events: string[]; state: unknown }[]) {
      expect(path.events.length).toBeGreaterThanOrEqual(1);
      expect(path.events.length).toBeLessThanOrEqual(2);
      let snapshot: LifecycleSnapshot | undefined = start;
      for (const type of path.events) {
        expect(LIFECYCLE_EVENT_TYPES).toContain(type);
        snapshot = nextLifecycleSnapshot(snapshot as LifecycleSnapshot, type as never);
        expect(snapshot, path.events.join(" -> ")).toBeDefined();
      }
      expect(lifecycleStateOf((snapshot as LifecycleSnapshot).value)).toEqual(path.state);
    }
    const total = stream.byOutcome.reduce((sum: number, g: { paths: number }) => sum + g.paths, 0);
    expect(total).toBe(stream.paths.length);
  });

  it("a depth out of 1 to 8 is bad usage: exit 2", async () => {
    const { code, stderr } = await cli("outcomes", "gowin", "--depth", "9");
    expect(code).toBe(2);
    expect(stderr).toContain("--depth");
  });
});

describe("forecast", () => {
  it("the same seed prints the same forecast", async () => {
    const args = ["forecast", "gowin", "--until", "2027-12-31", "--seed", "7"];
    const [first, second] = await Promise.all([cli(...args), cli(...args)]);
    expect(first?.code).toBe(0);
    expect(first?.stderr).toBe("");
    expect(second?.stdout).toBe(first?.stdout);
    expect(first?.stdout).toMatch(
      /^FORECAST \(simulated\) of gowin\/dod-1237, \d{4}-\d{2}-\d{2} to 2027-12-31: 10000 runs, seed 7, from the log's history/,
    );
    expect(first?.stdout).toContain("Status on 2027-12-31:");
  });

  it("--assumptions that make the vacatur certain print vacated 100.0%", async () => {
    const file = join(tmp, "vacated.json");
    writeFileSync(
      file,
      JSON.stringify({
        statuses: { challenged: [{ event: "DesignationVacated", share: 1, days: [30] }] },
      }),
    );
    const { code, stdout, stderr } = await cli(
      "forecast",
      "gowin",
      "--program",
      "dod-1237",
      "--until",
      "2021-12-31",
      "--at",
      "2021-05-25",
      "--runs",
      "500",
      "--assumptions",
      file,
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain(`assumptions ${file}`);
    expect(rows(stdout)).toContainEqual(["vacated", "100.0%"]);
    expect(stdout).toContain(
      "The designation stops being enforceable by 2021-12-31 in 100.0% of runs: 10th percentile 2021-06-24, median 2021-06-24, 90th percentile 2021-06-24.",
    );

    const json = await cli(
      "forecast",
      "gowin",
      "--program",
      "dod-1237",
      "--until",
      "2021-12-31",
      "--at",
      "2021-05-25",
      "--runs",
      "500",
      "--assumptions",
      file,
      "--json",
    );
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({ simulated: true, assumptions: file });
    expect(parsed.forecasts[0].statusAtUntil).toEqual([{ status: "vacated", probability: 1 }]);
  });

  it("a bad assumptions file is bad usage: exit 2 naming the file, the field and the value", async () => {
    const file = join(tmp, "bad-assumptions.json");
    writeFileSync(
      file,
      JSON.stringify({ statuses: { challenged: [{ event: "Vacated", share: 1, days: [30] }] } }),
    );
    const { code, stderr } = await cli(
      "forecast",
      "gowin",
      "--until",
      "2027-12-31",
      "--assumptions",
      file,
    );
    expect(code).toBe(2);
    expect(stderr).toContain(file);
    expect(stderr).toContain('field "statuses.challenged.0.event"');
    expect(stderr).toContain('(the file has "Vacated")');
    expect(stderr).toMatch(/^error: the assumptions file has 1 problem:\n/);
    expect(crashLines(stderr)).toEqual([]);
  });

  it.each([
    [
      "with an unknown key",
      JSON.stringify({ statuses: {}, extra: 1 }),
      /^error: the assumptions file has 1 problem:\n.*: field "extra": /,
    ],
    [
      "that is not JSON",
      "{ statuses: ",
      /^error: the assumptions file has 1 problem:\n.*: malformed JSON: /,
    ],
  ])(
    "an assumptions file %s is bad usage of the assumptions file (exit 2), not a problem of the log",
    async (label, text, message) => {
      const file = join(tmp, `assumptions-${label.replaceAll(" ", "-")}.json`);
      writeFileSync(file, text);
      const { code, stdout, stderr } = await cli(
        "forecast",
        "gowin",
        "--until",
        "2027-12-31",
        "--assumptions",
        file,
      );
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(message);
      expect(stderr).toContain(file);
      expect(stderr).not.toContain("the log has");
      expect(crashLines(stderr)).toEqual([]);
    },
  );

  it("without --until is bad usage: exit 2", async () => {
    const { code, stdout, stderr } = await cli("forecast", "gowin");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("--until D is required");
  });
});
