import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LogError } from "../../src/store/logError.js";
import { lineHash } from "../../src/store/integrityChain.js";
import { inspectLog, readLog } from "../../src/store/readLog.js";
import {
  chainLines,
  type EventObject,
  lineOf,
  makeEvent,
  makeTempDir,
  parsedOf,
  removeDir,
  SOURCE,
  writeFile,
  writeStream,
  XIAOMI_LOG,
} from "./support/logFixtures.js";

let dir: string;

beforeEach(() => {
  dir = makeTempDir("designations-readlog-");
});

afterEach(() => {
  removeDir(dir);
});

/** The `LogError` that reading `dir` throws; fails the test when it reads or throws otherwise. */
function logErrorOf(eventsDir: string): LogError {
  try {
    readLog(eventsDir);
  } catch (error) {
    if (error instanceof LogError) return error;
    throw error;
  }
  throw new Error(`expected readLog(${eventsDir}) to throw a LogError`);
}

const acme = (seq: number, type: string, effective: string, overrides: EventObject = {}) =>
  makeEvent("acme/dod-1237", seq, type, effective, overrides);

describe("readLog on a valid log", () => {
  it("reads every stream, its events in line order, sorted by stream id", () => {
    const acmeEvents = chainLines([
      acme(1, "Listed", "2021-01-14"),
      acme(2, "ChallengeFiled", "2021-02-01"),
      acme(3, "Noted", "2021-01-20"),
    ]);
    const betaEvents = chainLines([makeEvent("beta/ofac-sdn", 1, "Listed", "2022-03-01")]);
    const acmeFile = writeStream(dir, "dod-1237", "acme", acmeEvents);
    const betaFile = writeStream(dir, "ofac-sdn", "beta", betaEvents);
    mkdirSync(join(dir, "dod-1237"), { recursive: true });
    const xiaomiFile = join(dir, "dod-1237", "xiaomi.jsonl");
    copyFileSync(XIAOMI_LOG, xiaomiFile);

    const log = readLog(dir);

    expect(log.dir).toBe(dir);
    expect(log.streams.map((s) => s.stream)).toEqual([
      "acme/dod-1237",
      "beta/ofac-sdn",
      "xiaomi/dod-1237",
    ]);
    const [acmeLog, betaLog, xiaomiLog] = log.streams;
    expect(acmeLog).toEqual({
      stream: "acme/dod-1237",
      company: "acme",
      program: "dod-1237",
      file: acmeFile,
      entries: acmeEvents.map((event, index) => ({ event: parsedOf(event), line: index + 1 })),
      head: lineHash(lineOf(acmeEvents[2] as EventObject)),
      size: Buffer.byteLength(readFileSync(acmeFile)),
    });
    expect(betaLog).toMatchObject({ company: "beta", program: "ofac-sdn", file: betaFile });
    expect(betaLog?.entries).toEqual([{ event: parsedOf(betaEvents[0] as EventObject), line: 1 }]);

    const xiaomiLines = readFileSync(XIAOMI_LOG, "utf8").trimEnd().split("\n");
    expect(xiaomiLog?.file).toBe(xiaomiFile);
    expect(xiaomiLog?.entries.map((entry) => entry.event)).toEqual(
      xiaomiLines.map((line) => JSON.parse(line)),
    );
    expect(xiaomiLog?.entries.map((entry) => entry.line)).toEqual(
      xiaomiLines.map((_, index) => index + 1),
    );
  });

  it("sorts streams by <company>/<program>, not by folder", () => {
    writeStream(dir, "a-program", "zeta", [makeEvent("zeta/a-program", 1, "Listed", "2021-01-01")]);
    writeStream(dir, "b-program", "alpha", [
      makeEvent("alpha/b-program", 1, "Listed", "2021-01-01"),
    ]);
    expect(readLog(dir).streams.map((s) => s.stream)).toEqual([
      "alpha/b-program",
      "zeta/a-program",
    ]);
  });

  it("reads an empty file as a stream with no events", () => {
    writeStream(dir, "dod-1237", "acme", [acme(1, "Listed", "2021-01-14")]);
    writeFile(join(dir, "dod-1237", "empty.jsonl"), "");

    const log = readLog(dir);

    expect(log.streams.map((s) => [s.stream, s.entries.length])).toEqual([
      ["acme/dod-1237", 1],
      ["empty/dod-1237", 0],
    ]);
  });

  it("reports a last line without a newline as torn, and does not use it", () => {
    const [listed, challenged] = chainLines([
      acme(1, "Listed", "2021-01-14"),
      acme(2, "ChallengeFiled", "2021-01-29"),
    ]);
    const complete = `${lineOf(listed as EventObject)}\n`;
    const file = writeFile(
      join(dir, "dod-1237", "acme.jsonl"),
      `${complete}${lineOf(challenged as EventObject)}`,
    );

    expect(logErrorOf(dir).issues).toEqual([
      {
        file,
        line: 2,
        message: expect.stringContaining(`torn last line`) as string,
      },
    ]);
    const { log, issues } = inspectLog(dir);
    expect(issues[0]?.message).toContain(`truncate -s ${Buffer.byteLength(complete)} '${file}'`);
    expect(log.streams[0]?.entries).toEqual([{ event: parsedOf(listed as EventObject), line: 1 }]);
  });

  it("reads an empty events folder as a log with no streams", () => {
    expect(readLog(dir)).toEqual({ dir, streams: [], editions: [] });
  });

  it("ignores top-level files such as schema.json and files that do not end in .jsonl", () => {
    writeStream(dir, "dod-1237", "acme", [acme(1, "Listed", "2021-01-14")]);
    writeFile(join(dir, "schema.json"), '{"$schema": "not an event"}\n');
    writeFile(join(dir, "README.md"), "# events\n");
    writeFile(join(dir, "stray.jsonl"), "not json at all\n");
    writeFile(join(dir, "dod-1237", "notes.txt"), "not json at all\n");
    writeFile(join(dir, "dod-1237", "acme.jsonl.bak"), "not json at all\n");
    writeFile(join(dir, "dod-1237", "beta.json"), "not json at all\n");

    expect(readLog(dir).streams.map((s) => s.stream)).toEqual(["acme/dod-1237"]);
  });
});

