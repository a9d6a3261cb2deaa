import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppendRejectedError } from "../../src/store/appendErrors.js";
import { appendEvents, type EventDraft } from "../../src/app/appendEvents.js";
import { importDrafts } from "../../src/app/importDrafts.js";
import { GENESIS, lineHash } from "../../src/store/integrityChain.js";
import { LogError } from "../../src/store/logError.js";
import { readLog } from "../../src/store/readLog.js";
import { replayLogStrict } from "../../src/replay/replayLog.js";
import {
  makeEvent,
  makeTempDir,
  removeDir,
  SOURCE,
  writeFile,
  writeStream,
} from "../store/support/logFixtures.js";
import { treeOf } from "../cli/support/eventsDirs.js";

let root: string;
let events: string;
let importFile: string;

beforeEach(() => {
  root = makeTempDir("designations-import-");
  events = join(root, "events");
  importFile = join(root, "new-case.jsonl");
  // A log that already holds one stream, so that "nothing written" also covers existing files.
  writeStream(events, "dod-1237", "xiaomi", [
    makeEvent("xiaomi/dod-1237", 1, "Listed", "2021-01-14"),
    makeEvent("xiaomi/dod-1237", 2, "ChallengeFiled", "2021-01-29"),
  ]);
});

afterEach(() => {
  removeDir(root);
});

const COURT = "U.S. District Court for the District of Columbia";

/** A valid draft as an author writes it; `overrides` replace its fields. */
function draft(
  company: string,
  program: string,
  type: string,
  effective: string,
  overrides: Partial<EventDraft> = {},
): EventDraft {
  const description = `${company}: ${type} on ${effective}`;
  const data: Record<string, unknown> = ["Listed", "Relisted", "Delisted"].includes(type)
    ? { description, authority: "Department of Defense" }
    : type === "Noted"
      ? { description, subject: "hearing" }
      : { description, court: COURT };
  return {
    company,
    program,
    type,
    effective,
    data,
    sources: [SOURCE],
    confidence: "high",
    ...overrides,
  };
}

/**
 * The id the import gives a line without one, restated from its definition: the first 12 hex
 * digits of the SHA-256 of the line's content (type, effective, known, precision, data, sources,
 * confidence as JSON with sorted keys, absent fields left out), a newline and its occurrence among
 * the identical lines of its stream.
 */
function idOf(d: EventDraft, occurrence = 1): string {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value !== null && typeof value === "object"
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([, inner]) => inner !== undefined)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([key, inner]) => [key, sorted(inner)]),
          )
        : value;
  const { type, effective, known, precision, data, sources, confidence } = d;
  const content = JSON.stringify(
    sorted({ type, effective, known, precision, data, sources, confidence }),
  );
  const digest = createHash("sha256").update(`${content}\n${occurrence}`).digest("hex");
  return `${d.company}-${d.program}-${digest.slice(0, 12)}`;
}

/** Writes the import file, one line per entry (objects as JSON, strings verbatim). */
function writeImport(lines: readonly (EventDraft | Record<string, unknown> | string)[]): void {
  writeFile(
    importFile,
    lines.map((line) => `${typeof line === "string" ? line : JSON.stringify(line)}\n`).join(""),
  );
}

/** Every file under the events folder, by relative path, with its content. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path, "utf8");
    }
  };
  walk(dir);
  return files;
}

/** The LogError `run` throws (and fails the test when it throws anything else, or nothing). */
function logErrorOf(run: () => unknown): LogError {
  try {
    run();
  } catch (error) {
    if (error instanceof LogError) return error;
    throw error;
  }
  throw new Error("expected a LogError, but nothing was thrown");
}

