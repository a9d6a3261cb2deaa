import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateLog } from "../../scripts/generate-log.js";
import { runCli } from "./support/runCli.js";

const dir = mkdtempSync(join(tmpdir(), "designations-replay-large-"));
const cache = mkdtempSync(join(tmpdir(), "designations-replay-large-cache-"));
generateLog({ out: dir, events: 25_000, streams: 50, seed: 3 });
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

describe("replay of a log larger than one chunk of output", () => {
  it("--json is still one JSON document, every step in date order", async () => {
    process.env.DESIGNATIONS_CACHE = cache;
    const { code, stdout } = await runCli(["replay", "--json", "--events", dir]);
    delete process.env.DESIGNATIONS_CACHE;
    expect(code).toBe(0);
    const { steps, problems } = JSON.parse(stdout) as { steps: { date: string }[]; problems: [] };
    expect(steps).toHaveLength(25_000);
    expect(problems).toEqual([]);
    const dates = steps.map((step) => step.date);
    expect(dates).toEqual([...dates].sort());
  });

  it("the table has a line a step under one header, its columns aligned", async () => {
    process.env.DESIGNATIONS_CACHE = cache;
    const { code, stdout } = await runCli(["replay", "--events", dir]);
    delete process.env.DESIGNATIONS_CACHE;
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(25_001);
    expect(lines[0]).toMatch(/^date {8}stream/);
    const streamColumn = (lines[0] ?? "").indexOf("stream");
    expect(
      lines.every((line) => line[streamColumn - 1] === " " && line[streamColumn] !== " "),
    ).toBe(true);
  });
});
