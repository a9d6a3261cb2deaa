import { execFile } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../src/domain/limits.js";
import { draftOf } from "../cli/support/drafts.js";
import { treeOf, xiaomiEventsDir } from "../cli/support/eventsDirs.js";
import { runInProcess } from "../cli/support/inProcess.js";
import { crashLines, MAIN, REPO_ROOT } from "../cli/support/runCli.js";
import { makeTempDir, removeDir } from "../store/support/logFixtures.js";

// The rows of issue 14's table that are about bad paths, ids, arguments and sizes. The other rows
// have their tests beside the code they harden: outputTargets (/dev/full, FIFOs, links, EPIPE),
// logLinks (symbolic links in events/), importCrash (kill -9 during import), csvExport and
// export (formulas), usage (repeated flags, dates, control characters), verify (CRLF), status
// (what the cache trusts), forecast and report (loops and far dates).

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

/** A path for a file of the test's own, outside any events folder. */
function scratchFile(name: string): string {
  const dir = makeTempDir("designations-hostile-");
  dirs.push(dir);
  return join(dir, name);
}

function eventsDir(): string {
  const { dir } = xiaomiEventsDir();
  dirs.push(dir);
  return dir;
}

/** Runs the CLI in-process and checks it ended as a user's error, not a bug. */
function refused(argv: readonly string[], events: string, code = 1) {
  const result = runInProcess(argv, { events });
  expect(crashLines(result.err)).toEqual([]);
  expect(result.code).toBe(code);
  return result;
}

