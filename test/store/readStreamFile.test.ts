import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GENESIS, lineHash } from "../../src/store/integrityChain.js";
import type { LogIssue } from "../../src/store/logError.js";
import { readStreamFile } from "../../src/store/readStreamFile.js";
import type { StreamLog } from "../../src/store/streamLog.js";
import {
  chainLines,
  type EventObject,
  lineOf,
  makeEvent,
  makeTempDir,
  parsedOf,
  removeDir,
  writeFile,
} from "./support/logFixtures.js";

let dir: string;
let file: string;

beforeEach(() => {
  dir = makeTempDir("designations-readstream-");
  file = join(dir, "dod-1237", "acme.jsonl");
});

afterEach(() => {
  removeDir(dir);
});

const acme = (seq: number, type: string, effective: string, overrides: EventObject = {}) =>
  makeEvent("acme/dod-1237", seq, type, effective, overrides);

/** Four events of acme/dod-1237, chained, as the lines of a valid file. */
function validLines(): string[] {
  return chainLines([
    acme(1, "Listed", "2021-01-14"),
    acme(2, "ChallengeFiled", "2021-01-29"),
    acme(3, "InjunctionGranted", "2021-03-12"),
    acme(4, "Noted", "2021-03-15"),
  ]).map(lineOf);
}

/** Writes the lines, each ending in a newline, and reads the file back. */
function readLines(lines: readonly string[]): { stream: StreamLog; issues: LogIssue[] } {
  writeFile(file, lines.map((line) => `${line}\n`).join(""));
  return read();
}

function read(): { stream: StreamLog; issues: LogIssue[] } {
  const issues: LogIssue[] = [];
  const stream = readStreamFile(file, "acme", "dod-1237", issues);
  return { stream, issues };
}

const brokenAfter = (line: number) =>
  `does not match the hash of line ${line}: a line before it was changed, removed or moved`;

describe("readStreamFile on a well-chained file", () => {
  it("returns every event with its line, and no issue", () => {
    const lines = validLines();
    const { stream, issues } = readLines(lines);
    expect(issues).toEqual([]);
    expect(stream).toMatchObject({
      stream: "acme/dod-1237",
      company: "acme",
      program: "dod-1237",
      file,
    });
    expect(stream.entries).toEqual(
      lines.map((line, index) => ({ event: JSON.parse(line) as unknown, line: index + 1 })),
    );
  });

  it("chains the lines: GENESIS first, then the hash of the line before", () => {
    const lines = validLines();
    const { stream } = readLines(lines);
    expect(stream.entries.map((entry) => entry.event.prev)).toEqual([
      GENESIS,
      ...lines.slice(0, -1).map(lineHash),
    ]);
  });

  it("gives head, the hash of the last line (the next line's prev), and the size in bytes", () => {
    const lines = validLines();
    const { stream } = readLines(lines);
    expect(stream.head).toBe(lineHash(lines[3] as string));
    const bytes = lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
    expect(stream.size).toBe(bytes);
  });

  it("counts the size in bytes, not characters", () => {
    const [line] = chainLines([acme(1, "Listed", "2021-01-14", { data: { listedAs: "小米" } })]);
    const text = lineOf(line as EventObject);
    const { stream, issues } = readLines([text]);
    expect(issues).toEqual([]);
    expect(stream.size).toBe(Buffer.byteLength(`${text}\n`, "utf8"));
    expect(stream.size).toBeGreaterThan(text.length + 1);
  });
});

describe("readStreamFile on an empty or missing file", () => {
  const empty = (stream: StreamLog) => ({
    entries: stream.entries,
    head: stream.head,
    size: stream.size,
  });

  it("reads an empty file as an empty stream whose head is GENESIS", () => {
    writeFile(file, "");
    const { stream, issues } = read();
    expect(issues).toEqual([]);
    expect(empty(stream)).toEqual({ entries: [], head: GENESIS, size: 0 });
    expect(stream.stream).toBe("acme/dod-1237");
  });

  it("reads a missing file as an empty stream whose head is GENESIS", () => {
    const { stream, issues } = read();
    expect(issues).toEqual([]);
    expect(empty(stream)).toEqual({ entries: [], head: GENESIS, size: 0 });
    expect(stream.file).toBe(file);
  });
});