describe("readLog reports each problem with its file, line and field", () => {
  it("malformed JSON: the file and line, and the parser's complaint", () => {
    const file = writeStream(dir, "dod-1237", "acme", [
      acme(1, "Listed", "2021-01-14"),
      '{"id": "acme-dod-1237-2", "stream": ',
    ]);

    const error = logErrorOf(dir);

    expect(error.issues).toEqual([
      { file, line: 2, message: expect.stringMatching(/^malformed JSON: /) },
    ]);
    expect(error.message).toMatch(new RegExp(`^${literal(file)}:2: malformed JSON: .+$`));
  });

  it("an unknown event type: field type", () => {
    const file = writeStream(dir, "dod-1237", "acme", [acme(1, "Frobbed", "2021-01-14")]);

    const error = logErrorOf(dir);

    expect(error.issues).toEqual([
      { file, line: 1, field: "type", message: expect.stringContaining("ChallengeFiled") },
    ]);
    expect(error.message).toContain(`${file}:1: field "type": `);
  });

  it("a court event without a court: field data.court", () => {
    const file = writeStream(dir, "dod-1237", "acme", [
      acme(1, "Listed", "2021-01-14"),
      acme(2, "ChallengeFiled", "2021-01-29", { data: { court: undefined } }),
    ]);

    const error = logErrorOf(dir);

    expect(error.issues).toEqual([
      { file, line: 2, field: "data.court", message: "is missing (expected string)" },
    ]);
    expect(error.message).toBe(`${file}:2: field "data.court": is missing (expected string)`);
  });

  it("a field the schema does not know: names the field", () => {
    const file = writeStream(dir, "dod-1237", "acme", [
      acme(1, "Listed", "2021-01-14", { data: { courtroom: "4" } }),
    ]);

    expect(logErrorOf(dir).issues).toEqual([
      { file, line: 1, field: "data.courtroom", message: expect.stringContaining("courtroom") },
    ]);
  });

  it("an impossible date in effective: 2021-02-30", () => {
    const file = writeStream(dir, "dod-1237", "acme", [
      acme(1, "Listed", "2021-01-14"),
      acme(2, "ChallengeFiled", "2021-02-30"),
    ]);

    const error = logErrorOf(dir);

    expect(error.issues).toEqual([
      {
        file,
        line: 2,
        field: "effective",
        message: '"2021-02-30" is not a real calendar date',
      },
    ]);
    expect(error.message).toBe(
      `${file}:2: field "effective": "2021-02-30" is not a real calendar date`,
    );
  });

  it("an empty sources list", () => {
    const file = writeStream(dir, "dod-1237", "acme", [
      acme(1, "Listed", "2021-01-14", { sources: [] }),
    ]);

    const error = logErrorOf(dir);

    expect(error.issues).toEqual([
      { file, line: 1, field: "sources", message: "every event needs at least one source" },
    ]);
    expect(error.message).toBe(`${file}:1: field "sources": every event needs at least one source`);
  });

  it("no sources key at all", () => {
    const file = writeStream(dir, "dod-1237", "acme", [
      acme(1, "Listed", "2021-01-14", { sources: undefined }),
    ]);

    const error = logErrorOf(dir);

    expect(error.issues).toEqual([
      { file, line: 1, field: "sources", message: "is missing (expected array)" },
    ]);
    expect(error.message).toBe(`${file}:1: field "sources": is missing (expected array)`);
  });

  it("a source without a usable URL: field sources.<n>.url", () => {
    const file = writeStream(dir, "dod-1237", "acme", [
      acme(1, "Listed", "2021-01-14", { sources: [SOURCE, { ...SOURCE, url: "ftp://x.org" }] }),
    ]);

    expect(logErrorOf(dir).issues).toEqual([
      { file, line: 1, field: "sources.1.url", message: "must be an http(s) URL" },
    ]);
  });

  it("a duplicate id within one file names where it was first used", () => {
    const file = writeStream(dir, "dod-1237", "acme", [
      acme(1, "Listed", "2021-01-14"),
      acme(2, "ChallengeFiled", "2021-01-29", { id: "acme-dod-1237-1" }),
    ]);

    const error = logErrorOf(dir);

    expect(error.issues).toEqual([
      {
        file,
        line: 2,
        field: "id",
        message: `duplicate id acme-dod-1237-1, first used at ${file}:1`,
      },
    ]);
    expect(error.message).toBe(
      `${file}:2: field "id": duplicate id acme-dod-1237-1, first used at ${file}:1`,
    );
  });

  it("a duplicate id across two files (and programs) is reported on the later file", () => {
    const first = writeStream(dir, "dod-1237", "acme", [acme(1, "Listed", "2021-01-14")]);
    const second = writeStream(dir, "ofac-sdn", "beta", [
      makeEvent("beta/ofac-sdn", 1, "Listed", "2021-01-14", { id: "acme-dod-1237-1" }),
    ]);

    const error = logErrorOf(dir);

    expect(error.issues).toEqual([
      {
        file: second,
        line: 1,
        field: "id",
        message: `duplicate id acme-dod-1237-1, first used at ${first}:1`,
      },
    ]);
    expect(error.message).toBe(
      `${second}:1: field "id": duplicate id acme-dod-1237-1, first used at ${first}:1`,
    );
  });

  it("a gap in seq", () => {
    const file = writeStream(dir, "dod-1237", "acme", [
      acme(1, "Listed", "2021-01-14"),
      acme(3, "ChallengeFiled", "2021-01-29"),
    ]);

    const error = logErrorOf(dir);

    expect(error.issues).toEqual([
      { file, line: 2, field: "seq", message: expect.stringMatching(/^is 3, expected 2\b/) },
    ]);
    expect(error.message).toMatch(new RegExp(`^${literal(file)}:2: field "seq": is 3, expected 2`));
  });

  it("a repeated seq", () => {
    const file = writeStream(dir, "dod-1237", "acme", [
      acme(1, "Listed", "2021-01-14"),
      acme(1, "ChallengeFiled", "2021-01-29", { id: "acme-dod-1237-2" }),
    ]);

    expect(logErrorOf(dir).issues).toEqual([
      { file, line: 2, field: "seq", message: expect.stringMatching(/^is 1, expected 2\b/) },
    ]);
  });

  it("a seq that does not start at 1", () => {
    const file = writeStream(dir, "dod-1237", "acme", [acme(2, "Listed", "2021-01-14")]);

    const error = logErrorOf(dir);

    expect(error.issues).toEqual([
      { file, line: 1, field: "seq", message: expect.stringMatching(/^is 2, expected 1\b/) },
    ]);
    expect(error.message).toMatch(new RegExp(`^${literal(file)}:1: field "seq": is 2, expected 1`));
  });

  it("a stream field naming another company or program than the file", () => {
    const file = writeStream(dir, "dod-1237", "acme", [
      acme(1, "Listed", "2021-01-14", { stream: "beta/dod-1237" }),
      acme(2, "ChallengeFiled", "2021-01-29", { stream: "acme/ofac-sdn" }),
    ]);

    const error = logErrorOf(dir);

    expect(error.issues).toEqual([
      {
        file,
        line: 1,
        field: "stream",
        message: '"beta/dod-1237" does not match the file, which holds acme/dod-1237',
      },
      {
        file,
        line: 2,
        field: "stream",
        message: '"acme/ofac-sdn" does not match the file, which holds acme/dod-1237',
      },
    ]);
    expect(error.message.split("\n")).toEqual([
      `${file}:1: field "stream": "beta/dod-1237" does not match the file, which holds acme/dod-1237`,
      `${file}:2: field "stream": "acme/ofac-sdn" does not match the file, which holds acme/dod-1237`,
    ]);
  });

  it("an empty (or blank) line in the middle of a file, reported once (the seq of later events still counts)", () => {
    const file = writeStream(dir, "dod-1237", "acme", [
      acme(1, "Listed", "2021-01-14"),
      "",
      acme(2, "ChallengeFiled", "2021-01-29"),
      "   ",
      acme(3, "InjunctionGranted", "2021-03-12"),
    ]);

    const error = logErrorOf(dir);

    // The fixture chains each event to the text of the line before it, blank or not; the reader
    // chains past blank lines, so the event after each blank line breaks the chain too.
    const chainBroken = expect.stringMatching(/^does not match the hash of line \d+: /) as string;
    expect(error.issues).toEqual([
      { file, line: 2, message: "empty line: every line must hold one event" },
      { file, line: 3, field: "prev", message: chainBroken },
      { file, line: 4, message: "empty line: every line must hold one event" },
      { file, line: 5, field: "prev", message: chainBroken },
    ]);
    expect(error.message.split("\n")).toEqual([
      `${file}:2: empty line: every line must hold one event`,
      expect.stringMatching(new RegExp(`^${literal(file)}:3: field "prev": does not match`)),
      `${file}:4: empty line: every line must hold one event`,
      expect.stringMatching(new RegExp(`^${literal(file)}:5: field "prev": does not match`)),
    ]);
  });

  it("a Corrected event naming an unknown id: field data.corrects", () => {
    const file = writeStream(dir, "dod-1237", "acme", [
      acme(1, "Listed", "2021-01-14"),
      acme(2, "Corrected", "2021-01-20", { data: { corrects: "acme-dod-1237-9" } }),
    ]);

    const error = logErrorOf(dir);

    expect(error.issues).toEqual([
      {
        file,
        line: 2,
        field: "data.corrects",
        message: "names acme-dod-1237-9, which is not an earlier event of acme/dod-1237",
      },
    ]);
    expect(error.message).toBe(
      `${file}:2: field "data.corrects": names acme-dod-1237-9, which is not an earlier event of acme/dod-1237`,
    );
  });

  it("a correction must name an earlier event of its own stream, and not another correction", () => {
    const acmeFile = writeStream(dir, "dod-1237", "acme", [
      acme(1, "Listed", "2021-01-14"),
      acme(2, "Corrected", "2021-01-20", { data: { corrects: "acme-dod-1237-3" } }),
      acme(3, "ChallengeFiled", "2021-01-29"),
      acme(4, "Retracted", "2021-02-01", { data: { retracts: "beta-dod-1237-1" } }),
      acme(5, "Corrected", "2021-02-02", { data: { corrects: "acme-dod-1237-1" } }),
      acme(6, "Corrected", "2021-02-03", { data: { corrects: "acme-dod-1237-5" } }),
    ]);
    writeStream(dir, "dod-1237", "beta", [makeEvent("beta/dod-1237", 1, "Listed", "2021-01-14")]);

    expect(logErrorOf(dir).issues).toEqual([
      {
        file: acmeFile,
        line: 2,
        field: "data.corrects",
        message: "names acme-dod-1237-3, which is not an earlier event of acme/dod-1237",
      },
      {
        file: acmeFile,
        line: 4,
        field: "data.retracts",
        message: "names beta-dod-1237-1, which is not an earlier event of acme/dod-1237",
      },
      {
        file: acmeFile,
        line: 6,
        field: "data.corrects",
        message: "names acme-dod-1237-5, a Corrected: correct the original event instead",
      },
    ]);
  });

  it("accepts a correction and a retraction of earlier events of the stream", () => {
    writeStream(dir, "dod-1237", "acme", [
      acme(1, "Listed", "2021-01-14"),
      acme(2, "Noted", "2021-01-15"),
      acme(3, "Corrected", "2021-01-20", {
        data: { corrects: "acme-dod-1237-1", effective: "2021-01-13" },
      }),
      acme(4, "Retracted", "2021-01-21", { data: { retracts: "acme-dod-1237-2" } }),
    ]);

    expect(readLog(dir).streams[0]?.entries.map((entry) => entry.event.type)).toEqual([
      "Listed",
      "Noted",
      "Corrected",
      "Retracted",
    ]);
  });

  it("a program folder or company file name that is not a slug", () => {
    const file = writeStream(dir, "DoD", "acme", [
      makeEvent("acme/dod", 1, "Listed", "2021-01-14"),
    ]);

    expect(logErrorOf(dir).issues).toContainEqual({
      file,
      message: 'program folder "DoD" must be a lowercase slug such as xiaomi or dod-1237',
    });
  });

  it("a missing events folder", () => {
    const missing = join(dir, "no-such-folder");

    const error = logErrorOf(missing);

    expect(error.issues).toEqual([{ file: missing, message: "no such events folder" }]);
    expect(error.message).toBe(`${missing}: no such events folder`);
  });

  it("an events path that is a file, not a folder", () => {
    const file = writeFile(join(dir, "events.jsonl"), "");

    expect(logErrorOf(file).issues).toEqual([
      { file, message: "not a folder: --events names the events folder" },
    ]);
  });
});

