import { beforeEach, describe, expect, it } from "vitest";
import type { DesignationEvent, FactEvent } from "../../src/domain/eventSchema.js";
import { LogError } from "../../src/store/logError.js";
import { GENESIS, lineHash } from "../../src/store/integrityChain.js";
import type { Log, StreamLog } from "../../src/store/streamLog.js";
import { statusAt } from "../../src/query/statusAt.js";
import { foldStream } from "../../src/replay/foldStream.js";
import { replayLog, replayLogStrict, replayStream } from "../../src/replay/replayLog.js";
import { makeEvent, resetEventSeq } from "../support/events.js";

beforeEach(() => {
  resetEventSeq();
});

/** A stream's file as `readLog` would give it: events on lines 1, 2, 3, ... */
function streamLog(stream: string, events: DesignationEvent[]): StreamLog {
  const [company = "", program = ""] = stream.split("/");
  const lines = events.map((event) => JSON.stringify(event));
  const last = lines.at(-1);
  return {
    stream,
    company,
    program,
    file: `events/${program}/${company}.jsonl`,
    entries: events.map((event, index) => ({ event, line: index + 1 })),
    head: last === undefined ? GENESIS : lineHash(last),
    size: lines.reduce((bytes, line) => bytes + Buffer.byteLength(line) + 1, 0),
  };
}

/** `[type, effective]` pairs as events of `stream`, seq from 1. */
function eventsOf(stream: string, ...steps: [DesignationEvent["type"], string][]) {
  return steps.map(([type, effective], index) =>
    makeEvent(type, effective, { stream, seq: index + 1 }),
  );
}

function validStream(): StreamLog {
  return streamLog(
    "acme/dod-1237",
    eventsOf(
      "acme/dod-1237",
      ["Listed", "2021-01-14"],
      ["ChallengeFiled", "2021-01-29"],
      ["InjunctionGranted", "2021-03-12"],
    ),
  );
}

/** Line 3 grants an injunction in a case nobody filed. */
function invalidStream(): StreamLog {
  return streamLog(
    "beta/dod-1237",
    eventsOf(
      "beta/dod-1237",
      ["Listed", "2021-01-14"],
      ["Noted", "2021-02-01"],
      ["InjunctionGranted", "2021-03-12"],
      ["Delisted", "2021-04-01"],
    ),
  );
}

function logOf(...streams: StreamLog[]): Log {
  return { dir: "events", streams, editions: [] };
}

