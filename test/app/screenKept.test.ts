import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { screenFile } from "../../src/app/screenFile.js";
import { ScreenRecord } from "../../src/app/screenRecord.js";
import { generateBlotter } from "../../scripts/generateBlotter.js";
import { REPO_ROOT } from "../cli/support/runCli.js";
import { makeTempDir } from "../store/support/logFixtures.js";

// Answers are kept for stretches of days (ScreenRecord.stretchAround): a screen that keeps them
// must answer every row as one that works each out afresh.
const dir = makeTempDir("designations-screen-kept-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("answers kept for stretches of days", () => {
  it("are the answers worked out afresh, today and as known on each row's date", () => {
    const events = join(REPO_ROOT, "events");
    const file = join(dir, "blotter.csv");
    generateBlotter({ out: file, rows: 3_000, seed: 7, events });
    const record = new ScreenRecord(events, { cacheDir: join(dir, "cache") });
    // The same record without stretches: nothing kept.
    const afresh = {
      match: (name: string) => record.match(name),
      company: (id: string) => record.company(id),
      streamsOf: (id: string, knownAt?: string) => record.streamsOf(id, knownAt),
      childrenOf: (id: string) => record.childrenOf(id),
    } as unknown as ScreenRecord;
    const request = {
      source: { file },
      inputFormat: "csv" as const,
      at: "2026-11-30",
      format: "jsonl" as const,
      knownThen: true,
    };
    const kept: string[] = [];
    const worked: string[] = [];
    const { summary } = screenFile(record, request, (text) => kept.push(text));
    screenFile(afresh, request, (text) => worked.push(text));
    expect(summary.rows).toBe(3_000);
    expect(summary.prohibited + summary.review).toBeGreaterThan(100);
    expect(kept.join("")).toBe(worked.join(""));
  });
});
