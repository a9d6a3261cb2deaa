import { rmSync } from "node:fs";
import { parse } from "csv-parse/sync";
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
    generateBlotter({ out: file, rows: 30_000, seed: 7, events });
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
    expect(summary.rows).toBe(30_000);
    expect(summary.prohibited + summary.review).toBeGreaterThan(100);
    expect(kept.join("")).toBe(worked.join(""));
  });

  it("make the same CSV answer as the JSON one, cell for cell, from texts kept by match and answer", () => {
    const events = join(REPO_ROOT, "events");
    const file = join(dir, "blotter-csv.csv");
    generateBlotter({ out: file, rows: 3_000, seed: 11, events });
    const record = new ScreenRecord(events, { cacheDir: join(dir, "cache") });
    const request = {
      source: { file },
      inputFormat: "csv" as const,
      at: "2026-11-30",
      knownThen: true,
    };
    const csv: string[] = [];
    const json: string[] = [];
    screenFile(record, { ...request, format: "csv" }, (text) => csv.push(text));
    screenFile(record, { ...request, format: "jsonl" }, (text) => json.push(text));
    const rows = parse(csv.join(""), { columns: true }) as Record<string, string>[];
    const answers = json
      .join("")
      .trim()
      .split("\n")
      .map(
        (line) =>
          JSON.parse(line) as {
            verdict: string;
            reason: string;
            date: string;
            action: string | null;
            match: { how: string; certain: boolean; company: { id: string; score: number } | null };
            knownThen: { verdict: string; reason: string; differs: boolean };
            input: Record<string, string>;
          },
      );
    expect(rows).toHaveLength(3_000);
    rows.forEach((row, index) => {
      const answer = answers[index];
      expect(answer).toBeDefined();
      if (answer === undefined) return;
      expect(row).toMatchObject({
        ...answer.input,
        verdict: answer.verdict,
        reason: answer.reason,
        company_id: answer.match.company?.id ?? "",
        match_score: answer.match.company === null ? "" : String(answer.match.company.score),
        date_screened: answer.date,
        action_screened: answer.action ?? "",
        verdict_known_then: answer.knownThen.verdict,
        reason_known_then: answer.knownThen.reason,
        differs: String(answer.knownThen.differs),
      });
    });
  });
});