describe("replayLog", () => {
  it("gives a timeline for the valid stream and a problem for the invalid one", () => {
    const valid = validStream();
    const invalid = invalidStream();
    const { timelines, problems } = replayLog(logOf(valid, invalid));

    expect(timelines).toHaveLength(1);
    const facts = valid.entries.map((entry) => entry.event as FactEvent);
    expect(timelines[0]).toEqual(foldStream("acme/dod-1237", facts));
    expect(timelines[0]?.intervals.map((i) => i.status)).toEqual([
      "listed",
      "challenged",
      "enjoined",
    ]);

    const rejected = invalid.entries[2]?.event;
    expect(problems).toEqual([
      {
        file: "events/dod-1237/beta.jsonl",
        line: 3,
        field: "type",
        message: `invalid history in stream beta/dod-1237: event ${rejected?.id} (InjunctionGranted, effective 2021-03-12) is not accepted in state listing=listed, litigation=none`,
      },
    ]);
  });

  it("replays the streams after an invalid one all the same", () => {
    const { timelines, problems } = replayLog(logOf(invalidStream(), validStream()));
    expect(timelines.map((t) => t.stream)).toEqual(["acme/dod-1237"]);
    expect(problems.map((p) => p.line)).toEqual([3]);
  });

  it("applies corrections before folding", () => {
    const events = eventsOf(
      "acme/dod-1237",
      ["Listed", "2021-01-01"],
      ["ChallengeFiled", "2021-01-29"],
    );
    const [listed] = events;
    events.push(
      makeEvent("Corrected", "2021-02-01", {
        seq: 3,
        data: { corrects: listed?.id ?? "", effective: "2021-01-14" },
      }),
    );
    const { timelines, problems } = replayLog(logOf(streamLog("acme/dod-1237", events)));
    expect(problems).toEqual([]);
    expect(timelines[0]?.intervals.map((i) => [i.from, i.status])).toEqual([
      ["2021-01-14", "listed"],
      ["2021-01-29", "challenged"],
    ]);
  });

  it("reports a retraction that leaves the history invalid at the event the machine rejects", () => {
    const events = eventsOf(
      "acme/dod-1237",
      ["Listed", "2021-01-14"],
      ["ChallengeFiled", "2021-01-29"],
      ["InjunctionGranted", "2021-03-12"],
    );
    events.push(
      makeEvent("Retracted", "2021-04-01", { seq: 4, data: { retracts: events[1]?.id ?? "" } }),
    );
    const { timelines, problems } = replayLog(logOf(streamLog("acme/dod-1237", events)));
    expect(timelines).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({ file: "events/dod-1237/acme.jsonl", line: 3, field: "type" }),
    ]);
  });

  it("reports an invalid correction on the correction's line, field data", () => {
    const events = eventsOf(
      "acme/dod-1237",
      ["Listed", "2021-01-14"],
      ["ChallengeFiled", "2021-01-29"],
    );
    const fix = makeEvent("Corrected", "2021-02-01", {
      seq: 3,
      data: { corrects: events[1]?.id ?? "", data: { court: " " } },
    });
    events.push(fix);
    const { problems } = replayLog(logOf(streamLog("acme/dod-1237", events)));
    expect(problems).toEqual([
      {
        file: "events/dod-1237/acme.jsonl",
        line: 3,
        field: "data",
        message: expect.stringContaining(`correction ${fix.id} in stream acme/dod-1237`),
      },
    ]);
  });

  it("gives nothing for an empty log", () => {
    expect(replayLog(logOf())).toEqual({ timelines: [], problems: [] });
  });
});

describe("replayLogStrict", () => {
  it("returns the timelines of a log that replays whole", () => {
    const valid = validStream();
    expect(replayLogStrict(logOf(valid))).toEqual([replayStream(valid)]);
  });

  it("throws a LogError listing every invalid stream", () => {
    const second = streamLog(
      "gamma/dod-1237",
      eventsOf("gamma/dod-1237", ["AppealFiled", "2021-01-14"]),
    );
    const log = logOf(validStream(), invalidStream(), second);
    let thrown: unknown;
    try {
      replayLogStrict(log);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LogError);
    const error = thrown as LogError;
    expect(error.issues.map((issue) => [issue.file, issue.line])).toEqual([
      ["events/dod-1237/beta.jsonl", 3],
      ["events/dod-1237/gamma.jsonl", 1],
    ]);
    expect(error.message.split("\n")).toEqual([
      expect.stringMatching(/^events\/dod-1237\/beta\.jsonl:3: field "type": invalid history/),
      expect.stringMatching(/^events\/dod-1237\/gamma\.jsonl:1: field "type": invalid history/),
    ]);
  });
});