describe("readStreamFile checks the integrity chain", () => {
  it("a changed line breaks the chain at the next line", () => {
    const lines = validLines();
    lines[1] = (lines[1] as string).replace("ChallengeFiled on", "Challenge filed on");
    const { stream, issues } = readLines(lines);
    expect(issues).toEqual([{ file, line: 3, field: "prev", message: brokenAfter(2) }]);
    // The lines read well all the same: the chain only says which one to look at.
    expect(stream.entries).toHaveLength(4);
  });

  it("a changed last line is not caught by the chain, but changes the head", () => {
    const lines = validLines();
    const before = readLines(lines).stream.head;
    lines[3] = (lines[3] as string).replace('"confidence":"high"', '"confidence":"low"');
    const { stream, issues } = readLines(lines);
    expect(issues).toEqual([]);
    expect(stream.head).not.toBe(before);
    expect(stream.head).toBe(lineHash(lines[3] as string));
  });

  it("a removed line breaks the chain (and seq) on the line that took its place", () => {
    const lines = validLines();
    lines.splice(1, 1);
    const { issues } = readLines(lines);
    expect(issues).toEqual([
      { file, line: 2, field: "prev", message: brokenAfter(1) },
      { file, line: 2, field: "seq", message: expect.stringMatching(/^is 3, expected 2\b/) },
      { file, line: 3, field: "seq", message: expect.stringMatching(/^is 4, expected 3\b/) },
    ]);
  });

  it("two swapped lines break the chain on each of them and on the line after them", () => {
    const lines = validLines();
    [lines[1], lines[2]] = [lines[2] as string, lines[1] as string];
    const { issues } = readLines(lines);
    expect(issues.filter((issue) => issue.field === "prev")).toEqual([
      { file, line: 2, field: "prev", message: brokenAfter(1) },
      { file, line: 3, field: "prev", message: brokenAfter(2) },
      { file, line: 4, field: "prev", message: brokenAfter(3) },
    ]);
    expect(issues.filter((issue) => issue.field !== "prev")).toEqual([
      { file, line: 2, field: "seq", message: expect.stringMatching(/^is 3, expected 2\b/) },
      { file, line: 3, field: "seq", message: expect.stringMatching(/^is 2, expected 3\b/) },
    ]);
  });

  it("a first line whose prev is not GENESIS", () => {
    const [listed] = chainLines([acme(1, "Listed", "2021-01-14", { prev: lineHash("gone") })]);
    const { stream, issues } = readLines([lineOf(listed as EventObject)]);
    expect(issues).toEqual([
      {
        file,
        line: 1,
        field: "prev",
        message: "the first line's prev must be 64 zeros: lines were removed or moved before it",
      },
    ]);
    expect(stream.entries).toEqual([{ event: parsedOf(listed as EventObject), line: 1 }]);
  });

  it("a removed first line is reported on the new first line", () => {
    const lines = validLines().slice(1);
    const { issues } = readLines(lines);
    expect(issues.filter((issue) => issue.field === "prev")).toEqual([
      { file, line: 1, field: "prev", message: expect.stringMatching(/^the first line's prev/) },
    ]);
    expect(issues.filter((issue) => issue.field === "seq").map((issue) => issue.line)).toEqual([
      1, 2, 3,
    ]);
  });

  it("a line inserted between two others breaks the chain at the line after it", () => {
    const lines = validLines();
    lines.splice(2, 0, "{not json");
    const { issues } = readLines(lines);
    expect(issues).toEqual([
      { file, line: 3, message: expect.stringMatching(/^malformed JSON: /) },
      { file, line: 4, field: "prev", message: brokenAfter(3) },
      { file, line: 4, field: "seq", message: expect.stringMatching(/^is 3, expected 4\b/) },
      { file, line: 5, field: "seq", message: expect.stringMatching(/^is 4, expected 5\b/) },
    ]);
  });

  it("chains through a broken line as stored: the next line's prev is the hash of its text", () => {
    const lines = chainLines([
      acme(1, "Listed", "2021-01-14"),
      "{not json",
      acme(3, "ChallengeFiled", "2021-01-29"),
    ]).map(lineOf);
    expect(JSON.parse(lines[2] as string)).toMatchObject({ prev: lineHash("{not json") });
    const { stream, issues } = readLines(lines);
    expect(issues).toEqual([
      { file, line: 2, message: expect.stringMatching(/^malformed JSON: /) },
    ]);
    expect(stream.entries.map((entry) => entry.line)).toEqual([1, 3]);
  });

  it("a prev that is not a hash at all is a schema problem of its own line", () => {
    const lines = validLines();
    lines[1] = (lines[1] as string).replace(/"prev":"[0-9a-f]{64}"/, '"prev":"xyz"');
    const { issues } = readLines(lines);
    expect(issues).toEqual([
      { file, line: 2, field: "prev", message: "must be a SHA-256 hash in lowercase hex" },
      { file, line: 3, field: "prev", message: brokenAfter(2) },
    ]);
  });
});

describe("readStreamFile on a torn last line", () => {
  it("reports it with its line and the truncate command, and returns the lines before it", () => {
    const lines = validLines();
    const complete = lines
      .slice(0, 3)
      .map((line) => `${line}\n`)
      .join("");
    const torn = (lines[3] as string).slice(0, 40);
    writeFile(file, `${complete}${torn}`);

    const { stream, issues } = read();

    const keep = Buffer.byteLength(complete);
    expect(issues).toEqual([
      {
        file,
        line: 4,
        message: `torn last line: it has no newline at its end, the trace of an interrupted write. Remove it (truncate -s ${keep} '${file}') and append that event again`,
      },
    ]);
    expect(stream.entries).toEqual(
      lines
        .slice(0, 3)
        .map((line, index) => ({ event: JSON.parse(line) as unknown, line: index + 1 })),
    );
    expect(stream.head).toBe(lineHash(lines[2] as string));
    expect(stream.size).toBe(keep + Buffer.byteLength(torn));
  });

  it("never parses it, even when it holds a whole valid event", () => {
    const lines = validLines();
    writeFile(file, `${lines[0]}\n${lines[1]}`);
    const { stream, issues } = read();
    expect(issues).toEqual([
      {
        file,
        line: 2,
        message: expect.stringContaining(
          `truncate -s ${Buffer.byteLength(`${lines[0]}\n`)} '${file}'`,
        ) as string,
      },
    ]);
    expect(stream.entries.map((entry) => entry.line)).toEqual([1]);
  });

  it("counts bytes, not characters, in the truncate hint", () => {
    const [line] = chainLines([acme(1, "Listed", "2021-01-14", { data: { listedAs: "小米" } })]);
    const first = `${lineOf(line as EventObject)}\n`;
    writeFile(file, `${first}{"id":"小`);
    const { issues } = read();
    expect(issues).toEqual([
      {
        file,
        line: 2,
        message: expect.stringContaining(`truncate -s ${Buffer.byteLength(first)} `) as string,
      },
    ]);
    expect(Buffer.byteLength(first)).toBeGreaterThan(first.length);
  });

  it("a file that is one torn line has no events", () => {
    writeFile(file, (validLines()[0] as string).slice(0, 10));
    const { stream, issues } = read();
    expect(issues).toEqual([
      { file, line: 1, message: expect.stringContaining("truncate -s 0 ") as string },
    ]);
    expect(stream.entries).toEqual([]);
    expect(stream.head).toBe(GENESIS);
  });
});
