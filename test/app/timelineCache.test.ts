import {
  appendFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appendEvent } from "../../src/app/appendEvents.js";
import { LogError } from "../../src/store/logError.js";
import { cachedTimeline, cacheDirFor } from "../../src/app/timelineCache.js";
import { generateLog } from "../../scripts/generate-log.js";

function setUp() {
  const dir = mkdtempSync(join(tmpdir(), "timeline-cache-"));
  generateLog({ out: dir, events: 400, streams: 4, seed: 5 });
  const cache = mkdtempSync(join(tmpdir(), "timeline-cache-store-"));
  const file = join(dir, "dod-1237", "co-00001.jsonl");
  return { dir, cache, file };
}

/** The cache's entry for co-00001/dod-1237, read from whichever shard holds it. */
function cachedEntry(cache: string): { size: number } | undefined {
  for (const name of readdirSync(cache).filter((n) => /^timelines-[0-9a-f]{2}\.json$/.test(n))) {
    const shard = JSON.parse(readFileSync(join(cache, name), "utf8")) as Record<
      string,
      { size: number }
    >;
    if (shard["co-00001/dod-1237"] !== undefined) return shard["co-00001/dod-1237"];
  }
  return undefined;
}

function cacheText(cache: string): string {
  return readdirSync(cache)
    .sort()
    .map((name) => readFileSync(join(cache, name), "utf8"))
    .join("\n");
}

describe("cachedTimeline", () => {
  it("reads the file once and answers from the cache while the file is unchanged", () => {
    const { file, cache } = setUp();
    const first = cachedTimeline(file, "co-00001", "dod-1237", cache);
    expect(cachedEntry(cache)).toBeDefined();
    const cachedText = cacheText(cache);
    const second = cachedTimeline(file, "co-00001", "dod-1237", cache);
    expect(second).toEqual(first);
    expect(cacheText(cache)).toBe(cachedText);
  });

  it("reads the file again after an append, and the answer includes the new event", () => {
    const { dir, file, cache } = setUp();
    const before = cachedTimeline(file, "co-00001", "dod-1237", cache);
    const result = appendEvent(dir, {
      company: "co-00001",
      program: "dod-1237",
      type: "Noted",
      effective: "2099-01-01",
      data: { subject: "other", description: "later" },
      sources: [{ publisher: "p", title: "t", url: "https://example.org/" }],
      confidence: "low",
    });
    const after = cachedTimeline(file, "co-00001", "dod-1237", cache);
    expect(result.outcome).toBe("appended");
    // A note changes no status: the timeline is the same, but it was rebuilt from the file.
    expect(after.intervals).toEqual(before.intervals);
    expect(cachedEntry(cache)?.size).toBe(readFileSync(file).length);
  });

  it("notices an edit in the middle that keeps the size and the last line (by its time)", () => {
    const { file, cache } = setUp();
    cachedTimeline(file, "co-00001", "dod-1237", cache);
    const text = readFileSync(file, "utf8");
    const edited = text.replace('"seq":3,', '"seq":4,');
    expect(edited.length).toBe(text.length);
    rmSync(file);
    appendFileSync(file, edited);
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    expect(() => cachedTimeline(file, "co-00001", "dod-1237", cache)).toThrow(LogError);
  });

  it("reports a torn last line instead of answering from the cache", () => {
    const { file, cache } = setUp();
    cachedTimeline(file, "co-00001", "dod-1237", cache);
    appendFileSync(file, '{"id":"torn');
    expect(() => cachedTimeline(file, "co-00001", "dod-1237", cache)).toThrow(/torn last line/);
  });

  it("rebuilds a damaged shard instead of trusting it", () => {
    const { file, cache } = setUp();
    const first = cachedTimeline(file, "co-00001", "dod-1237", cache);
    for (const name of readdirSync(cache))
      writeFileSync(join(cache, name), '{"co-00001/dod-1237": {');
    expect(cachedTimeline(file, "co-00001", "dod-1237", cache)).toEqual(first);
    expect(cachedEntry(cache)?.size).toBe(readFileSync(file).length);
  });

  it("answers all the same when the cache cannot be written, and writes nothing there", () => {
    const { file, cache } = setUp();
    const blocker = join(cache, "not-a-folder");
    writeFileSync(blocker, "");
    const unwritable = join(blocker, "cache");
    const answer = cachedTimeline(file, "co-00001", "dod-1237", unwritable);
    expect(answer).toEqual(cachedTimeline(file, "co-00001", "dod-1237", cache));
    expect(readdirSync(cache).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("re-verifies a file whose light timeline is lost though its fingerprint is kept", () => {
    const { file, cache } = setUp();
    const first = cachedTimeline(file, "co-00001", "dod-1237", cache);
    for (const name of readdirSync(cache).filter((n) => n.startsWith("timelines-"))) {
      rmSync(join(cache, name));
    }
    expect(cachedTimeline(file, "co-00001", "dod-1237", cache)).toEqual(first);
    expect(cachedEntry(cache)?.size).toBe(readFileSync(file).length);
  });

  it("reads a verified file for its steps without the light timelines", () => {
    const { file, cache } = setUp();
    cachedTimeline(file, "co-00001", "dod-1237", cache);
    for (const name of readdirSync(cache).filter((n) => n.startsWith("timelines-"))) {
      writeFileSync(join(cache, name), "damaged");
    }
    const withSteps = cachedTimeline(file, "co-00001", "dod-1237", cache, { steps: true });
    expect(withSteps.steps.length).toBeGreaterThan(0);
    // The damaged light timelines were not needed, so not rewritten.
    const names = readdirSync(cache).filter((n) => n.startsWith("timelines-"));
    expect(names.map((n) => readFileSync(join(cache, n), "utf8"))).toEqual(
      names.map(() => "damaged"),
    );
  });

  it("keeps each events folder's cache apart", () => {
    expect(cacheDirFor("/a/events", "/cache")).not.toBe(cacheDirFor("/b/events", "/cache"));
    expect(cacheDirFor("/a/events", "/cache")).toBe(cacheDirFor("/a/events/", "/cache"));
  });
});