describe("replayStream with a view", () => {
  /** Listed in January 2021 (the day unknown), the day found and corrected on 1 March. */
  function correctedListing(): StreamLog {
    const listed = makeEvent("Listed", "2021-01-01", { precision: "month", known: "2021-01-20" });
    const challenged = makeEvent("ChallengeFiled", "2021-01-29");
    const fix = makeEvent("Corrected", "2021-03-01", {
      data: { corrects: listed.id, effective: "2021-01-14", precision: "day" },
    });
    return streamLog("acme/dod-1237", [listed, challenged, fix]);
  }

  it("answers a corrected fact the old way before the correction is known", () => {
    const stream = correctedListing();
    for (const knownAt of ["2021-01-29", "2021-02-28"]) {
      const timeline = replayStream(stream, { knownAt });
      expect(timeline.intervals.map((i) => [i.from, i.status])).toEqual([
        ["2021-01-01", "listed"],
        ["2021-01-29", "challenged"],
      ]);
      expect(statusAt(timeline, "2021-01-10")).toMatchObject({ status: "listed", uncertain: true });
    }
  });

  it("answers it the new way once the correction is known, and without a view", () => {
    const stream = correctedListing();
    for (const view of [{ knownAt: "2021-03-01" }, { knownAt: "2030-01-01" }, {}]) {
      const timeline = replayStream(stream, view);
      expect(timeline.intervals.map((i) => [i.from, i.status])).toEqual([
        ["2021-01-14", "listed"],
        ["2021-01-29", "challenged"],
      ]);
      expect(statusAt(timeline, "2021-01-10")).toMatchObject({
        status: "unlisted",
        uncertain: false,
      });
    }
  });

  it("leaves out the facts not yet known", () => {
    const stream = correctedListing();
    expect(replayStream(stream, { knownAt: "2021-01-19" }).intervals).toEqual([]);
    expect(replayStream(stream, { knownAt: "2021-01-28" }).intervals.map((i) => i.status)).toEqual([
      "listed",
    ]);
  });

  it("drops a retracted event only from the answers known after the retraction", () => {
    const listed = makeEvent("Listed", "2021-01-14");
    const challenged = makeEvent("ChallengeFiled", "2021-01-29");
    const retraction = makeEvent("Retracted", "2021-04-01", {
      data: { retracts: challenged.id },
    });
    const stream = streamLog("acme/dod-1237", [listed, challenged, retraction]);

    const before = replayStream(stream, { knownAt: "2021-03-31" });
    expect(statusAt(before, "2021-02-15")).toMatchObject({
      status: "challenged",
      event: { id: challenged.id },
    });
    for (const view of [{ knownAt: "2021-04-01" }, {}]) {
      const after = replayStream(stream, view);
      expect(statusAt(after, "2021-02-15")).toMatchObject({
        status: "listed",
        event: { id: listed.id },
      });
      expect(after.steps.map((step) => step.event.id)).toEqual([listed.id]);
    }
  });

  it("replays the log as it was recorded at an instant", () => {
    const listed = makeEvent("Listed", "2021-01-14", { recorded: "2026-11-23T12:00:00.000Z" });
    const challenged = makeEvent("ChallengeFiled", "2021-01-29", {
      recorded: "2026-11-24T09:00:00.000Z",
    });
    const stream = streamLog("acme/dod-1237", [listed, challenged]);
    const statusOn = (recordedAt: string) =>
      statusAt(replayStream(stream, { recordedAt }), "2021-03-01").status;
    expect(statusOn("2026-11-23T11:59:59.999Z")).toBe("unlisted");
    expect(statusOn("2026-11-24T08:59:59Z")).toBe("listed");
    expect(statusOn("2026-11-24T10:00:00+01:00")).toBe("challenged");
  });
});

describe("replayLog and replayLogStrict with a view", () => {
  it("pass the view on to every stream", () => {
    const acme = streamLog("acme/dod-1237", [
      makeEvent("Listed", "2021-01-14", { stream: "acme/dod-1237", seq: 1 }),
      makeEvent("ChallengeFiled", "2021-01-29", {
        stream: "acme/dod-1237",
        seq: 2,
        known: "2021-02-10",
      }),
    ]);
    const beta = streamLog("beta/dod-1237", [
      makeEvent("Listed", "2021-03-01", { stream: "beta/dod-1237", seq: 1 }),
    ]);
    const view = { knownAt: "2021-02-01" };
    const { timelines, problems } = replayLog(logOf(acme, beta), view);
    expect(problems).toEqual([]);
    expect(timelines).toEqual([replayStream(acme, view), replayStream(beta, view)]);
    expect(timelines.map((t) => t.intervals.map((i) => i.status))).toEqual([["listed"], []]);
    expect(replayLogStrict(logOf(acme, beta), view)).toEqual(timelines);
  });

  it("replay whole a log whose invalid part the view does not see yet", () => {
    const listed = makeEvent("Listed", "2021-01-14");
    const granted = makeEvent("InjunctionGranted", "2021-03-12", { known: "2021-03-20" });
    const log = logOf(streamLog("acme/dod-1237", [listed, granted]));
    expect(replayLogStrict(log, { knownAt: "2021-03-19" })).toHaveLength(1);
    expect(replayLog(log, { knownAt: "2021-03-20" }).problems).toEqual([
      expect.objectContaining({ line: 2, field: "type" }),
    ]);
  });
});