function linesOf(file: string): Record<string, unknown>[] {
  return readFileSync(file, "utf8")
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * Imports, expecting a LogError, and checks that nothing changed: not one file of the log, and no
 * file or folder (a program folder, a lock file) was created anywhere under the test's folder.
 */
function importRejected(): LogError {
  const before = snapshot(events);
  const tree = treeOf(root);
  const error = logErrorOf(() => importDrafts(events, importFile));
  expect(snapshot(events)).toEqual(before);
  expect(treeOf(root)).toEqual(tree);
  return error;
}

describe("importDrafts: a good file", () => {
  const GOOD = [
    draft("acme", "dod-1260h", "Listed", "2024-01-31"),
    draft("beta", "dod-1237", "Listed", "2021-01-14"),
    draft("acme", "dod-1260h", "ChallengeFiled", "2024-08-14"),
    draft("beta", "dod-1237", "Noted", "2021-01-20"),
    draft("acme", "dod-1260h", "Delisted", "2024-12-18"),
  ];

  it("appends every draft, stream by stream, each stream's drafts in file order", () => {
    writeImport(GOOD);
    const results = importDrafts(events, importFile);
    const [acme1, beta1, acme2, beta2, acme3] = GOOD.map((d) => idOf(d));
    expect(results.map((r) => [r.outcome, r.event.id, r.event.type, r.event.seq, r.line])).toEqual([
      ["appended", acme1, "Listed", 1, 1],
      ["appended", acme2, "ChallengeFiled", 2, 2],
      ["appended", acme3, "Delisted", 3, 3],
      ["appended", beta1, "Listed", 1, 1],
      ["appended", beta2, "Noted", 2, 2],
    ]);
    expect(results.map((r) => r.file)).toEqual([
      ...Array<string>(3).fill(join(events, "dod-1260h", "acme.jsonl")),
      ...Array<string>(2).fill(join(events, "dod-1237", "beta.jsonl")),
    ]);
  });

  it("writes the lines with seq, ids, stream and an intact integrity chain", () => {
    writeImport(GOOD);
    importDrafts(events, importFile);
    const file = join(events, "dod-1260h", "acme.jsonl");
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const [acme1, , acme2, , acme3] = GOOD.map((d) => idOf(d));
    expect(parsed.map((e) => [e.id, e.stream, e.seq, e.type, e.effective])).toEqual([
      [acme1, "acme/dod-1260h", 1, "Listed", "2024-01-31"],
      [acme2, "acme/dod-1260h", 2, "ChallengeFiled", "2024-08-14"],
      [acme3, "acme/dod-1260h", 3, "Delisted", "2024-12-18"],
    ]);
    expect(parsed.map((e) => e.prev)).toEqual([
      GENESIS,
      lineHash(lines[0] ?? ""),
      lineHash(lines[1] ?? ""),
    ]);
    for (const event of parsed) expect(typeof event.recorded).toBe("string");
    expect(parsed[0]?.data).toEqual(GOOD[0]?.data);
    expect(parsed[0]?.sources).toEqual([SOURCE]);
  });

  it("leaves a log that reads and replays, with the earlier stream untouched", () => {
    const xiaomi = readFileSync(join(events, "dod-1237", "xiaomi.jsonl"), "utf8");
    writeImport(GOOD);
    importDrafts(events, importFile);
    const log = readLog(events);
    expect(log.streams.map((s) => [s.stream, s.entries.length])).toEqual([
      ["acme/dod-1260h", 3],
      ["beta/dod-1237", 2],
      ["xiaomi/dod-1237", 2],
    ]);
    const timelines = replayLogStrict(log);
    expect(timelines.find((t) => t.stream === "acme/dod-1260h")?.intervals.at(-1)?.status).toBe(
      "delisted",
    );
    expect(readFileSync(join(events, "dod-1237", "xiaomi.jsonl"), "utf8")).toBe(xiaomi);
  });

  it("appends to a stream already in the log, continuing its seq and chain", () => {
    const file = join(events, "dod-1237", "xiaomi.jsonl");
    const before = readFileSync(file, "utf8");
    const drafts = [
      draft("xiaomi", "dod-1237", "InjunctionGranted", "2021-03-12", {
        data: { description: "Enjoined.", court: COURT, judge: "Rudolph Contreras" },
      }),
      draft("xiaomi", "dod-1237", "Noted", "2021-03-15", { known: "2021-03-16" }),
    ];
    writeImport(drafts);
    const results = importDrafts(events, importFile);
    expect(results.map((r) => [r.event.id, r.event.seq, r.line])).toEqual([
      [idOf(drafts[0] as EventDraft), 3, 3],
      [idOf(drafts[1] as EventDraft), 4, 4],
    ]);
    const after = readFileSync(file, "utf8");
    expect(after.startsWith(before)).toBe(true);
    const lines = after.trimEnd().split("\n");
    expect(linesOf(file)[2]?.prev).toBe(lineHash(lines[1] ?? ""));
    expect(linesOf(file)[3]).toMatchObject({ known: "2021-03-16", prev: lineHash(lines[2] ?? "") });
    expect(() => replayLogStrict(readLog(events))).not.toThrow();
  });

  it("keeps an id, a precision and a confidence given in the file", () => {
    const delist = draft("acme", "dod-1237", "Delisted", "2021-06-01", { precision: "month" });
    writeImport([
      draft("acme", "dod-1237", "Listed", "2021-01-14", { id: "acme-listing", confidence: "low" }),
      delist,
    ]);
    importDrafts(events, importFile);
    const [listed, delisted] = linesOf(join(events, "dod-1237", "acme.jsonl"));
    expect(listed).toMatchObject({ id: "acme-listing", seq: 1, confidence: "low" });
    expect(delisted).toMatchObject({ id: idOf(delist), seq: 2, precision: "month" });
  });

  it("skips blank lines but still counts them", () => {
    writeImport(["", JSON.stringify(draft("acme", "dod-1237", "Listed", "2021-01-14")), "   ", ""]);
    expect(importDrafts(events, importFile)).toHaveLength(1);
    writeImport(["", "  ", "{oops"]);
    expect(importRejected().issues[0]?.line).toBe(3);
  });

  it("imports nothing from an empty file", () => {
    writeImport([]);
    const before = snapshot(events);
    expect(importDrafts(events, importFile)).toEqual([]);
    expect(snapshot(events)).toEqual(before);
  });
});

describe("importDrafts: drafts already in the log", () => {
  it("reports an identical draft with a known id as existing, and writes it only once", () => {
    const drafts = [
      draft("acme", "dod-1237", "Listed", "2021-01-14", { id: "acme-1" }),
      draft("acme", "dod-1237", "ChallengeFiled", "2021-02-01", { id: "acme-2" }),
    ];
    writeImport(drafts);
    expect(importDrafts(events, importFile).map((r) => r.outcome)).toEqual([
      "appended",
      "appended",
    ]);
    const file = join(events, "dod-1237", "acme.jsonl");
    const once = readFileSync(file, "utf8");

    writeImport([...drafts, draft("acme", "dod-1237", "Noted", "2021-02-05", { id: "acme-3" })]);
    const again = importDrafts(events, importFile);
    expect(again.map((r) => [r.outcome, r.event.id, r.line])).toEqual([
      ["existing", "acme-1", 1],
      ["existing", "acme-2", 2],
      ["appended", "acme-3", 3],
    ]);
    const after = readFileSync(file, "utf8");
    expect(after.startsWith(once)).toBe(true);
    expect(linesOf(file).map((e) => e.id)).toEqual(["acme-1", "acme-2", "acme-3"]);

    // A third time, nothing at all is written.
    const before = snapshot(events);
    expect(importDrafts(events, importFile).map((r) => r.outcome)).toEqual([
      "existing",
      "existing",
      "existing",
    ]);
    expect(snapshot(events)).toEqual(before);
  });

  it("rejects a draft whose id is in the log with other content, naming its line", () => {
    writeImport([draft("acme", "dod-1237", "Listed", "2021-01-14", { id: "acme-1" })]);
    importDrafts(events, importFile);
    writeImport([
      draft("beta", "dod-1237", "Listed", "2021-01-14"),
      draft("acme", "dod-1237", "Listed", "2021-01-15", { id: "acme-1" }),
    ]);
    const error = importRejected();
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ file: importFile, line: 2, field: "id" });
    expect(error.message).toContain(`${importFile}:2: field "id": `);
  });

  it("rejects a draft whose id is used by another stream, naming its line", () => {
    writeImport([draft("acme", "dod-1237", "Listed", "2021-01-14", { id: "xiaomi-dod-1237-1" })]);
    const error = importRejected();
    expect(error.issues[0]).toMatchObject({ file: importFile, line: 1, field: "id" });
    expect(error.issues[0]?.message).toContain("xiaomi.jsonl:1");
  });
});

