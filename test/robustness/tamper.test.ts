import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENESIS, lineHash } from "../../src/store/integrityChain.js";
import type { LogIssue } from "../../src/store/logError.js";
import { inspectLog } from "../../src/store/readLog.js";
import { runCliProcess as runCli } from "../cli/support/runCli.js";
import { makeTempDir, removeDir, XIAOMI_LOG } from "../store/support/logFixtures.js";

/** The repository's Xiaomi log, line by line. */
const ORIGINAL = readFileSync(XIAOMI_LOG, "utf8").slice(0, -1).split("\n");

let dir: string;
let file: string;

beforeAll(() => {
  dir = makeTempDir("designations-tamper-");
  mkdirSync(join(dir, "dod-1237"));
  file = join(dir, "dod-1237", "xiaomi.jsonl");
});

afterAll(() => {
  removeDir(dir);
});

/** Writes `lines` as the Xiaomi stream file of the scratch folder and returns what verify finds. */
function issuesOf(lines: readonly string[]): LogIssue[] {
  writeFileSync(file, lines.map((line) => `${line}\n`).join(""));
  return inspectLog(dir).issues;
}

/** Where the chain says a line was changed, removed or moved: `[line, message]`. */
function chainBreaks(issues: readonly LogIssue[]): [number | undefined, string][] {
  return issues
    .filter((issue) => issue.field === "prev")
    .map((issue) => [issue.line, issue.message]);
}

const changedBefore = (line: number) =>
  `does not match the hash of line ${line - 1}: a line before it was changed, removed or moved`;
const FIRST_MOVED = "the first line's prev must be 64 zeros: lines were removed or moved before it";

describe("the integrity chain of the real Xiaomi log", () => {
  it("is intact as it stands", () => {
    expect(ORIGINAL.length).toBeGreaterThan(2);
    expect(issuesOf(ORIGINAL)).toEqual([]);
    expect(JSON.parse(ORIGINAL[0] ?? "")).toMatchObject({ prev: GENESIS });
  });

  it("finds one changed character in any line but the last, at the next line", () => {
    // A position in the line and a printable ASCII character to put there instead.
    const edit = fc.record({
      at: fc.nat(),
      char: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
    });
    for (let index = 0; index < ORIGINAL.length - 1; index++) {
      const original = ORIGINAL[index] ?? "";
      const edits = [
        { at: 0, char: "[" },
        { at: original.length - 1, char: " " },
        ...fc.sample(edit, { numRuns: 60, seed: 1237 + index }),
      ];
      for (const { at, char } of edits) {
        const position = at % original.length;
        const replacement = original[position] === char ? (char === "x" ? "y" : "x") : char;
        const changed = original.slice(0, position) + replacement + original.slice(position + 1);
        const lines = ORIGINAL.map((line, i) => (i === index ? changed : line));

        const issues = issuesOf(lines);

        expect(
          chainBreaks(issues).filter(([line]) => line === index + 2),
          `line ${index + 1}, character ${position} made ${JSON.stringify(replacement)}`,
        ).toEqual([[index + 2, changedBefore(index + 2)]]);
      }
    }
  });

  it("finds a deleted line (but the last) where the next line now stands", () => {
    for (let index = 0; index < ORIGINAL.length - 1; index++) {
      const lines = ORIGINAL.filter((_, i) => i !== index);

      const issues = issuesOf(lines);

      const line = index + 1;
      expect(chainBreaks(issues), `line ${line} deleted`).toEqual([
        [line, line === 1 ? FIRST_MOVED : changedBefore(line)],
      ]);
      expect(issues.filter((issue) => issue.field === "seq").map((issue) => issue.line)).toEqual(
        Array.from({ length: ORIGINAL.length - line }, (_, i) => line + i),
      );
    }
  });

  it("does not find the last line deleted, but the head hash tells", () => {
    const lines = ORIGINAL.slice(0, -1);

    const { issues, log } = (() => {
      writeFileSync(file, lines.map((line) => `${line}\n`).join(""));
      return inspectLog(dir);
    })();

    expect(issues).toEqual([]);
    expect(log.streams[0]?.head).toBe(lineHash(lines.at(-1) ?? ""));
    expect(log.streams[0]?.head).not.toBe(lineHash(ORIGINAL.at(-1) ?? ""));
  });

  it("finds any two lines swapped, at the first of them", () => {
    for (let i = 0; i < ORIGINAL.length; i++) {
      for (let j = i + 1; j < ORIGINAL.length; j++) {
        const lines = [...ORIGINAL];
        [lines[i], lines[j]] = [lines[j] ?? "", lines[i] ?? ""];

        const breaks = chainBreaks(issuesOf(lines));

        const line = i + 1;
        expect(breaks[0], `lines ${i + 1} and ${j + 1} swapped`).toEqual([
          line,
          line === 1 ? FIRST_MOVED : changedBefore(line),
        ]);
      }
    }
  });

  it("finds a line inserted before any line", () => {
    const inserted = ORIGINAL[3] ?? "";
    for (let index = 0; index < ORIGINAL.length; index++) {
      const lines = [...ORIGINAL.slice(0, index), inserted, ...ORIGINAL.slice(index)];

      const breaks = chainBreaks(issuesOf(lines));

      expect(breaks.length, `a line inserted before line ${index + 1}`).toBeGreaterThan(0);
    }
  });
});

describe("designations verify on a tampered copy of the Xiaomi log", () => {
  const CASES: { name: string; tamper: (lines: string[]) => string[]; problems: string[] }[] = [
    {
      name: "a date changed on line 6",
      tamper: (lines) =>
        lines.map((line, i) => (i === 5 ? line.replace('"2021-03-12"', '"2021-03-11"') : line)),
      problems: [`:7: field "prev": ${changedBefore(7)}`],
    },
    {
      name: "line 4 deleted",
      tamper: (lines) => lines.filter((_, i) => i !== 3),
      problems: [
        `:4: field "prev": ${changedBefore(4)}`,
        ...Array.from(
          { length: ORIGINAL.length - 4 },
          (_, i) =>
            `:${4 + i}: field "seq": is ${5 + i}, expected ${4 + i}: seq counts the stream's events from 1 without gaps`,
        ),
      ],
    },
    {
      name: "lines 1 and 2 swapped",
      tamper: ([first = "", second = "", ...rest]) => [second, first, ...rest],
      problems: [
        `:1: field "prev": ${FIRST_MOVED}`,
        ':1: field "seq": is 2, expected 1: seq counts the stream\'s events from 1 without gaps',
        `:2: field "prev": does not match the hash of line 1: a line before it was changed, removed or moved`,
        ':2: field "seq": is 1, expected 2: seq counts the stream\'s events from 1 without gaps',
        `:3: field "prev": ${changedBefore(3)}`,
      ],
    },
  ];

  it.for(CASES)("$name: exit 1, naming the file and line", async ({ tamper, problems }) => {
    const scratch = makeTempDir("designations-tamper-");
    try {
      mkdirSync(join(scratch, "dod-1237"));
      const target = join(scratch, "dod-1237", "xiaomi.jsonl");
      writeFileSync(
        target,
        tamper([...ORIGINAL])
          .map((line) => `${line}\n`)
          .join(""),
      );

      const result = await runCli(["verify", "--events", scratch]);

      expect(result.stdout).toBe("");
      const [first, ...rest] = result.stderr.trimEnd().split("\n");
      expect(first).toMatch(/^verify found \d+ problems?:$/);
      expect(rest).toEqual(problems.map((problem) => `${target}${problem}`));
      expect(result.code).toBe(1);
    } finally {
      removeDir(scratch);
    }
  });
});
