import { copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir, removeDir, XIAOMI_LOG } from "../store/support/logFixtures.js";
import { crashLines, runCli } from "../cli/support/runCli.js";

const made: string[] = [];
afterAll(() => made.forEach(removeDir));

const LINK = "a symbolic link: the events folder holds its own folders and files only";

/** A log with Xiaomi's stream, and a folder outside it holding a copy of that stream. */
function logAndOutside(): { dir: string; outside: string } {
  const dir = makeTempDir("designations-links-");
  const outside = makeTempDir("designations-outside-");
  made.push(dir, outside);
  mkdirSync(join(dir, "dod-1237"));
  copyFileSync(XIAOMI_LOG, join(dir, "dod-1237", "xiaomi.jsonl"));
  copyFileSync(XIAOMI_LOG, join(outside, "acme.jsonl"));
  return { dir, outside };
}

function appendNote(dir: string, company: string, program: string) {
  return runCli([
    ...["append", company, program, "Noted", "--effective", "2021-03-01"],
    ...["--description", "A note.", "--source", "https://example.org/note", "--events", dir],
  ]);
}

describe("symbolic links inside the events folder", () => {
  it("a stream file that links out of the log: every command refuses it, naming it", async () => {
    const { dir, outside } = logAndOutside();
    const link = join(dir, "dod-1237", "acme.jsonl");
    symlinkSync(join(outside, "acme.jsonl"), link);
    const before = readFileSync(join(outside, "acme.jsonl"), "utf8");
    for (const args of [
      ["verify"],
      ["list"],
      ["status", "xiaomi"],
      ["export", "--format", "csv"],
    ]) {
      const result = await runCli([...args, "--events", dir]);
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stderr).toContain(`${link}: ${LINK}`);
      expect(crashLines(result.stderr)).toEqual([]);
    }
    const append = await appendNote(dir, "acme", "dod-1237");
    expect(append.code).toBe(1);
    expect(append.stderr).toContain(`${link}: ${LINK}`);
    expect(readFileSync(join(outside, "acme.jsonl"), "utf8")).toBe(before);
  });

  it("a program folder that links out of the log: refused, and an append writes nothing there", async () => {
    const { dir, outside } = logAndOutside();
    const link = join(dir, "dod-1260h");
    symlinkSync(outside, link);
    const list = await runCli(["list", "--events", dir]);
    expect(list.code).toBe(1);
    expect(list.stderr).toContain(`${link}: ${LINK}`);
    const append = await appendNote(dir, "beta", "dod-1260h");
    expect(append.code).toBe(1);
    expect(append.stderr).toContain(`${link}: ${LINK}`);
    expect(readdirSync(outside)).toEqual(["acme.jsonl"]);
  });
});