describe("importDrafts: ids derived from content, and a re-run after an interruption", () => {
  /** Every event of the log, stream by stream, without `recorded` and `prev` (they depend on time). */
  function contentOfLog(dir: string): Record<string, unknown>[] {
    return readLog(dir).streams.flatMap((stream) =>
      stream.entries.map(({ event }) => {
        const { recorded: _recorded, prev: _prev, ...rest } = event;
        return rest;
      }),
    );
  }

  const STORY = [
    draft("acme", "dod-1260h", "Listed", "2024-01-31"),
    draft("beta", "dod-1237", "Listed", "2021-01-14"),
    draft("acme", "dod-1260h", "ChallengeFiled", "2024-08-14"),
    draft("gamma", "dod-1260h", "Listed", "2025-01-06"),
    draft("beta", "dod-1237", "Noted", "2021-01-20"),
    draft("acme", "dod-1260h", "Delisted", "2024-12-18"),
  ];

  it("gives a line without an id the same id at every import, whatever its key order", () => {
    const listed = draft("acme", "dod-1260h", "Listed", "2024-01-31");
    // Pinned: a change here changes the id of every line imported without one, and a file
    // imported before the change would be appended again instead of being found in the log.
    expect(idOf(listed)).toBe("acme-dod-1260h-bb56eca7491e");
    writeImport([listed]);
    expect(importDrafts(events, importFile).map((r) => r.event.id)).toEqual([idOf(listed)]);

    // The same line, its keys (and its data's keys) in another order, into another log.
    const other = join(root, "other-events");
    const reordered = Object.fromEntries(Object.entries(listed).reverse()) as EventDraft;
    reordered.data = Object.fromEntries(Object.entries(listed.data).reverse());
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(listed));
    writeImport([{ ...reordered, companyName: "Acme Corp." }]);
    expect(importDrafts(other, importFile).map((r) => r.event.id)).toEqual([idOf(listed)]);
  });

  it("tells identical lines of a stream apart by their occurrence, and keeps each", () => {
    const hearing = draft("acme", "dod-1237", "Noted", "2021-02-01");
    const listed = draft("acme", "dod-1237", "Listed", "2021-01-14");
    writeImport([listed, hearing, hearing]);
    const results = importDrafts(events, importFile);
    expect(results.map((r) => [r.outcome, r.event.id, r.event.seq])).toEqual([
      ["appended", idOf(listed), 1],
      ["appended", idOf(hearing, 1), 2],
      ["appended", idOf(hearing, 2), 3],
    ]);
    expect(idOf(hearing, 1)).not.toBe(idOf(hearing, 2));

    const before = snapshot(events);
    expect(importDrafts(events, importFile).map((r) => [r.outcome, r.event.id])).toEqual(
      results.map((r) => ["existing", r.event.id]),
    );
    expect(snapshot(events)).toEqual(before);
  });

  it("imports the same file a second time as a no-op: every line is already in the log", () => {
    writeImport(STORY);
    const first = importDrafts(events, importFile);
    const before = snapshot(events);

    const again = importDrafts(events, importFile);

    expect(again.map((r) => [r.outcome, r.event.id, r.file, r.line])).toEqual(
      first.map((r) => ["existing", r.event.id, r.file, r.line]),
    );
    expect(snapshot(events)).toEqual(before);
  });

  it("completes an import cut short: the streams it wrote are skipped, the others appended", () => {
    // The reference: the whole file in one import, into a log of its own.
    const reference = join(root, "reference-events");
    writeStream(reference, "dod-1237", "xiaomi", [
      makeEvent("xiaomi/dod-1237", 1, "Listed", "2021-01-14"),
      makeEvent("xiaomi/dod-1237", 2, "ChallengeFiled", "2021-01-29"),
    ]);
    writeImport(STORY);
    importDrafts(reference, importFile);

    // An import killed after its first stream (acme's): that stream is in the log whole.
    writeImport(STORY.filter((d) => d.company === "acme"));
    importDrafts(events, importFile);
    const acme = readFileSync(join(events, "dod-1260h", "acme.jsonl"), "utf8");

    writeImport(STORY);
    const rerun = importDrafts(events, importFile);

    expect(rerun.map((r) => [r.outcome, r.event.stream])).toEqual([
      ["existing", "acme/dod-1260h"],
      ["existing", "acme/dod-1260h"],
      ["existing", "acme/dod-1260h"],
      ["appended", "beta/dod-1237"],
      ["appended", "beta/dod-1237"],
      ["appended", "gamma/dod-1260h"],
    ]);
    expect(readFileSync(join(events, "dod-1260h", "acme.jsonl"), "utf8")).toBe(acme);
    expect(contentOfLog(events)).toEqual(contentOfLog(reference));
    expect(() => replayLogStrict(readLog(events))).not.toThrow();
  });

  it("finds a line stored with its texts trimmed, with or without an id, when it comes again", () => {
    const padded = (type: string, effective: string, extra: Partial<EventDraft> = {}) =>
      draft("acme", "dod-1237", type, effective, {
        data: { description: "  With blanks around.  ", authority: " DoD " },
        sources: [{ ...SOURCE, title: ` ${SOURCE.title}\t` }],
        ...extra,
      });
    writeImport([
      padded("Listed", "2021-01-14"),
      padded("Delisted", "2021-06-01", { id: "acme-padded" }),
    ]);
    importDrafts(events, importFile);
    const stored = linesOf(join(events, "dod-1237", "acme.jsonl"));
    expect(stored.map((e) => [e.data, e.sources])).toEqual([
      [{ description: "With blanks around.", authority: "DoD" }, [SOURCE]],
      [{ description: "With blanks around.", authority: "DoD" }, [SOURCE]],
    ]);
    const before = snapshot(events);

    expect(importDrafts(events, importFile).map((r) => r.outcome)).toEqual([
      "existing",
      "existing",
    ]);
    expect(snapshot(events)).toEqual(before);
  });

  it("treats a line changed after it was imported as a new event, which the history may refuse", () => {
    const listed = draft("acme", "dod-1237", "Listed", "2021-01-14");
    writeImport([listed]);
    importDrafts(events, importFile);

    const amended = { ...listed, data: { ...listed.data, description: "Listed (amended)." } };
    writeImport([amended]);
    const error = importRejected();

    expect(error.issues[0]).toMatchObject({ file: importFile, line: 1 });
    expect(error.issues[0]?.message).toContain(`event ${idOf(amended)} (Listed`);
  });
});

