import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LogError } from "../../src/log/logError.js";
import { readLog } from "../../src/log/readLog.js";
import { replayLogStrict } from "../../src/replay/replayLog.js";
import { replayLogFast } from "../../src/replay/replayLogFast.js";
import { generateLog } from "../../scripts/generate-log.js";

const repoEvents = new URL("../../events", import.meta.url).pathname;

function generated(): string {
  const out = mkdtempSync(join(tmpdir(), "fast-replay-"));
  generateLog({ out, events: 5_000, streams: 60, seed: 3 });
  return out;
}

/** The timelines without their steps, by stream id (the two replays order streams differently). */
const withoutSteps = (timelines: ReturnType<typeof replayLogStrict>) =>
  timelines
    .map(({ steps: _, ...rest }) => rest)
    .sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : 0));

describe("replayLogFast", () => {
  it("gives the same timelines as the full replay, on a generated log", () => {
    const dir = generated();
    const fast = replayLogFast(dir);
    expect(fast.events).toBe(5_000);
    expect(withoutSteps(fast.timelines)).toEqual(withoutSteps(replayLogStrict(readLog(dir))));
    expect(fast.timelines.every((timeline) => timeline.steps.length === 0)).toBe(true);
  });

  it("gives the same timelines as the full replay on the repository's log, corrections included", () => {
    expect(withoutSteps(replayLogFast(repoEvents).timelines)).toEqual(
      withoutSteps(replayLogStrict(readLog(repoEvents))),
    );
  });

  it("tells its progress after each stream", () => {
    const dir = generated();
    const seen: number[] = [];
    replayLogFast(dir, ({ streams }) => seen.push(streams));
    expect(seen).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
  });

  it("refuses a torn last line and a broken seq order, naming file and line", () => {
    const dir = generated();
    const file = join(dir, "dod-1237", "co-00001.jsonl");
    const lines = readFileSync(file, "utf8").split("\n");
    appendFileSync(file, '{"id":"half');
    expect(() => replayLogFast(dir)).toThrow(LogError);
    writeFileSync(file, [lines[1], lines[0], ...lines.slice(2)].join("\n"));
    try {
      replayLogFast(dir);
      expect.unreachable();
    } catch (error) {
      expect((error as LogError).issues[0]).toMatchObject({ file, line: 1, field: "seq" });
    }
  });
});
