import { beforeEach, describe, expect, it } from "vitest";
import type { DesignationEvent, FactEvent } from "../../src/domain/eventSchema.js";
import { LogError } from "../../src/log/logError.js";
import type { Log, StreamLog } from "../../src/log/streamLog.js";
import { foldStream } from "../../src/replay/foldStream.js";
import { replayLog, replayLogStrict, replayStream } from "../../src/replay/replayLog.js";
import { makeEvent, resetEventSeq } from "../support/events.js";

beforeEach(() => {
  resetEventSeq();
});

/** A stream's file as `readLog` would give it: events on lines 1, 2, 3, ... */
function streamLog(stream: string, events: DesignationEvent[]): StreamLog {
  const [company = "", program = ""] = stream.split("/");
  return {
    stream,
    company,
    program,
    file: `events/${program}/${company}.jsonl`,
    entries: events.map((event, index) => ({ event, line: index + 1 })),
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
  return { dir: "events", streams };
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
