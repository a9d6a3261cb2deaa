import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  readFileSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { inspectLog } from "../../src/store/readLog.js";
import { appendAll } from "../cli/support/drafts.js";
import { crashLines, runCliProcess as runCli } from "../cli/support/runCli.js";
import { makeTempDir, removeDir } from "../store/support/logFixtures.js";
import { APPEND_MANY, startScript } from "./support/children.js";

const dirs: string[] = [];

afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

function listedAcme(): { dir: string; file: string } {
  const dir = makeTempDir("designations-crash-");
  dirs.push(dir);
  const file = appendAll(dir, "acme/dod-1237", [["Listed", "2021-01-14"]]);
  return { dir, file };
}

const TORN =
  /^torn last line: it has no newline at its end, the trace of an interrupted write\. Remove it \(truncate -s (\d+) '(.+)'\) and append that event again$/;

/** The ids of the complete lines of a stream file (a torn last line is not one). */
function completeIds(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const complete = text.slice(0, text.lastIndexOf("\n") + 1);
  return complete
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => (JSON.parse(line) as { id: string }).id);
}

const noteArgs = (dir: string, effective: string) => [
  ...["append", "acme", "dod-1237", "Noted", "--effective", effective],
  ...["--data", '{"subject": "hearing"}', "--description", "After the crash."],
  ...["--source", "https://example.org/after", "--events", dir],
];

describe("a writer killed with SIGKILL in the middle of a long run of appends", () => {
  it(
    "loses no acknowledged event, and leaves a log that verifies (or has at most a torn last line)",
    { timeout: 120_000 },
    async () => {
      const { dir, file } = listedAcme();
      const acknowledged: string[] = [];

      // Three writers in turn, each killed after a different number of acknowledged appends.
      for (const [round, killAfter] of [5, 40, 120].entries()) {
        const writer = startScript(APPEND_MANY, [dir, "acme", "dod-1237", `k${round}`, "100000"]);
        await writer.linesAtLeast(killAfter);
        writer.process.kill("SIGKILL");
        const exit = await writer.exited;
        expect(exit.signal).toBe("SIGKILL");
        acknowledged.push(...writer.lines);
        expect(writer.lines.length).toBeGreaterThanOrEqual(killAfter);

        const { issues } = inspectLog(dir);
        if (issues.length > 0) {
          // Only an interrupted write of the last line may show, and it says how to repair it.
          expect(issues).toHaveLength(1);
          const match = TORN.exec(issues[0]?.message ?? "");
          expect(match).not.toBeNull();
          expect(issues[0]?.file).toBe(file);
          truncateSync(file, Number(match?.[1]));
        }
        const stored = new Set(completeIds(file));
        expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      }

      // The dead writer's lock, if it held one, does not block the next writer.
      const append = await runCli(noteArgs(dir, "2021-03-01"));
      expect(append.stderr).toBe("");
      expect(append.code).toBe(0);
      const verify = await runCli(["verify", "--events", dir]);
      expect(verify.stderr).toBe("");
      expect(verify.code).toBe(0);
      const stored = new Set(completeIds(file));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    },
  );

  it("a lock left by a dead process is broken by the next writer", async () => {
    const { dir, file } = listedAcme();
    // The pid of a process that has exited.
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(`${file}.lock`, String(dead));

    const result = await runCli(noteArgs(dir, "2021-03-01"));

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(completeIds(file)).toEqual(["acme-dod-1237-0001", "acme-dod-1237-0002"]);
  });

  it("so is an empty lock (its owner died before writing its pid) once it is old", async () => {
    const { dir, file } = listedAcme();
    writeFileSync(`${file}.lock`, "");
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);

    const result = await runCli(noteArgs(dir, "2021-03-01"));

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

describe("a torn write: a last line without its newline", () => {
  it("verify names it, status refuses, append says how to repair; after the repair, append works", async () => {
    const dir = makeTempDir("designations-crash-");
    dirs.push(dir);
    const file = appendAll(dir, "acme/dod-1237", [
      ["Listed", "2021-01-14"],
      ["ChallengeFiled", "2021-01-29"],
    ]);
    const intact = readFileSync(file);
    appendFileSync(file, '{"id":"acme-dod-1237-0003","stream":"acme/dod-1237","seq":3,"type":"Inj');
    const torn = readFileSync(file);
    const problem = `${file}:3: torn last line: it has no newline at its end, the trace of an interrupted write. Remove it (truncate -s ${intact.length} '${file}') and append that event again`;

    const verify = await runCli(["verify", "--events", dir]);
    const status = await runCli(["status", "acme", "--events", dir]);
    const append = await runCli(noteArgs(dir, "2021-02-01"));

    expect(verify).toEqual({
      code: 1,
      stdout: "",
      stderr: `verify found 1 problem:\n${problem}\n`,
    });
    expect(status).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: the log has 1 problem:\n${problem}\n`,
    });
    expect(append).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: refusing to append to ${file}, which fails verification:\n${problem}\nRepair the file first (restore it from version control, or for a torn last line remove that line as shown), then run designations verify.\n`,
    });
    expect(crashLines(append.stderr)).toEqual([]);
    // Reported, never completed or dropped by the reader or the refused append.
    expect(readFileSync(file)).toEqual(torn);

    // Repair as the message says.
    const [, size, path] = TORN.exec(problem.slice(`${file}:3: `.length)) ?? [];
    truncateSync(path ?? "", Number(size));
    expect(readFileSync(file)).toEqual(intact);

    const again = await runCli(noteArgs(dir, "2021-02-01"));
    expect(again).toEqual({
      code: 0,
      stdout: `appended acme-dod-1237-0003 (Noted, effective 2021-02-01, seq 3) to ${file}:3\n`,
      stderr: "",
    });
    const verified = await runCli(["verify", "--events", dir]);
    expect(verified.code).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(intact.length);
  });

  it("a torn line cut inside a multi-byte character is measured in bytes", async () => {
    const dir = makeTempDir("designations-crash-");
    dirs.push(dir);
    const file = appendAll(dir, "acme/dod-1237", [["Listed", "2021-01-14"]]);
    const size = statSync(file).size;
    // The first two of the three bytes of "…" (U+2026).
    appendFileSync(
      file,
      Buffer.concat([Buffer.from('{"id":"x","data":{"description":"a'), Buffer.from([0xe2, 0x80])]),
    );

    const { issues } = inspectLog(dir);

    expect(issues).toHaveLength(1);
    expect(issues[0]?.line).toBe(2);
    expect(TORN.exec(issues[0]?.message ?? "")?.[1]).toBe(String(size));
  });
});
