import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grouped, LIMITS } from "../../src/domain/limits.js";
import type { LogIssue } from "../../src/store/logError.js";
import { parseEventLine } from "../../src/store/parseEventLine.js";
import { readStreamFile } from "../../src/store/readStreamFile.js";
import { replayLog } from "../../src/replay/replayLog.js";
import { crashLines, runCliProcess as runCli } from "../cli/support/runCli.js";
import { makeTempDir, removeDir, XIAOMI_LOG } from "../store/support/logFixtures.js";

/** The repository's Xiaomi log, line by line: the valid lines the fuzzer starts from. */
const ORIGINAL = readFileSync(XIAOMI_LOG, "utf8").slice(0, -1).split("\n");

// ---------------------------------------------------------------------------------------------
// Mutations

/** A line of the log, by index, and the text it becomes. */
interface Mutant {
  index: number;
  text: string;
}

/** Characters that matter to JSON, to lines, or to UTF-16. */
const NASTY = ['"', "{", "}", "[", "]", ",", ":", "\\", "\n", "\r", "\u0000", "\u2028", "\ud800"];

const someText = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: "binary", minLength: 1, maxLength: 8 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }),
);

/** One edit of the characters of a line. */
const charEdit = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: someText }),
  fc.record({
    kind: fc.constant("delete" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 30 }),
  }),
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), text: someText }),
);

type CharEdit = typeof charEdit extends fc.Arbitrary<infer T> ? T : never;

function applyCharEdit(line: string, edit: CharEdit): string {
  const at = edit.at % (line.length + 1);
  switch (edit.kind) {
    case "insert":
      return line.slice(0, at) + edit.text + line.slice(at);
    case "delete":
      return line.slice(0, at) + line.slice(at + edit.length);
    case "replace":
      return line.slice(0, at) + edit.text + line.slice(at + edit.text.length);
  }
}

const charMutant: fc.Arbitrary<Mutant> = fc
  .record({
    index: fc.integer({ min: 0, max: ORIGINAL.length - 1 }),
    edits: fc.array(charEdit, { minLength: 1, maxLength: 4 }),
  })
  .map(({ index, edits }) => ({
    index,
    text: edits.reduce(applyCharEdit, ORIGINAL[index] ?? ""),
  }));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Every path to a value inside `value` (objects and arrays included), the root excluded, down to
 * a depth of 6 (an event's own fields are at most 4 deep; deeper ones are the fuzzer's own).
 */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object" || prefix.length >= 6) return [];
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : Object.entries(value);
  return entries.flatMap(([key, inner]) => [[...prefix, key], ...pathsOf(inner, [...prefix, key])]);
}

/** Defines an own property, even `__proto__`, so that JSON.stringify writes it. */
function setOwn(target: Json[] | { [key: string]: Json }, key: string | number, value: Json) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function deeplyNested(depth: number): Json {
  let value: Json = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

/** A value of another kind than the schema wants, or an extreme one of the right kind. */
const strangeValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue() as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(null, true, false, 0, -1, 1e308, "", " ", [], {}),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom<Json>(
    "2021-02-30",
    "2021-13-01",
    "0000-00-00",
    "9999-12-31",
    "2021-01-14T00:00:00Z",
    "https://",
    "javascript:alert(1)",
    "xiaomi/dod-1237",
    "Listed",
    "Corrected",
    "__proto__",
    "constructor",
    "0".repeat(64),
    "Ω≈ç√∫˜µ≤≥÷ 田中さん 👩‍👩‍👧‍👦 \u202e",
  ),
  fc.integer({ min: 10_000, max: 200_000 }).map((n) => "x".repeat(n)),
  fc.integer({ min: 10, max: 5_000 }).map((n) => "é👍".repeat(n)),
  fc.integer({ min: 1, max: 1_000 }).map(deeplyNested),
);

const oddKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "toString", "prototype", "", "id", "data", "type"),
  fc.string({ unit: "binary", maxLength: 12 }),
);

const jsonEdit = fc.oneof(
  fc.record({ kind: fc.constant("remove" as const), path: fc.nat() }),
  fc.record({ kind: fc.constant("set" as const), path: fc.nat(), value: strangeValue }),
  fc.record({
    kind: fc.constant("add" as const),
    path: fc.nat(),
    key: oddKey,
    value: strangeValue,
  }),
  fc.record({ kind: fc.constant("root" as const), value: strangeValue }),
);

type JsonEdit = typeof jsonEdit extends fc.Arbitrary<infer T> ? T : never;

function applyJsonEdit(root: Json, edit: JsonEdit): Json {
  if (edit.kind === "root") return edit.value;
  const paths = pathsOf(root);
  const path = paths[edit.path % Math.max(paths.length, 1)];
  if (path === undefined || path.length === 0) return root;
  const parent = path
    .slice(0, -1)
    .reduce<Json>((value, key) => (value as Record<string, Json>)[key] as Json, root);
  const key = path.at(-1) as string | number;
  if (parent === null || typeof parent !== "object") return root;
  if (edit.kind === "remove") {
    if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
    else Reflect.deleteProperty(parent, key);
  } else if (edit.kind === "set") {
    setOwn(parent, key, edit.value);
  } else {
    const target = (parent as Record<string, Json>)[key];
    if (target !== null && typeof target === "object" && !Array.isArray(target)) {
      setOwn(target, edit.key, edit.value);
    } else {
      setOwn(parent, key, { [edit.key]: edit.value });
    }
  }
  return root;
}

