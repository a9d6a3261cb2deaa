/**
 * `forecast` bounded: assumptions that cannot hold are bad usage before anything runs, a run
 * that goes round a loop stops the forecast with the loop named, and a long forecast shows a
 * progress bar in a terminal, by the clock it is given (never by the machine's speed).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grouped, LIMITS } from "../../src/domain/limits.js";
import { MAX_STEPS_PER_RUN } from "../../src/simulate/forecast.js";
import { makeEvent, writeStream } from "../store/support/logFixtures.js";
import { runInProcess } from "./support/inProcess.js";
import { REPO_ROOT } from "./support/runCli.js";

const EVENTS = join(REPO_ROOT, "events");
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "forecast-bounds-"));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** An assumptions file holding `statuses`. */
function assumptions(name: string, statuses: unknown): string {
  const file = join(tmp, `${name}.json`);
  writeFileSync(file, JSON.stringify({ statuses }));
  return file;
}

/** GOWIN was challenged on 2021-05-25 (since 2021-05-21), before DoD withdrew the 1237 list. */
function forecastGowin(file: string, ...more: string[]) {
  return runInProcess(
    [
      "forecast",
      "gowin",
      "--program",
      "dod-1237",
      "--at",
      "2021-05-25",
      "--assumptions",
      file,
      ...more,
    ],
    { events: EVENTS },
  );
}

/** A stand-in for stderr that records what is drawn on it. */
function fakeTerminal(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (text: string) => written.push(text) }, written };
}

describe("forecast: assumptions that loop", () => {
  it("a status whose assumed stay ends in an event that leaves it as it is: exit 2 before any run", () => {
    // InjunctionDenied keeps a challenge pending: as an assumed end of a stay in challenged, it
    // would start the same stay again the same day, for ever.
    const file = assumptions("denied-at-once", {
      challenged: [{ event: "InjunctionDenied", share: 1, days: [0] }],
    });
    const { code, out, err } = forecastGowin(file, "--until", "2021-12-31", "--runs", "1000000");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(/^error: the assumptions file has 1 problem:\n/);
    expect(err).toContain(
      `${file}: field "statuses.challenged.0.event": "InjunctionDenied" can never end a stay in challenged: the events that can are Delisted, InjunctionGranted, SettlementReached, DesignationVacated, JudgmentForGovernment, ChallengeDismissed`,
    );
    expect(err).toContain("Run designations forecast --help for usage.");
  });

  it("two statuses that lead to each other after 0 days: exit 2 naming the loop, its statuses, events and branches", () => {
    const file = assumptions("zero-day-cycle", {
      challenged: [{ event: "InjunctionGranted", share: 1, days: [0] }],
      enjoined: [{ event: "InjunctionLifted", share: 1, days: [0] }],
    });
    const { code, out, err } = forecastGowin(file, "--until", "2021-12-31", "--runs", "1000000");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain(
      `error: ${file}: the assumptions go round a loop: a run of the forecast of gowin/dod-1237 drew ${MAX_STEPS_PER_RUN.toLocaleString("en-US")} stays without reaching 2021-12-31`,
    );
    expect(err).toMatch(
      /it goes round (challenged → InjunctionGranted after 0 days → enjoined → InjunctionLifted after 0 days → challenged|enjoined → InjunctionLifted after 0 days → challenged → InjunctionGranted after 0 days → enjoined) /,
    );
    expect(err).toContain("(from the assumptions' statuses.");
    expect(err).toContain("statuses.challenged.0");
    expect(err).toContain("statuses.enjoined.0");
    expect(err).toContain("Give a branch on the loop more days, or a status on it a way out.");
    expect(err).not.toMatch(/^\s+at /m);
  });

  it("a cycle of 1-day stays that would take more than the cap to reach --until: exit 2 naming it", () => {
    const file = assumptions("one-day-cycle", {
      challenged: [{ event: "InjunctionGranted", share: 1, days: [1] }],
      enjoined: [{ event: "InjunctionLifted", share: 1, days: [1] }],
    });
    // 2021-05-25 to 2099-12-31 is about 28,700 days: more than 10,000 stays of a day each.
    const { code, out, err } = forecastGowin(file, "--until", "2099-12-31", "--runs", "1000000");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain("without reaching 2099-12-31");
    expect(err).toMatch(/InjunctionGranted after 1 day → enjoined → InjunctionLifted after 1 day/);
  });

  it("the same cycle with an --until it reaches within the cap is a forecast like any other", () => {
    const file = assumptions("one-day-cycle-near", {
      challenged: [{ event: "InjunctionGranted", share: 1, days: [1] }],
      enjoined: [{ event: "InjunctionLifted", share: 1, days: [1] }],
    });
    // 2021-05-25 + 220 days = 2021-12-31: an even number of 1-day stays, back in challenged.
    const { code, out, err } = forecastGowin(file, "--until", "2021-12-31", "--runs", "200");
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain("Status on 2021-12-31:\nstatus      chance\nchallenged  100.0%");
  });
});

