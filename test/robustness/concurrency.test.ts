import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { parseEventLine } from "../../src/store/parseEventLine.js";
import { inspectLog } from "../../src/store/readLog.js";
import { appendAll } from "../cli/support/drafts.js";
import { runCliProcess as runCli } from "../cli/support/runCli.js";
import { makeTempDir, removeDir } from "../store/support/logFixtures.js";
import { APPEND_MANY, RACE_APPEND, startScript } from "./support/children.js";

const dirs: string[] = [];

afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

/** An events folder whose stream acme/dod-1237 holds one event: Listed on 2021-01-14. */
function listedAcme(): { dir: string; file: string } {
  const dir = makeTempDir("designations-concurrency-");
  dirs.push(dir);
  const file = appendAll(dir, "acme/dod-1237", [["Listed", "2021-01-14"]]);
  return { dir, file };
}

const WRITERS = 8;
const EACH = 100;

describe("many processes appending to the same stream at once", () => {
  it(
    `${WRITERS} processes × ${EACH} appends: every event there once, in seq order, the chain intact`,
    { timeout: 180_000 },
    async ({ expect }) => {
      const { dir, file } = listedAcme();

      const writers = Array.from({ length: WRITERS }, (_, w) =>
        // A 5 ms pause between appends: without it a writer that just released the lock takes
        // it again at once, and the writers mostly take turns in long runs.
        startScript(APPEND_MANY, [dir, "acme", "dod-1237", `w${w + 1}`, String(EACH), "5"]),
      );
      const exits = await Promise.all(writers.map((writer) => writer.exited));

      for (const [w, exit] of exits.entries()) {
        expect(exit).toEqual({ code: 0, signal: null, stderr: "" });
        // Each writer acknowledged its own events, in order.
        expect(writers[w]?.lines).toEqual(
          Array.from({ length: EACH }, (_, n) => `w${w + 1}-${n + 1}`),
        );
      }

      const text = readFileSync(file, "utf8");
      expect(text.endsWith("\n")).toBe(true);
      const lines = text.slice(0, -1).split("\n");
      expect(lines).toHaveLength(1 + WRITERS * EACH);
      const events = lines.map((line, index) => {
        const parsed = parseEventLine(line, file, index + 1);
        if (!parsed.ok) throw new Error(`line ${index + 1} is not a complete event: ${line}`);
        return parsed.event;
      });
      expect(events.map((event) => event.seq)).toEqual(
        Array.from({ length: lines.length }, (_, i) => i + 1),
      );
      const ids = events.map((event) => event.id);
      expect(new Set(ids).size).toBe(ids.length);
      const appended = ids.slice(1).sort();
      const expected = writers.flatMap((writer) => writer.lines).sort();
      expect(appended).toEqual(expected);
      // Each writer's events stand in the order it wrote them.
      for (let w = 1; w <= WRITERS; w++) {
        const own = ids.filter((id) => id.startsWith(`w${w}-`));
        expect(own).toEqual(Array.from({ length: EACH }, (_, n) => `w${w}-${n + 1}`));
      }
      // The recorded instants never go backwards.
      const recorded = events.map((event) => event.recorded);
      expect([...recorded].sort()).toEqual(recorded);

      expect(inspectLog(dir).issues).toEqual([]);
      expect(readdirSync(join(dir, "dod-1237"))).toEqual(["acme.jsonl"]);
      const verify = await runCli(["verify", "--events", dir]);
      expect(verify.stderr).toBe("");
      expect(verify.stdout.split("\n")[0]).toBe(
        `ok: 1 stream, ${1 + WRITERS * EACH} events, every chain intact and every history valid`,
      );
      expect(verify.code).toBe(0);
    },
  );
});

describe.concurrent("racing with the same expected seq: exactly one wins", () => {
  const RACERS = 5;

  it(
    "through the CLI: one appends, the others exit 4 with the concurrency error",
    { timeout: 60_000 },
    async ({ expect }) => {
      const { dir, file } = listedAcme();
      const before = readFileSync(file, "utf8");

      const results = await Promise.all(
        Array.from({ length: RACERS }, (_, r) =>
          runCli([
            ...["append", "acme", "dod-1237", "Noted", "--effective", "2021-02-01"],
            ...["--data", '{"subject": "hearing"}', "--description", `Racer ${r}.`],
            ...["--source", "https://example.org/race", "--expected-seq", "1", "--events", dir],
          ]),
        ),
      );

      const winners = results.filter((result) => result.code === 0);
      const losers = results.filter((result) => result.code !== 0);
      expect(winners).toHaveLength(1);
      expect(winners[0]?.stdout).toBe(
        `appended acme-dod-1237-0002 (Noted, effective 2021-02-01, seq 2) to ${file}:2\n`,
      );
      for (const loser of losers) {
        expect(loser).toEqual({
          code: 4,
          stdout: "",
          stderr:
            "error: concurrency conflict on acme/dod-1237: expected its last seq to be 1, but it is 2. Read the stream again and retry\n",
        });
      }
      const after = readFileSync(file, "utf8");
      expect(after.startsWith(before)).toBe(true);
      expect(after.slice(before.length).split("\n")).toHaveLength(2);
      expect(inspectLog(dir).issues).toEqual([]);
    },
  );

  it(
    "through the library: one appends, the others get a ConcurrencyError",
    { timeout: 60_000 },
    async ({ expect }) => {
      const { dir, file } = listedAcme();

      const racers = Array.from({ length: RACERS }, (_, r) =>
        startScript(RACE_APPEND, [dir, "acme", "dod-1237", `r${r}`, "1"]),
      );
      const exits = await Promise.all(racers.map((racer) => racer.exited));

      const outcomes = racers.map((racer) => racer.lines.join("\n")).sort();
      expect(outcomes).toEqual([
        ...Array.from({ length: RACERS - 1 }, () => "ConcurrencyError 2"),
        "appended 2",
      ]);
      expect(exits.map((exit) => exit.code).sort()).toEqual([
        0,
        ...Array.from({ length: RACERS - 1 }, () => 4),
      ]);
      expect(exits.every((exit) => exit.stderr === "")).toBe(true);
      expect(readFileSync(file, "utf8").split("\n")).toHaveLength(3);
      expect(inspectLog(dir).issues).toEqual([]);
    },
  );
});