const jsonMutant: fc.Arbitrary<Mutant> = fc
  .record({
    index: fc.integer({ min: 0, max: ORIGINAL.length - 1 }),
    edits: fc.array(jsonEdit, { minLength: 1, maxLength: 3 }),
  })
  .map(({ index, edits }) => ({
    index,
    text: JSON.stringify(edits.reduce(applyJsonEdit, JSON.parse(ORIGINAL[index] ?? "") as Json)),
  }));

// ---------------------------------------------------------------------------------------------
// Properties

let dir: string;
let file: string;

beforeAll(() => {
  dir = makeTempDir("designations-fuzz-");
  mkdirSync(join(dir, "dod-1237"));
  file = join(dir, "dod-1237", "xiaomi.jsonl");
});

afterAll(() => {
  removeDir(dir);
});

/** A problem as the reader must report it: where (file, maybe line and field) and what. */
function expectWellFormed(issue: LogIssue, where: string, lineCount: number): void {
  expect(issue.file).toBe(where);
  expect(typeof issue.message).toBe("string");
  expect(issue.message.length).toBeGreaterThan(0);
  if (issue.line !== undefined) {
    expect(Number.isInteger(issue.line)).toBe(true);
    expect(issue.line).toBeGreaterThanOrEqual(1);
    expect(issue.line).toBeLessThanOrEqual(lineCount);
  }
  if (issue.field !== undefined) expect(typeof issue.field).toBe("string");
}

/** The Xiaomi stream with line `index` replaced by `text`. */
function streamText({ index, text }: Mutant): string {
  return ORIGINAL.map((line, i) => `${i === index ? text : line}\n`).join("");
}

function checkMutant(mutant: Mutant): void {
  // One line on its own: parsed, or rejected with issues that say where; never thrown.
  const parsed = parseEventLine(mutant.text, file, 7);
  if (parsed.ok) {
    expect(parsed.event.id.length).toBeGreaterThan(0);
  } else {
    expect(parsed.issues.length).toBeGreaterThan(0);
    for (const issue of parsed.issues) {
      expectWellFormed(issue, file, 7);
      expect(issue.line).toBe(7);
    }
  }

  // The line in its stream: every problem located, never a throw.
  const content = streamText(mutant);
  writeFileSync(file, content);
  const issues: LogIssue[] = [];
  const stream = readStreamFile(file, "xiaomi", "dod-1237", issues);
  const lineCount = content.split("\n").length;
  for (const issue of issues) expectWellFormed(issue, file, lineCount);
  const changed = mutant.text !== ORIGINAL[mutant.index];
  const oneLine = !mutant.text.includes("\n");
  if (changed && oneLine && Buffer.byteLength(mutant.text) > LIMITS.lineBytes) {
    // A line over the limit: named, and the file is read no further.
    expect(issues).toEqual([
      {
        file,
        line: mutant.index + 1,
        message: `the line is longer than ${grouped(LIMITS.lineBytes)} bytes, the most one line may hold`,
      },
    ]);
  } else if (changed && oneLine) {
    const line = mutant.index + 1;
    if (!parsed.ok) {
      expect(issues.filter((issue) => issue.line === line).length).toBeGreaterThan(0);
    }
    if (line < ORIGINAL.length) {
      // The chain finds any change at the next line.
      expect(issues).toContainEqual({
        file,
        line: line + 1,
        field: "prev",
        message: `does not match the hash of line ${line}: a line before it was changed, removed or moved`,
      });
    }
  }
  if (!changed) expect(issues).toEqual([]);

  // What reads well replays to a timeline or to located problems, never to a throw.
  const replay = replayLog({ dir, streams: [stream], editions: [] });
  for (const problem of replay.problems) expectWellFormed(problem, file, lineCount);
}

describe("randomly mutated lines of the Xiaomi log", () => {
  it("character insertions, deletions and replacements: accepted, or rejected with a LogIssue", () => {
    fc.assert(fc.property(charMutant, checkMutant), { numRuns: 600, seed: 2021_01_14 });
  });

  it("JSON-level mutations (fields removed, wrong types, huge strings, unicode, odd keys): the same", () => {
    fc.assert(fc.property(jsonMutant, checkMutant), { numRuns: 600, seed: 2021_03_12 });
  });
});

describe("mutated logs through the CLI: exit 0 or 1, never a crash", () => {
  const MUTANTS = [
    ...fc.sample(charMutant, { numRuns: 15, seed: 2021_05_11 }),
    ...fc.sample(jsonMutant, { numRuns: 15, seed: 2021_05_25 }),
  ].map((mutant, n) => ({ n, command: n % 2 === 0 ? "verify" : "status", ...mutant }));
  const dirs: string[] = [];

  afterAll(() => {
    for (const scratch of dirs) removeDir(scratch);
  });

  it.concurrent.for(MUTANTS)("mutant $n: $command", async (mutant, { expect }) => {
    const scratch = makeTempDir("designations-fuzz-cli-");
    dirs.push(scratch);
    mkdirSync(join(scratch, "dod-1237"));
    const target = join(scratch, "dod-1237", "xiaomi.jsonl");
    writeFileSync(target, streamText(mutant));
    const args =
      mutant.command === "verify"
        ? ["verify", "--events", scratch]
        : ["status", "xiaomi", "--at", "2021-04-01", "--events", scratch];

    const result = await runCli(args);

    expect(crashLines(result.stderr)).toEqual([]);
    expect(result.stderr).not.toContain("internal error");
    expect([0, 1]).toContain(result.code);
    if (result.code === 1) {
      // Every problem names the file (and its line, when it has one).
      const problems = result.stderr.trimEnd().split("\n").slice(1);
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) expect(problem.startsWith(target)).toBe(true);
    } else {
      expect(result.stderr).toBe("");
    }
  });
});