describe("forecast: a loop in the log's own history", () => {
  it("is a problem of the log (exit 1) naming the loop and its streams, with what to do", () => {
    // Injunctions granted and lifted a day apart, the last on the day the forecast starts: its
    // stay, still going on, lasted 0 days so far, and every other ends after a day.
    const events = join(tmp, "flip-flop");
    writeStream(events, "dod-1237", "acme", [
      makeEvent("acme/dod-1237", 1, "Listed", "2021-01-01"),
      makeEvent("acme/dod-1237", 2, "ChallengeFiled", "2021-01-02"),
      makeEvent("acme/dod-1237", 3, "InjunctionGranted", "2021-01-03"),
      makeEvent("acme/dod-1237", 4, "InjunctionLifted", "2021-01-04"),
      makeEvent("acme/dod-1237", 5, "InjunctionGranted", "2021-01-05"),
    ]);
    const run = (until: string) =>
      runInProcess(["forecast", "acme", "--at", "2021-01-05", "--until", until], { events });
    // Within 10,000 days the runs reach --until, a day at a time.
    expect(run("2040-01-01").code).toBe(0);
    const { code, out, err } = run("2060-01-01");
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toBe(
      `error: a run of the forecast of acme/dod-1237 drew ${MAX_STEPS_PER_RUN.toLocaleString("en-US")} stays without reaching 2060-01-01: it goes round enjoined → InjunctionLifted after 1 day → challenged → InjunctionGranted after 1 day → enjoined (from the history of acme/dod-1237). --assumptions can say how long these statuses last instead`,
    );
  });
});

describe("forecast: assumptions that cannot hold are bad usage naming the file, field and value", () => {
  it.each([
    [
      "an unknown status",
      { chalenged: [{ event: "DesignationVacated", share: 1, days: [30] }] },
      'field "statuses.chalenged": Unrecognized key: "chalenged"',
    ],
    [
      "an unknown event type",
      { challenged: [{ event: "Vacated", share: 1, days: [30] }] },
      'field "statuses.challenged.0.event": Invalid option: expected one of "Listed"',
    ],
    [
      "an event the machine never takes in that status",
      { challenged: [{ event: "AppealFiled", share: 1, days: [30] }] },
      'field "statuses.challenged.0.event": "AppealFiled" can never end a stay in challenged',
    ],
    [
      "an informational event",
      { listed: [{ event: "Noted", share: 1, days: [10] }] },
      'field "statuses.listed.0.event": "Noted" can never end a stay in listed: the events that can are Delisted, ChallengeFiled, AppealFiled',
    ],
    [
      "a negative number of days",
      { challenged: [{ event: "DesignationVacated", share: 1, days: [30, -5] }] },
      'field "statuses.challenged.0.days.1": Too small: expected number to be >=0 (the file has -5)',
    ],
    [
      "a share of 0",
      { challenged: [{ event: "DesignationVacated", share: 0, days: [30] }] },
      'field "statuses.challenged.0.share": Too small: expected number to be >0 (the file has 0)',
    ],
  ])("%s", (label, statuses, message) => {
    const file = assumptions(`bad-${label.replaceAll(" ", "-")}`, statuses);
    const { code, out, err } = forecastGowin(file, "--until", "2021-12-31");
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(/^error: the assumptions file has 1 problem:\n/);
    expect(err).toContain(`${file}: ${message}`);
  });

  it("an unknown event type names the value the file has", () => {
    const file = assumptions("vacated", {
      challenged: [{ event: "Vacated", share: 1, days: [30] }],
    });
    const { err } = forecastGowin(file, "--until", "2021-12-31");
    expect(err).toContain('(the file has "Vacated")');
  });

  it("a file over the limit of a JSON file is refused unread, as every JSON file the tool reads (exit 1)", () => {
    const file = join(tmp, "huge.json");
    writeFileSync(file, Buffer.alloc(LIMITS.jsonFileBytes + 1, " "));
    const { code, out, err } = forecastGowin(file, "--until", "2021-12-31");
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toBe(
      `error: the assumptions file has 1 problem:\n${file}: is larger than ${grouped(LIMITS.jsonFileBytes)} bytes, the most a JSON file here may hold`,
    );
  });

  it("days [90, 30] are two lengths of stay, each drawn, not a range from 90 to 30", () => {
    const file = assumptions("two-lengths", {
      challenged: [{ event: "DesignationVacated", share: 1, days: [90, 30] }],
    });
    const { code, out } = forecastGowin(file, "--until", "2021-12-31", "--runs", "1000");
    expect(code).toBe(0);
    // Vacated 30 days after 2021-05-25 in some runs, 90 days after it in the others.
    expect(out).toMatch(
      /10th percentile 2021-06-24, median 2021-(06-24|08-23), 90th percentile 2021-08-23\./,
    );
  });
});

