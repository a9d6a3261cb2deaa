/**
 * `simulate` strict about what its edits name: an event id that is not among the company's
 * events, a program the log does not have, another company, a replacement on another stream, or
 * content that is no event at all, is bad usage (exit 2) naming the flag or the file, the field
 * and the value, and nothing is written.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "./support/inProcess.js";
import { REPO_ROOT } from "./support/runCli.js";

const EVENTS = join(REPO_ROOT, "events");
const PROGRAMS = "bis-entity-list, bis-meu, dod-1237, dod-1260h, ofac-ns-ccmc, ofac-ns-cmic";
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "scenario-strict-"));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

const simulate = (...args: string[]) =>
  runInProcess(["simulate", "xiaomi", ...args], { events: EVENTS });

function scenarioFile(name: string, edits: unknown[], company = "xiaomi"): string {
  const file = join(tmp, `${name}.json`);
  writeFileSync(file, JSON.stringify({ name, company, edits }));
  return file;
}

describe("simulate: edits on the command line", () => {
  it.each([
    [
      "an event id that is not in the log",
      ["--drop", "xiaomi-dod-1237-9999"],
      `--drop xiaomi-dod-1237-9999: no event "xiaomi-dod-1237-9999" among xiaomi's events (xiaomi/dod-1237, xiaomi/ofac-ns-ccmc), or an earlier edit dropped it`,
    ],
    [
      "another company's event",
      ["--move", "luokung-dod-1237-0003=2021-03-01"],
      `--move luokung-dod-1237-0003=2021-03-01: no event "luokung-dod-1237-0003" among xiaomi's events`,
    ],
    [
      "an event an earlier edit dropped",
      ["--drop", "xiaomi-dod-1237-0006", "--drop", "xiaomi-dod-1237-0006"],
      `--drop xiaomi-dod-1237-0006: no event "xiaomi-dod-1237-0006" among xiaomi's events`,
    ],
    [
      "an unknown program in --insert",
      ["--insert", '{"type": "Listed", "effective": "2022-01-01", "program": "dod-1238"}'],
      `--insert {"type": "Listed", "effective": "2022-01-01", "program": "dod-1238"}: "dod-1238" is not a program of the log (${PROGRAMS})`,
    ],
    [
      "another company in --insert",
      [
        "--insert",
        '{"type": "Noted", "effective": "2021-07-01", "program": "dod-1237", "company": "luokung"}',
      ],
      `--insert {"type": "Noted", "effective": "2021-07-01", "program": "dod-1237", "company": "luokung"}: "luokung" is not the scenario's company: only xiaomi's streams are simulated`,
    ],
    [
      "a replacement on another program than the event it replaces",
      [
        "--replace",
        'xiaomi-dod-1237-0006={"type": "InjunctionDenied", "effective": "2021-03-12", "program": "ofac-ns-ccmc"}',
      ],
      `--replace xiaomi-dod-1237-0006={"type": "InjunctionDenied", "effective": "2021-03-12", "program": "ofac-ns-ccmc"}: the replacement takes the place of an event of xiaomi/dod-1237, so it cannot be on program "ofac-ns-ccmc"`,
    ],
    [
      "an unknown event type in --insert",
      ["--insert", '{"type": "Vacated", "effective": "2021-07-01", "program": "dod-1237"}'],
      `--insert {"type": "Vacated", "effective": "2021-07-01", "program": "dod-1237"}: field "type": Invalid option: expected one of "Listed"`,
    ],
    [
      "a misspelt field in --insert",
      ["--insert", '{"type": "Noted", "effective": "2021-07-01", "progam": "dod-1237"}'],
      `--insert {"type": "Noted", "effective": "2021-07-01", "progam": "dod-1237"}: field "progam": Unrecognized key: "progam"`,
    ],
    [
      "a date that does not exist in --move",
      ["--move", "xiaomi-dod-1237-0006=2021-02-30"],
      `--move xiaomi-dod-1237-0006=2021-02-30: "2021-02-30" is not a real calendar date`,
    ],
    [
      "--report - (standard output already takes the text)",
      ["--drop", "xiaomi-dod-1237-0006", "--report", "-"],
      "--report -: standard output takes the simulation's text (or --json); give --report a file",
    ],
  ])("%s is bad usage: exit 2 naming the flag, field and value", (_label, args, message) => {
    const { code, out, err } = simulate(...args);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain(`error: ${message}`);
    expect(err).toContain("Run designations simulate --help for usage.");
  });

  it("an unknown event type in --insert names the value given", () => {
    const { err } = simulate(
      "--insert",
      '{"type": "Vacated", "effective": "2021-07-01", "program": "dod-1237"}',
    );
    expect(err).toContain('(got "Vacated")');
  });

  it("writes no report for an edit that names nothing", () => {
    const report = join(tmp, "never.html");
    const { code } = simulate("--drop", "xiaomi-dod-1237-9999", "--report", report);
    expect(code).toBe(2);
    expect(existsSync(report)).toBe(false);
  });

  it("a known program the company is not on opens a stream in the simulated world", () => {
    const { code, out, err } = simulate(
      "--insert",
      '{"type": "Listed", "effective": "2024-01-31", "program": "dod-1260h"}',
      "--until",
      "2026-11-23",
    );
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain("xiaomi/dod-1260h: actual and simulated, side by side");
  });
});

describe("simulate: a scenario file", () => {
  it("naming an event id that is not in the log: exit 2 naming the file, the edit's field and the id", () => {
    const file = scenarioFile("unknown-id", [
      { drop: "xiaomi-dod-1237-0006" },
      { move: "xiaomi-dod-1237-0099", to: "2021-04-01" },
    ]);
    const report = join(tmp, "unknown-id.html");
    const { code, out, err } = simulate("--scenario", file, "--report", report);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toBe(
      `error: the scenario has 1 problem:\n${file}: field "edits.1.move": no event "xiaomi-dod-1237-0099" among xiaomi's events (xiaomi/dod-1237, xiaomi/ofac-ns-ccmc), or an earlier edit dropped it\nRun designations simulate --help for usage.`,
    );
    expect(existsSync(report)).toBe(false);
  });

  it("an edit after the file's, on the command line, is named by its flag", () => {
    const file = scenarioFile("fine", [{ drop: "xiaomi-dod-1237-0006" }]);
    const { code, err } = simulate("--scenario", file, "--drop", "xiaomi-dod-1237-0006");
    expect(code).toBe(2);
    expect(err).toMatch(/^error: --drop xiaomi-dod-1237-0006: no event "xiaomi-dod-1237-0006"/);
  });

  it("inserting on an unknown program: exit 2 naming edits.N.insert.program and the value", () => {
    const file = scenarioFile("unknown-program", [
      { insert: { type: "Listed", effective: "2022-01-01", program: "dod-1238" } },
    ]);
    const { code, err } = simulate("--scenario", file);
    expect(code).toBe(2);
    expect(err).toContain(
      `${file}: field "edits.0.insert.program": "dod-1238" is not a program of the log (${PROGRAMS})`,
    );
  });

  it("an inserted event of an unknown type: named by its own field, not as an edit of no known kind", () => {
    const file = scenarioFile("unknown-type", [
      { insert: { type: "Lsted", effective: "2022-01-01", program: "dod-1237" } },
    ]);
    const { code, err } = simulate("--scenario", file);
    expect(code).toBe(2);
    expect(err).toMatch(/^error: the scenario has 1 problem:\n/);
    expect(err).toContain(`${file}: field "edits.0.insert.type": Invalid option: expected one of`);
    expect(err).toContain('(the file has "Lsted")');
  });
});