describe("paths, ids and arguments that once were internal errors", () => {
  it("--events naming a file is a user error naming it", () => {
    const dir = eventsDir();
    const file = join(dir, "dod-1237", "xiaomi.jsonl");
    const result = refused(["status", "xiaomi", "--events", file], dir);
    expect(result.err).toContain(`${file}: not a folder`);
  });

  it("--events naming a folder it may not read is a user error naming it", async () => {
    const dir = eventsDir();
    const locked = join(dir, "dod-1237");
    chmodSync(locked, 0o000);
    try {
      const result = await runWithoutPrivileges(["status", "xiaomi", "--events", dir]);
      expect(crashLines(result.stderr)).toEqual([]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${locked}: permission denied (EACCES)`);
    } finally {
      chmodSync(locked, 0o755);
    }
  });

  it("a 250-character company id: unknown to a query, refused by an append, nothing written", () => {
    const dir = eventsDir();
    const id = "a".repeat(250);
    expect(refused(["status", id], dir).err).toContain("unknown company");
    const before = treeOf(dir);
    const append = refused(
      [
        ...["append", id, "dod-1237", "Noted", "--effective", "2021-01-01"],
        ...["--data", '{"subject": "other"}', "--description", "A note."],
        ...["--source", "https://example.org/a", "--name", "A Company"],
      ],
      dir,
    );
    expect(append.err).toContain(
      `field "company": is 250 characters long; at most ${LIMITS.slugChars} are allowed`,
    );
    expect(treeOf(dir)).toEqual(before);
  });

  it("a 100 KB --program is bad usage, named without being repeated", () => {
    const dir = eventsDir();
    const result = refused(["list", "--program", "p".repeat(100_000)], dir, 2);
    expect(result.err).toContain("the value of --program is 100,000 characters long");
    expect(result.err.length).toBeLessThan(500);
  });

  it("--out with an empty name is bad usage", () => {
    const dir = eventsDir();
    expect(refused(["report", "xiaomi", "--out", ""], dir, 2).err).toContain(
      "--out: give a file name",
    );
  });
});

describe("a 600 MB line", () => {
  it("in a stream file: every command names the file and line and stops reading it", () => {
    const dir = eventsDir();
    const huge = join(dir, "dod-1237", "huge.jsonl");
    writeFileSync(huge, "");
    truncateSync(huge, 600_000_000); // sparse: no disk space, and no newline anywhere
    const message = `${huge}:1: the line is longer than 131,072 bytes`;
    for (const argv of [["status", "huge"], ["verify"], ["list"], ["export", "--format", "csv"]]) {
      expect(refused(argv, dir).err).toContain(message);
    }
  });

  it("in an import file: named, and nothing is imported", () => {
    const dir = eventsDir();
    const file = scratchFile("huge-import.jsonl");
    writeFileSync(file, `${JSON.stringify(draftOf("xiaomi/dod-1237", "Noted", "2021-05-01"))}\n`);
    truncateSync(file, 600_000_000);
    const before = treeOf(dir);
    const result = refused(["import", file], dir);
    expect(result.err).toContain(`${file}:2: the line is longer than 131,072 bytes`);
    expect(treeOf(dir)).toEqual(before);
  });
});

describe("descriptions and other texts over their limits", () => {
  const importOne = (dir: string, description: string) => {
    const file = scratchFile("import.jsonl");
    const draft = draftOf("xiaomi/dod-1237", "Noted", "2021-05-01");
    writeFileSync(file, `${JSON.stringify({ ...draft, data: { ...draft.data, description } })}\n`);
    return file;
  };

  it("a 50 MB description in an import is refused by the line limit, and nothing is written", () => {
    const dir = eventsDir();
    const file = importOne(dir, "x".repeat(50_000_000));
    const before = treeOf(dir);
    expect(refused(["import", file], dir).err).toContain(`${file}:1: the line is longer`);
    expect(treeOf(dir)).toEqual(before);
  });

  it("a description over 10,000 characters is refused with its field, without echoing it", () => {
    const dir = eventsDir();
    const file = importOne(dir, "x".repeat(20_000));
    const before = treeOf(dir);
    const result = refused(["import", file], dir);
    expect(result.err).toContain(
      `${file}:1: field "data.description": is 20,000 characters long; at most 10,000 are allowed`,
    );
    expect(result.err.length).toBeLessThan(1_000);
    expect(treeOf(dir)).toEqual(before);
  });

  it("an append at the limit is taken, and its report stays small", () => {
    const dir = eventsDir();
    const description = "y".repeat(LIMITS.descriptionChars);
    const append = runInProcess(
      [
        ...["append", "xiaomi", "dod-1237", "Noted", "--effective", "2021-05-01"],
        ...["--data", '{"subject": "other"}', "--description", description],
        ...["--source", "https://example.org/a"],
      ],
      { events: dir },
    );
    expect(append.err).toBe("");
    expect(append.code).toBe(0);
    const out = scratchFile("report.html");
    expect(runInProcess(["report", "xiaomi", "--out", out], { events: dir }).code).toBe(0);
    expect(readFileSync(out).length).toBeLessThan(2_000_000);
  });

  it("a log line written by hand past a text limit is reported by verify with its field", () => {
    const dir = eventsDir();
    const file = join(dir, "dod-1237", "xiaomi.jsonl");
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    const first = JSON.parse(lines[0] ?? "") as { data: { description: string } };
    first.data.description = "z".repeat(10_001);
    lines[0] = JSON.stringify(first);
    mkdirSync(join(dir, "dod-1237"), { recursive: true });
    writeFileSync(file, `${lines.join("\n")}\n`);
    expect(refused(["verify"], dir).err).toContain(
      `${file}:1: field "data.description": is 10,001 characters long; at most 10,000 are allowed`,
    );
  });
});

/**
 * Runs the CLI as a child process that file permissions bind: as root (CI runs as root, whom
 * `chmod 000` does not stop), without the capabilities that override them.
 */
function runWithoutPrivileges(
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const node = [process.execPath, "--import", "tsx", MAIN, ...args];
  const command =
    process.getuid?.() === 0
      ? ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--", ...node]
      : node;
  return new Promise((resolve, reject) => {
    execFile(
      command[0] as string,
      command.slice(1),
      { cwd: REPO_ROOT, encoding: "utf8", timeout: 20_000 },
      (error, stdout, stderr) => {
        if (error === null) resolve({ code: 0, stdout, stderr });
        else if (typeof error.code === "number") resolve({ code: error.code, stdout, stderr });
        else reject(error);
      },
    );
  });
}