describe("forecast: the progress bar", () => {
  const args = ["forecast", "gowin", "--program", "dod-1237", "--at", "2021-06-01"];
  const more = ["--until", "2022-06-01", "--runs", "2000"];

  it("is drawn on a terminal once the forecast has taken a second, then erased", () => {
    const terminal = fakeTerminal(true);
    let clock = 0;
    // Each look at the clock: 5 ms later. 2,000 runs take 10 s by this clock.
    const now = () => (clock += 5);
    const { code, out } = runInProcess([...args, ...more], {
      events: EVENTS,
      progress: { stream: terminal.stream, now },
    });
    expect(code).toBe(0);
    expect(out).toContain("FORECAST (simulated) of gowin/dod-1237");
    const bars = terminal.written.filter((text) => text.startsWith("\r["));
    expect(bars.length).toBeGreaterThan(5);
    // Not before a second had passed: about 200 runs in (10%), never at 0%.
    expect(bars[0]).toMatch(/^\r\[##-{22}\] {2}10% {2}\d+ runs\/s {2}\d+ s left $/);
    expect(bars.at(-1)).toMatch(/^\r\[#{24}\] 100% /);
    expect(terminal.written.at(-1)).toBe("\r\u001b[2K");
  });

  it("is not drawn when the forecast takes under a second", () => {
    const terminal = fakeTerminal(true);
    const { code } = runInProcess([...args, ...more], {
      events: EVENTS,
      progress: { stream: terminal.stream, now: () => 42 },
    });
    expect(code).toBe(0);
    expect(terminal.written).toEqual([]);
  });

  it("is not drawn when stderr is not a terminal, however long it takes", () => {
    const terminal = fakeTerminal(false);
    let clock = 0;
    const { code, err } = runInProcess([...args, ...more], {
      events: EVENTS,
      progress: { stream: terminal.stream, now: () => (clock += 1_000) },
    });
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(terminal.written).toEqual([]);
  });

  it("is erased before the error of a forecast that loops, after it was drawn", () => {
    const terminal = fakeTerminal(true);
    let clock = 0;
    // One run in a thousand loses the case and then goes round listed and delisted for ever.
    const file = assumptions("loop-now-and-then", {
      challenged: [
        { event: "DesignationVacated", share: 999, days: [30] },
        { event: "JudgmentForGovernment", share: 1, days: [0] },
      ],
      listed: [{ event: "Delisted", share: 1, days: [0] }],
      delisted: [{ event: "Listed", share: 1, days: [0] }],
    });
    const { code, out, err } = runInProcess(
      [...args.slice(0, 4), "--at", "2021-05-25", "--until", "2021-12-31", "--assumptions", file],
      { events: EVENTS, progress: { stream: terminal.stream, now: () => (clock += 5) } },
    );
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(/it goes round (listed|delisted) → /);
    expect(err).toContain("statuses.listed.0");
    expect(err).toContain("statuses.delisted.0");
    expect(terminal.written.filter((text) => text.startsWith("\r[")).length).toBeGreaterThan(0);
    expect(terminal.written.at(-1)).toBe("\r\u001b[2K");
  });
});