describe("readLog reports every problem of the log at once", () => {
  it("across lines, files and programs, one issue per problem, one message line per issue", () => {
    const acmeFile = writeStream(dir, "dod-1237", "acme", [
      acme(1, "Listed", "2021-01-14"),
      "{not json",
      acme(3, "ChallengeFiled", "2021-02-30"),
    ]);
    const betaFile = writeStream(dir, "dod-1237", "beta", [
      makeEvent("beta/dod-1237", 1, "Listed", "2021-01-14", { id: "acme-dod-1237-1" }),
      makeEvent("beta/dod-1237", 5, "ChallengeFiled", "2021-01-29"),
    ]);
    const gammaFile = writeStream(dir, "ofac-sdn", "gamma", [
      makeEvent("gamma/dod-1237", 1, "Listed", "2021-01-14"),
      makeEvent("gamma/ofac-sdn", 2, "Delisted", "2021-06-01", { sources: [] }),
    ]);

    const error = logErrorOf(dir);

    const expected = [
      { file: acmeFile, line: 2, message: expect.stringMatching(/^malformed JSON: /) },
      { file: acmeFile, line: 3, field: "effective", message: expect.any(String) },
      { file: betaFile, line: 1, field: "id", message: expect.stringContaining(`${acmeFile}:1`) },
      {
        file: betaFile,
        line: 2,
        field: "seq",
        message: expect.stringMatching(/^is 5, expected 2/),
      },
      { file: gammaFile, line: 1, field: "stream", message: expect.any(String) },
      { file: gammaFile, line: 2, field: "sources", message: expect.any(String) },
    ];
    expect(error.issues).toHaveLength(expected.length);
    expect(error.issues).toEqual(expect.arrayContaining(expected));
    const lines = error.message.split("\n");
    expect(lines).toHaveLength(expected.length);
    for (const { file, line } of expected) {
      expect(lines.some((text) => text.startsWith(`${file}:${line}: `))).toBe(true);
    }
  });

  it("several problems on one line are all reported", () => {
    const file = writeStream(dir, "dod-1237", "acme", [
      acme(1, "ChallengeFiled", "2021-02-30", { sources: [], data: { court: undefined } }),
    ]);

    const issues = logErrorOf(dir).issues;

    expect(issues.map((issue) => [issue.file, issue.line, issue.field])).toEqual(
      expect.arrayContaining([
        [file, 1, "effective"],
        [file, 1, "sources"],
        [file, 1, "data.court"],
      ]),
    );
    expect(issues).toHaveLength(3);
  });
});

