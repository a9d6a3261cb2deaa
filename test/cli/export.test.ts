import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLog } from "../../src/store/readLog.js";
import { replayLogStrict } from "../../src/replay/replayLog.js";
import { cloudEventValidator } from "../export/support/cloudEventJsonSchema.js";
import {
  makeEvent,
  makeTempDir,
  removeDir,
  writeFile,
  writeStream,
} from "../store/support/logFixtures.js";
import { linesOf, treeOf, xiaomiEventsDir } from "./support/eventsDirs.js";
import {
  csvRows,
  HEADER,
  jsonLines,
  linesOfCompany,
  XIAOMI_LINES,
} from "./support/exportOutput.js";
import { type CliResult, crashLines, REPO_ROOT, runCli } from "./support/runCli.js";

const TRICKY = 'Acme said "we will appeal, of course",\nthen did not.';

/** Exits 0 with nothing on stderr, and gives stdout. */
function ok(result: CliResult): string {
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return result.stdout;
}

function expectNoCrash(result: CliResult): void {
  expect(crashLines(result.stderr)).toEqual([]);
}

describe("designations export, on the repository's log", () => {
  const log = readLog(join(REPO_ROOT, "events"));
  const timelines = replayLogStrict(log);
  const logEvents = log.streams.flatMap((stream) => stream.entries.map((entry) => entry.event));
  let csv: string;

  beforeAll(async () => {
    csv = ok(await runCli(["export", "--format", "csv"]));
  });

  it("writes a CSV with the header, CRLF line ends and Xiaomi's intervals derived by hand", () => {
    expect(csv.split("\r\n")[0]).toBe(HEADER.join(","));
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/"(?:[^"]|"")*"/g, "").replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const rows = csvRows(csv);
    expect(Object.keys(rows[0] ?? {})).toEqual(HEADER);
    expect(linesOfCompany(csv, "xiaomi", "dod-1237")).toEqual(XIAOMI_LINES);
    expect(rows.find((row) => row.company === "xiaomi")).toMatchObject({
      status: "listed",
      valid_from: "2021-01-14",
      source_url: expect.stringMatching(/^https:\/\/www\.siliconexpert\.com\//),
    });
    expect(rows.filter((row) => row.company === "xiaomi").at(-1)?.valid_to).toBe("");
  });

  it("has the rows of every stream of events/, one per interval", () => {
    const rows = csvRows(csv);
    for (const timeline of timelines) {
      const own = rows.filter(
        (row) => row.company === timeline.company && row.program === timeline.program,
      );
      expect(
        own.map((row) => row.valid_from),
        timeline.stream,
      ).toEqual(timeline.intervals.map((interval) => interval.from));
    }
    const total = timelines.reduce((sum, timeline) => sum + timeline.intervals.length, 0);
    expect(rows).toHaveLength(total);
    expect(total).toBeGreaterThan(XIAOMI_LINES.length);
  });

  it("writes the same rows as JSON lines, with booleans and null for an open interval", async () => {
    const lines = jsonLines(ok(await runCli(["export", "--format", "jsonl"])));
    const asCsv = lines.map((line) =>
      Object.fromEntries(Object.entries(line).map(([key, value]) => [key, String(value ?? "")])),
    );
    expect(asCsv).toEqual(csvRows(csv));
    const vacated = lines.find((line) => line.event_id === "xiaomi-dod-1237-0011");
    expect(vacated).toMatchObject({ enforceable: false, uncertain: false, valid_to: null });
    expect(lines.find((line) => line.event_id === "xiaomi-dod-1237-0001")?.enforceable).toBe(true);
  });

  it("writes each event of the log as a CloudEvent that passes the CloudEvents JSON schema", async () => {
    const validate = cloudEventValidator();
    const cloudEvents = jsonLines(ok(await runCli(["export", "--format", "cloudevents"])));
    expect(cloudEvents).toHaveLength(logEvents.length);
    expect(cloudEvents.map((event) => event.id)).toEqual(logEvents.map((event) => event.id));
    for (const cloudEvent of cloudEvents) {
      expect(validate(cloudEvent), JSON.stringify(validate.errors)).toBe(true);
    }
    const injunction = cloudEvents.find((event) => event.id === "xiaomi-dod-1237-0006");
    expect(injunction).toMatchObject({
      source: "urn:designations:dod-1237:xiaomi",
      type: "org.designations.event.injunction-granted",
      subject: "xiaomi/dod-1237",
      time: "2026-11-23T12:00:30.526Z",
      data: { effective: "2021-03-12", details: { judge: "Rudolph Contreras" } },
    });
  });

  it("restricts to one program, and says so for a program the log does not have", async () => {
    const text = ok(await runCli(["export", "--format", "csv", "--program", "dod-1237"]));
    const rows = csvRows(text);
    expect(new Set(rows.map((row) => row.program))).toEqual(new Set(["dod-1237"]));
    expect(rows.length).toBeLessThan(csvRows(csv).length);
    expect(linesOfCompany(text, "xiaomi", "dod-1237")).toEqual(XIAOMI_LINES);
    const unknown = await runCli(["export", "--format", "csv", "--program", "dod-9999"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toMatch(/unknown program "dod-9999"; the log has: .*dod-1237/);
  });

  it("refuses timelines as CloudEvents, a bad format and a missing format (exit 2)", async () => {
    const cases = [
      [
        ["--what", "timelines", "--format", "cloudevents"],
        /--what timelines cannot be exported as CloudEvents/,
      ],
      [["--format", "xml"], /--format: "xml" is not a format; use one of csv, jsonl, cloudevents/],
      [[], /--format is required: use one of csv, jsonl, cloudevents/],
      [
        ["--format", "csv", "--what", "streams"],
        /--what: "streams" is not one of timelines, events/,
      ],
    ] as const;
    for (const [args, message] of cases) {
      const result = await runCli(["export", ...args]);
      expectNoCrash(result);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(message);
    }
  });

  it("has help with an example", async () => {
    const help = ok(await runCli(["export", "--help"]));
    expect(help).toMatch(/^Usage: designations export --format csv\|jsonl\|cloudevents/);
    expect(help).toMatch(/Example: designations export /);
    expect(ok(await runCli(["--help"]))).toMatch(/\n {2}export +export /);
  });
});

describe("designations export, on a log with corrections and awkward text", () => {
  let events: string;
  let acmeFile: string;

  beforeAll(() => {
    events = xiaomiEventsDir().dir;
    const stream = "acme/dod-1260h";
    acmeFile = writeStream(events, "dod-1260h", "acme", [
      makeEvent(stream, 1, "Listed", "2021-01-10", { data: { description: TRICKY } }),
      makeEvent(stream, 2, "ChallengeFiled", "2021-02-01", { known: "2021-03-05" }),
      makeEvent(stream, 3, "Corrected", "2021-02-02", {
        known: "2021-02-02",
        data: { corrects: "acme-dod-1260h-1", effective: "2021-01-11" },
      }),
      makeEvent(stream, 4, "Noted", "2021-02-03"),
      makeEvent(stream, 5, "Retracted", "2021-02-04", { data: { retracts: "acme-dod-1260h-4" } }),
    ]);
  });

  afterAll(() => {
    removeDir(events);
  });

  const exportOf = async (...args: string[]) =>
    ok(await runCli(["export", "--events", events, ...args]));

  it("round-trips a description with a comma, a quote and a newline", async () => {
    const rows = csvRows(await exportOf("--format", "csv", "--what", "events"));
    expect(rows.find((row) => row.id === "acme-dod-1260h-1")?.description).toBe(TRICKY);
  });

  it("writes one row per event, corrections and retractions as they are in the log", async () => {
    const rows = csvRows(await exportOf("--format", "csv", "--what", "events"));
    expect(rows.map((row) => row.id)).toEqual([
      ...["1", "2", "3", "4", "5"].map((seq) => `acme-dod-1260h-${seq}`),
      ...linesOf(join(events, "dod-1237", "xiaomi.jsonl")).map(
        (line) => (JSON.parse(line) as { id: string }).id,
      ),
    ]);
    expect(rows[0]).toMatchObject({ effective: "2021-01-10", known: "", target_id: "" });
    expect(rows[2]).toMatchObject({ type: "Corrected", target_id: "acme-dod-1260h-1" });
    expect(rows[4]).toMatchObject({ type: "Retracted", target_id: "acme-dod-1260h-4" });
    const injunction = rows.find((row) => row.id === "xiaomi-dod-1237-0006");
    expect(injunction).toMatchObject({ court: "U.S. District Court for the District of Columbia" });
    expect(injunction?.source_urls?.split(" ")).toHaveLength(6);
  });

  it("writes the events as JSON lines exactly as the log holds them", async () => {
    const text = await exportOf("--format", "jsonl", "--what", "events", "--program", "dod-1260h");
    expect(text).toBe(readFileSync(acmeFile, "utf8"));
  });

  it("takes the timelines as corrected, and known_at from the opening event", async () => {
    const rows = csvRows(await exportOf("--format", "csv", "--program", "dod-1260h"));
    expect(rows.map((row) => [row.status, row.valid_from, row.valid_to, row.known_at])).toEqual([
      ["listed", "2021-01-11", "2021-02-01", "2021-01-11"],
      ["challenged", "2021-02-01", "", "2021-03-05"],
    ]);
  });

  it("answers from what was public by --known-at, timelines and events alike", async () => {
    const rows = csvRows(await exportOf("--format", "csv", "--known-at", "2021-02-10"));
    const acme = rows.filter((row) => row.company === "acme");
    expect(acme.map((row) => [row.status, row.valid_from, row.valid_to])).toEqual([
      ["listed", "2021-01-11", ""],
    ]);
    const xiaomi = rows.filter((row) => row.company === "xiaomi");
    expect(xiaomi.map((row) => [row.status, row.valid_to])).toEqual([
      ["listed", "2021-01-29"],
      ["challenged", ""],
    ]);
    const cloud = jsonLines(
      await exportOf(
        "--format",
        "cloudevents",
        "--known-at",
        "2021-02-03",
        "--program",
        "dod-1260h",
      ),
    );
    expect(cloud.map((event) => event.id)).toEqual([
      "acme-dod-1260h-1",
      "acme-dod-1260h-3",
      "acme-dod-1260h-4",
    ]);
  });

  it("exports nothing but the header from a --recorded-at before the log began", async () => {
    const before = ["--recorded-at", "2020-01-01T00:00:00Z"];
    expect(await exportOf("--format", "csv", ...before)).toBe(`${HEADER.join(",")}\r\n`);
    expect(await exportOf("--format", "jsonl", "--what", "events", ...before)).toBe("");
  });

  it("writes --out whole, says what it wrote, and matches standard output", async () => {
    const outDir = makeTempDir("designations-export-");
    try {
      const file = join(outDir, "timelines.csv");
      const said = await exportOf("--format", "csv", "--out", file);
      expect(said).toBe(`wrote 7 rows to ${file}\n`);
      expect(readFileSync(file, "utf8")).toBe(await exportOf("--format", "csv"));
      const cloudFile = join(outDir, "events.jsonl");
      expect(await exportOf("--format", "cloudevents", "--out", cloudFile)).toBe(
        `wrote 17 events to ${cloudFile}\n`,
      );
      expect(jsonLines(readFileSync(cloudFile, "utf8"))).toHaveLength(17);
    } finally {
      removeDir(outDir);
    }
  });

  it("writes nothing when the folder of --out is missing (exit 2)", async () => {
    const before = treeOf(events);
    const file = join(events, "missing", "timelines.csv");
    const result = await runCli(["export", "--events", events, "--format", "csv", "--out", file]);
    expectNoCrash(result);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/--out: the folder .*missing does not exist/);
    expect(existsSync(file)).toBe(false);
    expect(treeOf(events)).toEqual(before);
  });

  it("reports a bad log with its file and line (exit 1), and exports nothing", async () => {
    const bad = xiaomiEventsDir().dir;
    try {
      writeFile(join(bad, "dod-1237", "zeta.jsonl"), "{not json\n");
      for (const format of ["csv", "cloudevents"]) {
        const result = await runCli(["export", "--events", bad, "--format", format]);
        expectNoCrash(result);
        expect(result.code).toBe(1);
        expect(result.stdout).toBe("");
        expect(result.stderr).toMatch(/zeta\.jsonl:1/);
      }
    } finally {
      removeDir(bad);
    }
  });
});

