import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AppendRejectedError,
  ConcurrencyError,
  StreamNeedsRepairError,
} from "../../src/store/appendErrors.js";
import { type AppendOptions, appendEvent, type EventDraft } from "../../src/app/appendEvents.js";
import { GENESIS, lineHash } from "../../src/store/integrityChain.js";
import { readLog } from "../../src/store/readLog.js";
import { statusAt } from "../../src/query/statusAt.js";
import { replayLogStrict } from "../../src/replay/replayLog.js";
import { makeTempDir, removeDir, SOURCE, writeFile } from "./support/logFixtures.js";

let dir: string;
let file: string;

beforeEach(() => {
  dir = makeTempDir("designations-append-");
  file = join(dir, "dod-1237", "acme.jsonl");
});

afterEach(() => {
  removeDir(dir);
});

const COURT = "U.S. District Court for the District of Columbia";

/** A valid draft of `type` for acme/dod-1237; `overrides` replace its fields. */
function draft(type: string, effective: string, overrides: Partial<EventDraft> = {}): EventDraft {
  const description = `${type} on ${effective}`;
  const data: Record<string, unknown> = ["Listed", "Relisted", "Delisted"].includes(type)
    ? { description }
    : type === "Noted"
      ? { description, subject: "hearing" }
      : ["Corrected", "Retracted"].includes(type)
        ? { description }
        : { description, court: COURT };
  return {
    company: "acme",
    program: "dod-1237",
    type,
    effective,
    data,
    sources: [SOURCE],
    confidence: "high",
    ...overrides,
  };
}

/** A clock that says `instant`. */
const at =
  (instant: string): AppendOptions["now"] =>
  () =>
    new Date(instant);

/** Appends at a fixed instant unless told otherwise. */
function append(event: EventDraft, options: AppendOptions = {}) {
  return appendEvent(dir, event, { now: at("2026-11-23T12:00:00.000Z"), ...options });
}

/** The stream file's lines, without their newlines. */
function linesOf(path = file): string[] {
  return readFileSync(path, "utf8").split("\n").slice(0, -1);
}

/** The error `action` throws; fails the test when it throws none. */
function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

/** Listed, ChallengeFiled and InjunctionGranted on acme/dod-1237. */
function appendHistory(): void {
  append(draft("Listed", "2021-01-14"));
  append(draft("ChallengeFiled", "2021-01-29"));
  append(draft("InjunctionGranted", "2021-03-12"));
}