describe("importDrafts: a bad line and nothing is written", () => {
  /** Two good streams before the bad line, one after it: none of them may be written. */
  function around(bad: EventDraft | Record<string, unknown> | string) {
    return [
      draft("acme", "dod-1260h", "Listed", "2024-01-31"),
      draft("xiaomi", "dod-1237", "InjunctionGranted", "2021-03-12"),
      draft("beta", "dod-1237", "Listed", "2021-01-14"),
      bad,
      draft("gamma", "dod-1260h", "Listed", "2025-01-06"),
    ];
  }

  it("rejects a malformed JSON line, naming the import file's line", () => {
    writeImport(around('{"company": "delta", "program": "dod-1237",'));
    const error = importRejected();
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ file: importFile, line: 4 });
    expect(error.issues[0]?.message).toMatch(/^malformed JSON: /);
    expect(error.message).toContain(`${importFile}:4: malformed JSON`);
  });

  it.each([
    ["a draft without sources", "sources", (d: EventDraft) => ({ ...d, sources: undefined })],
    ["an unknown event type", "type", (d: EventDraft) => ({ ...d, type: "Blacklisted" })],
    [
      "a confidence that is not one",
      "confidence",
      (d: EventDraft) => ({ ...d, confidence: "sure" }),
    ],
    ["a key drafts do not have", "seq", (d: EventDraft) => ({ ...d, seq: 4 })],
    [
      "a source without a URL",
      "sources.0.url",
      (d: EventDraft) => ({ ...d, sources: [{ publisher: "P", title: "T" }] }),
    ],
  ])("rejects %s, naming the line and the field", (_label, field, edit) => {
    writeImport(around(edit(draft("delta", "dod-1237", "Listed", "2021-01-14"))));
    const error = importRejected();
    expect(error.issues.length).toBeGreaterThan(0);
    for (const issue of error.issues) expect(issue).toMatchObject({ file: importFile, line: 4 });
    expect(error.issues.map((issue) => issue.field)).toContain(field);
  });

  it.each<[string, string, Partial<EventDraft>]>([
    ["an impossible date", "effective", { effective: "2021-02-30" }],
    [
      "a source URL that is not http(s)",
      "sources.0.url",
      { sources: [{ ...SOURCE, url: "ftp://x" }] },
    ],
    ["a listing without a description", "data.description", { data: { authority: "DoD" } }],
  ])("rejects %s as the event schema would, naming the line and field", (_l, field, o) => {
    writeImport(around(draft("delta", "dod-1237", "Listed", "2021-01-14", o)));
    const error = importRejected();
    expect(error.issues).toEqual([expect.objectContaining({ file: importFile, line: 4, field })]);
    expect(error.message).toContain(`${importFile}:4: field "${field}": `);
  });

  it("reports every malformed line at once", () => {
    writeImport([
      "not json",
      draft("acme", "dod-1237", "Listed", "2021-01-14"),
      { ...draft("acme", "dod-1237", "Noted", "2021-01-20"), confidence: "sure" },
    ]);
    const error = importRejected();
    expect(error.issues.map((issue) => [issue.line, issue.field])).toEqual([
      [1, undefined],
      [3, "confidence"],
    ]);
  });

  it("rejects a draft that makes a new stream's history invalid, naming its line", () => {
    // delta's only draft: an injunction with no listing and no challenge.
    writeImport(around(draft("delta", "dod-1237", "InjunctionGranted", "2021-03-12")));
    const error = importRejected();
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ file: importFile, line: 4 });
    expect(error.issues[0]?.message).toContain("with this event the history would be invalid");
    expect(error.issues[0]?.message).toContain("delta/dod-1237");
  });

  it("rejects a draft that makes an existing stream's history invalid, naming its line", () => {
    // xiaomi is challenged (not enjoined): a settlement is fine, but not an appeal.
    const appeal = draft("xiaomi", "dod-1237", "AppealFiled", "2021-06-01");
    writeImport([
      draft("acme", "dod-1260h", "Listed", "2024-01-31"),
      draft("xiaomi", "dod-1237", "SettlementReached", "2021-05-11"),
      appeal,
    ]);
    const error = importRejected();
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ file: importFile, line: 3 });
    expect(error.issues[0]?.message).toContain(`${idOf(appeal)} (AppealFiled`);
  });

  it("rejects a draft back-dated before the stream's history, naming its line", () => {
    writeImport([
      draft("acme", "dod-1260h", "Listed", "2024-01-31"),
      draft("xiaomi", "dod-1237", "InjunctionGranted", "2021-01-20"),
    ]);
    const error = importRejected();
    expect(error.issues[0]).toMatchObject({ file: importFile, line: 2 });
    expect(error.issues[0]?.message).toContain("xiaomi/dod-1237");
  });

  it("rejects a stream whose drafts are fine alone but not together in file order", () => {
    const again = draft("acme", "dod-1237", "Listed", "2021-02-01");
    writeImport([
      draft("acme", "dod-1237", "Listed", "2021-01-14"),
      draft("beta", "dod-1237", "Listed", "2021-01-14"),
      again,
    ]);
    const error = importRejected();
    expect(error.issues[0]).toMatchObject({ file: importFile, line: 3 });
    expect(error.issues[0]?.message).toContain(`${idOf(again)} (Listed`);
  });

  it("rejects a company or program that is not a slug, naming the line and field", () => {
    writeImport(around(draft("Delta Corp", "dod-1237", "Listed", "2021-01-14")));
    const error = importRejected();
    expect(error.issues[0]).toMatchObject({ file: importFile, line: 4, field: "company" });
  });

  it("leaves the log as it was, so the corrected file then imports whole", () => {
    writeImport(around("{oops"));
    importRejected();
    const lines = around(draft("delta", "dod-1237", "Listed", "2021-01-14")) as EventDraft[];
    writeImport(lines);
    const results = importDrafts(events, importFile);
    expect(results.map((r) => r.event.id)).toEqual(lines.map((d) => idOf(d)));
    expect(() => replayLogStrict(readLog(events))).not.toThrow();
  });
});

