import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LIFECYCLE_EVENT_TYPES } from "../../src/domain/eventTypes.js";
import { readLog } from "../../src/store/readLog.js";
import { replayLogStrict } from "../../src/replay/replayLog.js";
import { generateLog } from "../../scripts/generate-log.js";

function generated(seed: number): string {
  const out = mkdtempSync(join(tmpdir(), "generated-log-"));
  generateLog({ out, events: 3_000, streams: 40, seed });
  return out;
}

function contents(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((path) => path.endsWith(".jsonl"))
      .sort()
      .map((path) => [path, readFileSync(join(dir, path), "utf8")]),
  );
}

describe("scripts/generate-log.ts", () => {
  const dir = generated(7);
  const log = readLog(dir);
  const events = log.streams.flatMap((stream) => stream.entries.map((entry) => entry.event));

  it("writes the asked number of valid, chained events over the asked number of streams", () => {
    expect(log.streams).toHaveLength(40);
    expect(events).toHaveLength(3_000);
    expect(replayLogStrict(log)).toHaveLength(40);
  });

  it("uses every lifecycle event type, month precision and later known dates", () => {
    const types = new Set(events.map((event) => event.type));
    // Editions live on their program's own stream, which the generator does not write.
    for (const type of LIFECYCLE_EVENT_TYPES.filter((t) => t !== "EditionPublished")) {
      expect(types, type).toContain(type);
    }
    expect(events.some((event) => event.precision === "month")).toBe(true);
    expect(events.some((event) => event.known !== undefined && event.known > event.effective)).toBe(
      true,
    );
  });

  it("writes the same bytes for the same seed, and others for another", () => {
    expect(contents(generated(7))).toEqual(contents(dir));
    expect(contents(generated(8))).not.toEqual(contents(dir));
  });
});