/** `text` as a regular expression matching itself. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("readLog skips what is not a stream file", () => {
  it("ignores a folder named like a stream file", () => {
    const dir = mkdtempSync(join(tmpdir(), "readlog-skip-"));
    writeStream(dir, "dod-1237", "acme", [acme(1, "Listed", "2021-01-14")]);
    mkdirSync(join(dir, "dod-1237", "weird.jsonl"));
    expect(readLog(dir).streams.map((stream) => stream.stream)).toEqual(["acme/dod-1237"]);
  });

  it("refuses a symbolic link where a program folder could be, dangling or not, naming it", () => {
    const dir = mkdtempSync(join(tmpdir(), "readlog-skip-"));
    writeStream(dir, "dod-1237", "acme", [acme(1, "Listed", "2021-01-14")]);
    symlinkSync("/nonexistent", join(dir, "dangling"));
    expect(() => readLog(dir)).toThrow(`${join(dir, "dangling")}: a symbolic link`);
  });
});

describe("inspectLog", () => {
  it("returns the log and no issue for a valid log, like readLog", () => {
    writeStream(dir, "dod-1237", "acme", [acme(1, "Listed", "2021-01-14")]);
    expect(inspectLog(dir)).toEqual({ log: readLog(dir), issues: [] });
  });

  it("returns every issue beside the log instead of throwing, with the lines that read well", () => {
    const [listed, challenged, granted] = chainLines([
      acme(1, "Listed", "2021-01-14"),
      acme(2, "ChallengeFiled", "2021-01-29"),
      acme(3, "InjunctionGranted", "2021-03-12"),
    ]) as EventObject[];
    const tampered = { ...listed, effective: "2021-01-13" };
    const acmeFile = writeFile(
      join(dir, "dod-1237", "acme.jsonl"),
      [tampered, challenged, granted].map((event) => `${lineOf(event as EventObject)}\n`).join("") +
        '{"id":"acme-dod-1237-4"',
    );
    const betaFile = writeStream(dir, "dod-1237", "beta", [
      makeEvent("beta/dod-1237", 1, "Listed", "2021-01-14", { id: "acme-dod-1237-1" }),
    ]);

    let inspection: ReturnType<typeof inspectLog> | undefined;
    expect(() => {
      inspection = inspectLog(dir);
    }).not.toThrow();

    expect(inspection?.issues).toEqual([
      { file: acmeFile, line: 4, message: expect.stringMatching(/^torn last line: /) },
      { file: acmeFile, line: 2, field: "prev", message: expect.stringMatching(/^does not match/) },
      {
        file: betaFile,
        line: 1,
        field: "id",
        message: `duplicate id acme-dod-1237-1, first used at ${acmeFile}:1`,
      },
    ]);
    expect(inspection?.log.streams.map((s) => [s.stream, s.entries.length])).toEqual([
      ["acme/dod-1237", 3],
      ["beta/dod-1237", 1],
    ]);
    expect(logErrorOf(dir).issues).toEqual(inspection?.issues);
  });

  it("throws only for a missing events folder", () => {
    const missing = join(dir, "missing");
    expect(() => inspectLog(missing)).toThrow(LogError);
  });
});