describe("importDrafts: ids within the file", () => {
  it("rejects a second line with the id of an earlier one, even for another stream", () => {
    writeImport([
      draft("acme", "dod-1260h", "Listed", "2024-01-31", { id: "shared-id" }),
      draft("beta", "dod-1237", "Listed", "2021-01-14", { id: "shared-id" }),
    ]);

    // importRejected also checks that neither stream's folder nor file was created.
    const error = importRejected();

    expect(error.subject).toBe("the import file");
    expect(error.issues).toEqual([
      { file: importFile, line: 2, field: "id", message: "shared-id is also the id of line 1" },
    ]);
    expect(error.message).toBe(`${importFile}:2: field "id": shared-id is also the id of line 1`);
  });
});

describe("importDrafts: the line that breaks a stream's history", () => {
  it("names the 3rd of a stream's 3 lines when that line breaks it", () => {
    const appeal = draft("acme", "dod-1237", "AppealFiled", "2021-06-01");
    writeImport([
      draft("acme", "dod-1237", "Listed", "2021-01-14"),
      draft("acme", "dod-1237", "ChallengeFiled", "2021-01-29"),
      appeal,
    ]);
    const error = importRejected();
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ file: importFile, line: 3 });
    expect(error.issues[0]?.message).toContain(`${idOf(appeal)} (AppealFiled`);
  });

  it("names the 1st line, not the last, when the first line breaks it", () => {
    // An injunction before the stream was even listed: wrong from line 1 on, whatever follows.
    const injunction = draft("acme", "dod-1237", "InjunctionGranted", "2021-01-10");
    writeImport([
      injunction,
      draft("acme", "dod-1237", "Listed", "2021-01-14"),
      draft("acme", "dod-1237", "ChallengeFiled", "2021-01-29"),
    ]);
    const error = importRejected();
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ file: importFile, line: 1 });
    expect(error.issues[0]?.message).toContain(
      `event ${idOf(injunction)} (InjunctionGranted, effective 2021-01-10) is not accepted`,
    );
  });
});

