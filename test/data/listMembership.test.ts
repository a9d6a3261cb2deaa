/**
 * The repository's record of the four lists, through the CLI in-process: the member counts of the
 * research's table (shared/cases/lists/README.md) on every date it gives, nothing on a list that
 * ended, and the companies a new user asks about first.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../cli/support/inProcess.js";

const EVENTS = fileURLToPath(new URL("../../events", import.meta.url));
const ON_THE_LIST = ["listed", "challenged", "enjoined", "settled"];

interface ListedStream {
  company: string;
  program: string;
  status: string;
  enforceable: boolean;
  since: string | null;
}

function run(...argv: string[]) {
  return runInProcess(argv, { events: EVENTS, today: "2026-11-30" });
}

function streamsOn(program: string, at: string): ListedStream[] {
  const result = run("list", "--program", program, "--at", at, "--json");
  expect(result.err).toBe("");
  expect(result.code).toBe(0);
  return (JSON.parse(result.out) as { streams: ListedStream[] }).streams;
}

describe("members of each list on each date of the research's table", () => {
  it.each([
    ["dod-1237", "2020-06-12", 20],
    ["dod-1237", "2020-08-28", 31],
    ["dod-1237", "2020-12-03", 35],
    ["dod-1237", "2021-01-14", 44],
    ["dod-1237", "2021-06-03", 0],
    ["ofac-ns-ccmc", "2020-11-12", 31],
    ["ofac-ns-ccmc", "2021-06-03", 0],
    ["ofac-ns-cmic", "2021-06-03", 59],
    ["ofac-ns-cmic", "2021-12-10", 60],
    ["ofac-ns-cmic", "2021-12-16", 68],
    ["ofac-ns-cmic", "2026-07-01", 68],
    ["dod-1260h", "2021-06-03", 47],
    ["dod-1260h", "2022-10-05", 60],
    ["dod-1260h", "2024-01-31", 73],
    ["dod-1260h", "2024-12-18", 71],
    ["dod-1260h", "2025-01-07", 134],
    ["dod-1260h", "2026-06-08", 188],
  ])("%s on %s: %i", (program, at, count) => {
    const members = streamsOn(program, at).filter((s) => ON_THE_LIST.includes(s.status));
    expect(members).toHaveLength(count);
  });

  it("the day before a list's first edition, nobody is on it", () => {
    expect(streamsOn("dod-1237", "2020-06-11").filter((s) => s.status !== "unlisted")).toEqual([]);
    expect(streamsOn("dod-1260h", "2021-06-02").filter((s) => s.status !== "unlisted")).toEqual([]);
  });
});

describe("lists that ended", () => {
  it.each(["dod-1237", "ofac-ns-ccmc"])(
    "nothing on %s reads listed or enforceable on any day after 2021-06-02",
    (program) => {
      for (const at of ["2021-06-03", "2022-01-01", "2026-11-30"]) {
        const streams = streamsOn(program, at);
        expect(streams.length).toBeGreaterThan(40);
        expect(streams.filter((s) => ON_THE_LIST.includes(s.status) || s.enforceable)).toEqual([]);
      }
    },
  );

  it("editions says how each list ended, with counts from the log", () => {
    const result = run("editions", "dod-1237", "--json");
    const editions = JSON.parse(result.out) as {
      kind: string;
      effective: string;
      members: number;
    }[];
    expect(editions.at(-1)).toMatchObject({
      kind: "superseded",
      effective: "2021-06-03",
      members: 0,
    });
    expect(editions.map((e) => e.effective)).toEqual([
      "2020-06-12",
      "2020-08-28",
      "2020-12-03",
      "2021-01-14",
      "2021-03-09",
      "2021-05-25",
      "2021-06-03",
    ]);
  });
});

describe("the companies a new user asks about first", () => {
  function statusOf(name: string, at = "2026-11-30") {
    const result = run("status", name, "--at", at, "--json");
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    return JSON.parse(result.out) as {
      company: string;
      streams: { program: string; status: string; since: string | null }[];
    };
  }

  it.each([
    ["Hikvision", "hikvision"],
    ["Huawei", "huawei-technologies"],
    ["China Mobile Limited", "china-mobile-limited"],
  ])("%s: on the 1260H and NS-CMIC lists since 2021-06-03, off the ended lists", (name, id) => {
    const answer = statusOf(name);
    expect(answer.company).toBe(id);
    const by = Object.fromEntries(answer.streams.map((s) => [s.program, [s.status, s.since]]));
    expect(by["dod-1260h"]).toEqual(["listed", "2021-06-03"]);
    expect(by["ofac-ns-cmic"]).toEqual(["listed", "2021-06-03"]);
    expect(by["ofac-ns-ccmc"]).toEqual(["delisted", "2021-06-03"]);
  });

  it("Hikvision and Huawei were on the 1237 list from its first edition, China Mobile Limited never", () => {
    for (const name of ["Hikvision", "Huawei"]) {
      const on = statusOf(name, "2020-06-12").streams.find((s) => s.program === "dod-1237");
      expect(on).toMatchObject({ status: "listed", since: "2020-06-12" });
    }
    const cml = statusOf("China Mobile Limited", "2021-01-08").streams;
    expect(cml.map((s) => s.program)).not.toContain("dod-1237");
    expect(cml.find((s) => s.program === "ofac-ns-ccmc")).toMatchObject({
      status: "listed",
      since: "2021-01-08",
    });
  });

  it("CRCC, China State Construction and China Telecommunications were on the 1260H list until 2025", () => {
    for (const id of ["crcc", "china-telecommunications"]) {
      const on = statusOf(id, "2024-06-01").streams.find((s) => s.program === "dod-1260h");
      expect(on).toMatchObject({ status: "listed", since: "2021-06-03" });
    }
    const csc = statusOf("china-state-construction", "2024-06-01").streams;
    expect(csc.find((s) => s.program === "dod-1260h")).toMatchObject({
      status: "listed",
      since: "2022-10-05",
    });
    for (const id of ["crcc", "china-state-construction", "china-telecommunications"]) {
      const off = statusOf(id, "2025-02-01").streams.find((s) => s.program === "dod-1260h");
      expect(off).toMatchObject({ status: "delisted", since: "2025-01-06" });
    }
  });

  it("Hesai: removed and designated again on 2024-10-23, with the court filing of 2024-10-16 noted", () => {
    const replay = run("replay", "hesai");
    expect(replay.code).toBe(0);
    expect(replay.out).toMatch(/2024-10-16\s+hesai\/dod-1260h\s+Noted/);
    expect(replay.out).toMatch(/2024-10-23\s+hesai\/dod-1260h\s+Delisted/);
    expect(replay.out).toMatch(/2024-10-23\s+hesai\/dod-1260h\s+Listed/);
    const on = statusOf("Hesai", "2024-10-23").streams.find((s) => s.program === "dod-1260h");
    expect(on).toMatchObject({ status: "listed", since: "2024-01-31" });
  });

  it("Xiaomi's court case holds on the NS-CCMC list as on the 1237 list", () => {
    const answer = statusOf("Xiaomi", "2021-04-01").streams;
    expect(answer.map((s) => [s.program, s.status, s.since])).toEqual([
      ["dod-1237", "enjoined", "2021-03-12"],
      ["ofac-ns-ccmc", "enjoined", "2021-03-12"],
    ]);
  });
});