describe("designations export --format csv, against CSV injection", () => {
  let events: string;
  const FORMULA = '=HYPERLINK("http://evil.example","click")';

  beforeAll(() => {
    events = xiaomiEventsDir().dir;
    const stream = "acme/dod-1260h";
    writeStream(events, "dod-1260h", "acme", [
      makeEvent(stream, 1, "Listed", "2021-01-10", { data: { description: FORMULA } }),
      makeEvent(stream, 2, "ChallengeFiled", "2021-02-01", {
        data: { description: "+1 filed", docket: "-1:21-cv-00280", court: "@court" },
      }),
      makeEvent(stream, 3, "Noted", "2021-02-03", { data: { description: "\tindented" } }),
    ]);
  });

  afterAll(() => {
    removeDir(events);
  });

  it("writes a cell a spreadsheet would run as a formula with a ' before it", async () => {
    const result = await runCli([
      "export",
      "--events",
      events,
      "--format",
      "csv",
      "--what",
      "events",
    ]);
    expect(result.code).toBe(0);
    const rows = csvRows(result.stdout).filter((row) => row.company === "acme");
    expect(rows.map((row) => row.description)).toEqual([`'${FORMULA}`, "'+1 filed", "'\tindented"]);
    expect(rows[1]).toMatchObject({ docket: "'-1:21-cv-00280", court: "'@court" });
    // Dates, ids and plain text are left as they are.
    expect(rows[0]).toMatchObject({ effective: "2021-01-10", id: "acme-dod-1260h-1" });
  });

  it("writes every cell exactly as it is with --raw", async () => {
    const result = await runCli([
      ...["export", "--events", events, "--format", "csv", "--what", "events", "--raw"],
    ]);
    expect(result.code).toBe(0);
    const rows = csvRows(result.stdout).filter((row) => row.company === "acme");
    expect(rows.map((row) => row.description)).toEqual([FORMULA, "+1 filed", "\tindented"]);
  });

  it("leaves JSON lines and CloudEvents alone: they are not spreadsheets", async () => {
    const result = await runCli([
      "export",
      "--events",
      events,
      "--format",
      "jsonl",
      "--what",
      "events",
      "--program",
      "dod-1260h",
    ]);
    expect(result.stdout).toContain(JSON.stringify(FORMULA));
  });
});