describe("importDrafts: what the error is about", () => {
  it("a missing import file is a LogError of the import file: no such file", () => {
    const missing = join(root, "no-such-import.jsonl");
    const tree = treeOf(root);

    const error = logErrorOf(() => importDrafts(events, missing));

    expect(error.subject).toBe("the import file");
    expect(error.issues).toEqual([{ file: missing, message: "no such file" }]);
    expect(error.message).toBe(`${missing}: no such file`);
    expect(treeOf(root)).toEqual(tree);
  });

  it.each<[string, EventDraft | Record<string, unknown> | string]>([
    ["a malformed line", "{oops"],
    [
      "a line that breaks the schema",
      { ...draft("delta", "dod-1237", "Listed", "2021-01-14"), confidence: "sure" },
    ],
    ["a line that breaks a history", draft("delta", "dod-1237", "InjunctionGranted", "2021-03-12")],
  ])("%s is a LogError of the import file, not of the log", (_label, bad) => {
    writeImport([draft("acme", "dod-1237", "Listed", "2021-01-14"), bad]);
    const error = importRejected();
    expect(error.subject).toBe("the import file");
    expect(error.issues[0]).toMatchObject({ file: importFile, line: 2 });
  });
});

describe("appendEvents with dryRun", () => {
  it("checks a new stream's drafts but creates no folder and no lock file", () => {
    const tree = treeOf(root);

    const results = appendEvents(
      events,
      [
        draft("acme", "dod-1260h", "Listed", "2024-01-31"),
        draft("acme", "dod-1260h", "ChallengeFiled", "2024-08-14"),
      ],
      { dryRun: true },
    );

    expect(results.map((r) => [r.outcome, r.event.id, r.line])).toEqual([
      ["appended", "acme-dod-1260h-0001", 1],
      ["appended", "acme-dod-1260h-0002", 2],
    ]);
    expect(treeOf(root)).toEqual(tree);
  });

  it("still rejects what the real append would reject, creating nothing", () => {
    const tree = treeOf(root);
    expect(() =>
      appendEvents(events, [draft("acme", "dod-1260h", "InjunctionGranted", "2024-01-31")], {
        dryRun: true,
      }),
    ).toThrow(AppendRejectedError);
    expect(treeOf(root)).toEqual(tree);
  });

  it("writes nothing and leaves no lock file on an existing stream", () => {
    const tree = treeOf(root);
    const [result] = appendEvents(
      events,
      [draft("xiaomi", "dod-1237", "InjunctionGranted", "2021-03-12")],
      { dryRun: true },
    );
    expect(result).toMatchObject({ outcome: "appended", line: 3 });
    expect(treeOf(root)).toEqual(tree);
  });
});