describe("appendEvent on a new stream", () => {
  it("creates the program folder and the file, with one complete line", () => {
    expect(existsSync(join(dir, "dod-1237"))).toBe(false);

    const result = append(draft("Listed", "2021-01-14"));

    expect(result).toMatchObject({ outcome: "appended", file, line: 1 });
    const text = readFileSync(file, "utf8");
    expect(text).toBe(`${JSON.stringify(result.event)}\n`);
    expect(readdirSync(join(dir, "dod-1237"))).toEqual(["acme.jsonl"]);
  });

  it("fills in the envelope: id, stream, seq, recorded and prev (GENESIS)", () => {
    const { event } = append(draft("Listed", "2021-01-14"), {
      now: at("2026-11-23T10:11:12.345Z"),
    });
    expect(event).toEqual({
      id: "acme-dod-1237-0001",
      stream: "acme/dod-1237",
      seq: 1,
      type: "Listed",
      effective: "2021-01-14",
      recorded: "2026-11-23T10:11:12.345Z",
      data: { description: "Listed on 2021-01-14" },
      sources: [SOURCE],
      confidence: "high",
      prev: GENESIS,
    });
  });

  it("writes id first, leaves out the fields not given, and keeps known and precision", () => {
    append(draft("Listed", "2021-01-01", { precision: "month", known: "2021-01-20" }));
    append(draft("Noted", "2021-02-05"));
    const [first, second] = linesOf();
    expect(first).toMatch(/^\{"id":"acme-dod-1237-0001",/);
    expect(JSON.parse(first as string)).toMatchObject({ known: "2021-01-20", precision: "month" });
    expect(Object.keys(JSON.parse(second as string))).not.toContain("known");
    expect(Object.keys(JSON.parse(second as string))).not.toContain("precision");
  });

  it("takes the id it is given", () => {
    const { event } = append(draft("Listed", "2021-01-14", { id: "dod-list-2021-01-14" }));
    expect(event.id).toBe("dod-list-2021-01-14");
    expect(linesOf()[0]).toMatch(/^\{"id":"dod-list-2021-01-14",/);
  });
});

describe("appendEvent on a stream with events", () => {
  it("numbers seq and ids 1, 2, 3 and chains each line to the one before", () => {
    appendHistory();
    const lines = linesOf();
    const events = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events.map((event) => [event.id, event.seq])).toEqual([
      ["acme-dod-1237-0001", 1],
      ["acme-dod-1237-0002", 2],
      ["acme-dod-1237-0003", 3],
    ]);
    expect(events.map((event) => event.prev)).toEqual([
      GENESIS,
      lineHash(lines[0] as string),
      lineHash(lines[1] as string),
    ]);
  });

  it("returns the line it wrote, and the event as the log reads it back", () => {
    appendHistory();
    const result = append(draft("Noted", "2021-03-15"));
    expect(result).toMatchObject({ outcome: "appended", file, line: 4 });
    const stream = readLog(dir).streams[0];
    expect(stream?.entries.at(-1)).toEqual({ event: result.event, line: 4 });
    expect(stream?.head).toBe(lineHash(linesOf()[3] as string));
  });

  it("writes a log that reads and replays whole", () => {
    appendHistory();
    const [timeline] = replayLogStrict(readLog(dir));
    expect(timeline?.intervals.map((interval) => [interval.from, interval.status])).toEqual([
      ["2021-01-14", "listed"],
      ["2021-01-29", "challenged"],
      ["2021-03-12", "enjoined"],
    ]);
  });

  it("accepts a back-dated event that leaves the history valid", () => {
    appendHistory();
    const result = append(draft("Noted", "2021-01-20"));
    expect(result).toMatchObject({ outcome: "appended", line: 4 });
    expect(result.event.seq).toBe(4);
  });

  it("leaves no lock file behind", () => {
    appendHistory();
    expect(readdirSync(join(dir, "dod-1237"))).toEqual(["acme.jsonl"]);
  });

  it("keeps each stream to its own file", () => {
    append(draft("Listed", "2021-01-14"));
    const beta = append(draft("Listed", "2021-02-01", { company: "beta" }));
    const other = append(draft("Listed", "2022-10-05", { program: "dod-1260h" }));
    expect(beta).toMatchObject({ file: join(dir, "dod-1237", "beta.jsonl"), line: 1 });
    expect(beta.event).toMatchObject({ id: "beta-dod-1237-0001", prev: GENESIS });
    expect(other).toMatchObject({ file: join(dir, "dod-1260h", "acme.jsonl"), line: 1 });
    expect(other.event.id).toBe("acme-dod-1260h-0001");
    expect(readLog(dir).streams.map((stream) => stream.stream)).toEqual([
      "acme/dod-1237",
      "acme/dod-1260h",
      "beta/dod-1237",
    ]);
  });
});

describe("appendEvent rejects, writing nothing, an event that breaks the schema", () => {
  it.each([
    [
      "a court event without a court",
      draft("ChallengeFiled", "2021-01-29", { data: { description: "Filed." } }),
      "data.court",
    ],
    ["an impossible date", draft("ChallengeFiled", "2021-02-30"), "effective"],
    ["a bad known date", draft("ChallengeFiled", "2021-01-29", { known: "2021-13-01" }), "known"],
    ["an unknown type", draft("Frobbed", "2021-01-29"), "type"],
    ["no source", draft("ChallengeFiled", "2021-01-29", { sources: [] }), "sources"],
    [
      "a source that is not an http(s) URL",
      draft("ChallengeFiled", "2021-01-29", { sources: [{ ...SOURCE, url: "ftp://x.org/a" }] }),
      "sources.0.url",
    ],
    [
      "an id that is not letters, digits, '.', '_' or '-'",
      draft("ChallengeFiled", "2021-01-29", { id: "has space" }),
      "id",
    ],
  ])("%s: AppendRejectedError naming the field", (_, event, field) => {
    append(draft("Listed", "2021-01-14"));
    const before = readFileSync(file);

    const error = thrown(() => append(event));

    expect(error).toBeInstanceOf(AppendRejectedError);
    expect(error).toMatchObject({ name: "AppendRejectedError", stream: "acme/dod-1237", field });
    expect((error as Error).message).toMatch(
      new RegExp(
        `^rejected, nothing written to acme/dod-1237: field "${field.replace(/\./g, "\\.")}": `,
      ),
    );
    expect(readFileSync(file)).toEqual(before);
  });

  it("does not create the file of a new stream", () => {
    const error = thrown(() => append(draft("Listed", "2021-02-30")));
    expect(error).toMatchObject({ field: "effective" });
    expect(existsSync(file)).toBe(false);
  });

  it.each([
    ["company", { company: "Acme" }, "Acme/dod-1237"],
    ["program", { program: "dod_1237" }, "acme/dod_1237"],
  ] as const)("a %s that is not a slug, before touching the folder", (field, overrides, stream) => {
    const error = thrown(() => append(draft("Listed", "2021-01-14", overrides)));
    expect(error).toBeInstanceOf(AppendRejectedError);
    expect(error).toMatchObject({ field, stream });
    expect((error as Error).message).toContain("must be a lowercase slug");
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("appendEvent rejects, writing nothing, an event that makes the history invalid", () => {
  it("an event the machine does not accept after the stream's events", () => {
    append(draft("Listed", "2021-01-14"));
    const before = readFileSync(file);

    const error = thrown(() => append(draft("InjunctionGranted", "2021-03-12")));

    expect(error).toBeInstanceOf(AppendRejectedError);
    expect(error).toMatchObject({ stream: "acme/dod-1237", field: undefined });
    expect((error as Error).message).toMatch(
      /^rejected, nothing written to acme\/dod-1237: with this event the history would be invalid: invalid history in stream acme\/dod-1237: event acme-dod-1237-0002 \(InjunctionGranted, effective 2021-03-12\) is not accepted in state listing=listed, litigation=none$/,
    );
    expect(readFileSync(file)).toEqual(before);
  });

  it("a first event the machine does not accept, without creating the file", () => {
    expect(thrown(() => append(draft("ChallengeFiled", "2021-01-29")))).toBeInstanceOf(
      AppendRejectedError,
    );
    expect(existsSync(file)).toBe(false);
  });

  it("a rejected first event of a new program leaves no empty program folder", () => {
    const error = thrown(() => append(draft("InjunctionGranted", "2021-03-12")));

    expect(error).toBeInstanceOf(AppendRejectedError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a rejected first event of a new company keeps the program's folder and files", () => {
    append(draft("Listed", "2021-01-14"));
    const beta = draft("InjunctionGranted", "2021-03-12", { company: "beta" });

    expect(thrown(() => append(beta))).toBeInstanceOf(AppendRejectedError);
    expect(readdirSync(dir)).toEqual(["dod-1237"]);
    expect(readdirSync(join(dir, "dod-1237"))).toEqual(["acme.jsonl"]);
  });

  it("an event valid in full but not as known on some date, field known", () => {
    append(draft("Listed", "2021-01-14"));
    // The challenge became public only after the injunction granted in it.
    append(draft("ChallengeFiled", "2021-01-29", { known: "2021-04-01" }));
    const before = readFileSync(file);

    const error = thrown(() =>
      append(draft("InjunctionGranted", "2021-03-12", { known: "2021-03-12" })),
    );

    expect(error).toBeInstanceOf(AppendRejectedError);
    expect(error).toMatchObject({ stream: "acme/dod-1237", field: "known" });
    expect((error as Error).message).toBe(
      'rejected, nothing written to acme/dod-1237: field "known": as known on 2021-03-12 the history is invalid: invalid history in stream acme/dod-1237: event acme-dod-1237-0003 (InjunctionGranted, effective 2021-03-12) is not accepted in state listing=listed, litigation=none. An event it needs became known later: check the known dates',
    );
    expect(readFileSync(file)).toEqual(before);
    expect(readdirSync(join(dir, "dod-1237"))).toEqual(["acme.jsonl"]);
  });

  it("but appends the same injunction when the challenge was known on the day it was filed", () => {
    append(draft("Listed", "2021-01-14"));
    append(draft("ChallengeFiled", "2021-01-29", { known: "2021-01-29" }));
    expect(append(draft("InjunctionGranted", "2021-03-12"))).toMatchObject({
      outcome: "appended",
      line: 3,
    });
  });

  it("a back-dated event that makes a later event of the stream invalid", () => {
    append(draft("Listed", "2021-01-14"));
    append(draft("ChallengeFiled", "2021-01-29"));
    const before = readFileSync(file);

    // Valid after the challenge, but dated before it: the challenge would then meet a delisting.
    const error = thrown(() => append(draft("Delisted", "2021-01-20")));

    expect(error).toBeInstanceOf(AppendRejectedError);
    expect((error as Error).message).toContain(
      "event acme-dod-1237-0002 (ChallengeFiled, effective 2021-01-29) is not accepted in state listing=removed.delisted",
    );
    expect(readFileSync(file)).toEqual(before);
  });
});

describe("appendEvent with expectedSeq", () => {
  it("appends when the stream's last seq is the one expected", () => {
    append(draft("Listed", "2021-01-14"));
    const result = append(draft("ChallengeFiled", "2021-01-29"), { expectedSeq: 1 });
    expect(result.event.seq).toBe(2);
  });

  it("throws ConcurrencyError with the expected and the actual seq, writing nothing", () => {
    appendHistory();
    const before = readFileSync(file);

    const error = thrown(() => append(draft("Noted", "2021-04-01"), { expectedSeq: 2 }));

    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({
      name: "ConcurrencyError",
      stream: "acme/dod-1237",
      expectedSeq: 2,
      actualSeq: 3,
      message:
        "concurrency conflict on acme/dod-1237: expected its last seq to be 2, but it is 3. Read the stream again and retry",
    });
    expect(readFileSync(file)).toEqual(before);
  });

  it("0 appends the first event of a new stream", () => {
    const result = append(draft("Listed", "2021-01-14"), { expectedSeq: 0 });
    expect(result).toMatchObject({ outcome: "appended", line: 1 });
    expect(result.event.seq).toBe(1);
  });

  it("0 on a stream that has events is a conflict; 1 on a new stream too", () => {
    append(draft("Listed", "2021-01-14"));
    expect(thrown(() => append(draft("Noted", "2021-02-01"), { expectedSeq: 0 }))).toMatchObject({
      name: "ConcurrencyError",
      expectedSeq: 0,
      actualSeq: 1,
    });
    const beta = draft("Listed", "2021-01-14", { company: "beta" });
    expect(thrown(() => append(beta, { expectedSeq: 1 }))).toMatchObject({
      name: "ConcurrencyError",
      stream: "beta/dod-1237",
      expectedSeq: 1,
      actualSeq: 0,
    });
    expect(existsSync(join(dir, "dod-1237", "beta.jsonl"))).toBe(false);
  });
});

describe("appendEvent with an id", () => {
  it("is idempotent: the same id with the same content is the existing event, nothing written", () => {
    const event = draft("Listed", "2021-01-14", { id: "dod-list-1" });
    const first = append(event);
    append(draft("ChallengeFiled", "2021-01-29"));
    const before = readFileSync(file);

    const again = append(
      { ...event, data: { ...event.data } },
      { now: at("2027-01-01T00:00:00Z") },
    );

    expect(again).toEqual({ outcome: "existing", event: first.event, file, line: 1 });
    expect(readFileSync(file)).toEqual(before);
  });

  it("compares content, not the order of keys", () => {
    const event = draft("InjunctionGranted", "2021-03-12", {
      id: "pi-1",
      data: { description: "PI granted.", court: COURT, judge: "Contreras" },
    });
    append(draft("Listed", "2021-01-14"));
    append(draft("ChallengeFiled", "2021-01-29"));
    append(event);
    const reordered = {
      ...event,
      data: { judge: "Contreras", court: COURT, description: "PI granted." },
    };
    expect(append(reordered).outcome).toBe("existing");
  });

  it("rejects the same id with different content, field id, naming where it is", () => {
    append(draft("Listed", "2021-01-14", { id: "dod-list-1" }));
    const before = readFileSync(file);

    const error = thrown(() => append(draft("Listed", "2021-01-15", { id: "dod-list-1" })));

    expect(error).toBeInstanceOf(AppendRejectedError);
    expect(error).toMatchObject({ field: "id" });
    expect((error as Error).message).toContain(
      `id dod-list-1 is already used, by a different event at ${file}:1`,
    );
    expect(readFileSync(file)).toEqual(before);
  });

  it("rejects an id that another stream uses, writing nothing", () => {
    append(draft("Listed", "2021-01-14", { id: "shared-1" }));
    const betaFile = join(dir, "dod-1237", "beta.jsonl");

    const error = thrown(() =>
      append(draft("Listed", "2021-01-14", { id: "shared-1", company: "beta" })),
    );

    expect(error).toBeInstanceOf(AppendRejectedError);
    expect(error).toMatchObject({ stream: "beta/dod-1237", field: "id" });
    expect((error as Error).message).toContain(`id shared-1 is already used at ${file}:1`);
    expect(existsSync(betaFile)).toBe(false);
  });
});

describe("appendEvent checks the ids it assigns", () => {
  it("refuses to assign an id that an event given its own id already took", () => {
    append(draft("Listed", "2021-01-14", { id: "acme-dod-1237-0002" }));
    const before = readFileSync(file);

    const error = thrown(() => append(draft("ChallengeFiled", "2021-01-29")));

    expect((error as AppendRejectedError).field).toBe("id");
    expect((error as Error).message).toContain("give the event an id of its own");
    expect(readFileSync(file)).toEqual(before);
  });
});

describe("appendEvent refuses a stream whose file fails verification", () => {
  function refusal(): StreamNeedsRepairError {
    const error = thrown(() => append(draft("Noted", "2021-04-01")));
    expect(error).toBeInstanceOf(StreamNeedsRepairError);
    return error as StreamNeedsRepairError;
  }

  it("a torn last line: names the file and the torn line, writes nothing", () => {
    appendHistory();
    const text = readFileSync(file, "utf8");
    writeFileSync(file, `${text}{"id":"acme-dod-1237-0004","stream":"acme/do`);
    const before = readFileSync(file);

    const error = refusal();

    expect(error.name).toBe("StreamNeedsRepairError");
    expect(error.file).toBe(file);
    expect(error.issues).toEqual([
      {
        file,
        line: 4,
        message: expect.stringContaining(
          `truncate -s ${Buffer.byteLength(text)} '${file}'`,
        ) as string,
      },
    ]);
    expect(error.message).toMatch(
      new RegExp(`^refusing to append to .*acme\\.jsonl, which fails verification:\\n`),
    );
    expect(error.message).toContain(`${file}:4: torn last line`);
    expect(error.message).toContain("Repair the file first");
    expect(readFileSync(file)).toEqual(before);
  });

  it("a tampered line: the chain breaks at the next line", () => {
    appendHistory();
    const lines = linesOf();
    lines[0] = (lines[0] as string).replace('"effective":"2021-01-14"', '"effective":"2021-01-13"');
    writeFile(file, lines.map((line) => `${line}\n`).join(""));
    const before = readFileSync(file);

    const error = refusal();

    expect(error.issues).toEqual([
      {
        file,
        line: 2,
        field: "prev",
        message: expect.stringMatching(/^does not match the hash of line 1/) as string,
      },
    ]);
    expect(readFileSync(file)).toEqual(before);
  });

  it("a removed line", () => {
    appendHistory();
    const lines = linesOf();
    writeFile(file, `${lines[0]}\n${lines[2]}\n`);
    expect(refusal().issues.map((issue) => [issue.line, issue.field])).toEqual([
      [2, "prev"],
      [2, "seq"],
    ]);
  });

  it("leaves no lock file behind when it refuses", () => {
    appendHistory();
    writeFileSync(file, `${readFileSync(file, "utf8")}{`);
    refusal();
    expect(readdirSync(join(dir, "dod-1237"))).toEqual(["acme.jsonl"]);
  });
});

describe("appendEvent records the instant", () => {
  it("from now(), as an ISO 8601 UTC instant", () => {
    const { event } = append(draft("Listed", "2021-01-14"), {
      now: at("2026-11-23T13:14:15.016+01:00"),
    });
    expect(event.recorded).toBe("2026-11-23T12:14:15.016Z");
  });

  it("never before the stream's last recorded instant, when the clock goes back", () => {
    append(draft("Listed", "2021-01-14"), { now: at("2026-11-23T12:00:00.000Z") });
    const earlier = append(draft("ChallengeFiled", "2021-01-29"), {
      now: at("2026-11-23T11:00:00.000Z"),
    });
    expect(earlier.event.recorded).toBe("2026-11-23T12:00:00.000Z");
    const later = append(draft("Noted", "2021-02-05"), { now: at("2026-11-23T12:00:00.001Z") });
    expect(later.event.recorded).toBe("2026-11-23T12:00:00.001Z");
    const recorded = readLog(dir).streams[0]?.entries.map((entry) => entry.event.recorded) ?? [];
    expect(recorded).toEqual([...recorded].sort());
  });

  it("defaults to the real clock", () => {
    const before = Date.now();
    const { event } = appendEvent(dir, draft("Listed", "2021-01-14"));
    const recorded = Date.parse(event.recorded);
    expect(recorded).toBeGreaterThanOrEqual(before);
    expect(recorded).toBeLessThanOrEqual(Date.now());
  });
});

describe("appendEvent with corrections and retractions", () => {
  it("appends a correction, which the replay applies", () => {
    append(draft("Listed", "2021-01-01", { precision: "month" }));
    append(draft("ChallengeFiled", "2021-01-29"));
    const fix = append(
      draft("Corrected", "2021-02-10", {
        data: {
          description: "The listing's day is known.",
          corrects: "acme-dod-1237-0001",
          effective: "2021-01-14",
          precision: "day",
        },
      }),
    );
    expect(fix).toMatchObject({ outcome: "appended", line: 3 });
    expect(fix.event).toMatchObject({ id: "acme-dod-1237-0003", type: "Corrected", seq: 3 });

    const [timeline] = replayLogStrict(readLog(dir));
    expect(
      timeline?.intervals.map((interval) => [interval.from, interval.status, interval.uncertain]),
    ).toEqual([
      ["2021-01-14", "listed", false],
      ["2021-01-29", "challenged", false],
    ]);
    expect(timeline && statusAt(timeline, "2021-01-10").status).toBe("unlisted");
  });

  it("appends a retraction, which the replay applies", () => {
    append(draft("Listed", "2021-01-14"));
    append(draft("ChallengeFiled", "2021-01-29"));
    const retraction = append(
      draft("Retracted", "2021-02-10", {
        data: { description: "No such challenge.", retracts: "acme-dod-1237-0002" },
      }),
    );
    expect(retraction).toMatchObject({ outcome: "appended", line: 3 });
    const [timeline] = replayLogStrict(readLog(dir));
    expect(timeline?.intervals.map((interval) => interval.status)).toEqual(["listed"]);
  });

  it("rejects a correction that names no event of the stream, naming the field, writing nothing", () => {
    append(draft("Listed", "2021-01-14"));
    const before = readFileSync(file);
    const data = { description: "fix", corrects: "acme-dod-1237-0009", effective: "2021-01-15" };

    const error = thrown(() => append(draft("Corrected", "2021-02-10", { data })));

    expect(error).toBeInstanceOf(AppendRejectedError);
    expect((error as AppendRejectedError).field).toBe("data.corrects");
    expect((error as Error).message).toContain(
      "names acme-dod-1237-0009, which is not an earlier event of acme/dod-1237",
    );
    expect(readFileSync(file)).toEqual(before);
  });

  it("rejects a retraction of a correction, naming the field, writing nothing", () => {
    append(draft("Listed", "2021-01-14"));
    append(
      draft("Corrected", "2021-02-01", {
        data: { description: "fix", corrects: "acme-dod-1237-0001", effective: "2021-01-15" },
      }),
    );
    const before = readFileSync(file);
    const data = { description: "withdraw the fix", retracts: "acme-dod-1237-0002" };

    const error = thrown(() => append(draft("Retracted", "2021-03-01", { data })));

    expect((error as AppendRejectedError).field).toBe("data.retracts");
    expect((error as Error).message).toContain("a Corrected: correct the original event instead");
    expect(readFileSync(file)).toEqual(before);
  });

  it.each([
    [
      "that leaves the corrected event invalid",
      { description: "fix", corrects: "acme-dod-1237-0002", data: { court: " " } },
      "the corrected acme-dod-1237-0002 is invalid: data.court: must not be empty",
    ],
    [
      "that moves an event where the machine does not accept it",
      { description: "fix", corrects: "acme-dod-1237-0001", effective: "2021-02-01" },
      "event acme-dod-1237-0002 (ChallengeFiled, effective 2021-01-29) is not accepted in state listing=unlisted",
    ],
  ])("rejects a correction %s, writing nothing", (_, data, reason) => {
    append(draft("Listed", "2021-01-14"));
    append(draft("ChallengeFiled", "2021-01-29"));
    const before = readFileSync(file);

    const error = thrown(() => append(draft("Corrected", "2021-02-10", { data })));

    expect(error).toBeInstanceOf(AppendRejectedError);
    expect((error as Error).message).toContain("with this event the history would be invalid");
    expect((error as Error).message).toContain(reason);
    expect(readFileSync(file)).toEqual(before);
  });

  it("rejects a retraction that leaves a later event invalid", () => {
    appendHistory();
    const before = readFileSync(file);
    const error = thrown(() =>
      append(
        draft("Retracted", "2021-04-01", {
          data: { description: "No such challenge.", retracts: "acme-dod-1237-0002" },
        }),
      ),
    );
    expect(error).toBeInstanceOf(AppendRejectedError);
    expect((error as Error).message).toContain(
      "event acme-dod-1237-0003 (InjunctionGranted, effective 2021-03-12) is not accepted",
    );
    expect(readFileSync(file)).toEqual(before);
  });
});
