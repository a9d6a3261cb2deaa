import { spawn } from "node:child_process";
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  openSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir, removeDir } from "../store/support/logFixtures.js";
import { crashLines, MAIN, REPO_ROOT, runCli } from "../cli/support/runCli.js";

const dir = makeTempDir("designations-out-");
afterAll(() => removeDir(dir));

describe("--out targets that are not plain new files", () => {
  it("a device that cannot take the text (/dev/full) is a user error naming it, and stays a device", async () => {
    const result = await runCli(["report", "xiaomi", "--out", "/dev/full"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "error: cannot write /dev/full: no space left on the device (ENOSPC)\n",
    );
    expect(statSync("/dev/full").isCharacterDevice()).toBe(true);
  });

  it("a device that takes it (/dev/null) is written into, not replaced", async () => {
    const result = await runCli(["report", "xiaomi", "--out", "/dev/null"]);
    expect(result.code).toBe(0);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("a symbolic link to a file is refused, and the file it points to is untouched", async () => {
    const victim = join(dir, "victim.txt");
    writeFileSync(victim, "precious\n");
    const link = join(dir, "report.html");
    symlinkSync(victim, link);
    const result = await runCli(["report", "xiaomi", "--out", link]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--out: ${link} is a symbolic link, which would be replaced`);
    expect(readFileSync(victim, "utf8")).toBe("precious\n");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it("an empty name is bad usage", async () => {
    const result = await runCli(["export", "--format", "csv", "--out", ""]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--out: give a file name");
  });

  it("a regular file keeps its mode when written over", async () => {
    const file = join(dir, "kept-mode.csv");
    writeFileSync(file, "old\n");
    chmodSync(file, 0o640);
    const result = await runCli(["export", "--format", "csv", "--out", file]);
    expect(result.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readFileSync(file, "utf8")).toMatch(/^company,program,status/);
  });

  it("symbolic links planted at the temporary names a writer once used are never followed", async () => {
    const folder = join(dir, "planted");
    mkdirSync(folder);
    const victim = join(dir, "planted-victim.txt");
    writeFileSync(victim, "precious\n");
    // The old names were .<name>.<pid>.tmp: plant one for this process and the next pids.
    const planted = Array.from({ length: 20 }, (_, i) =>
      join(folder, `.export.csv.${process.pid + i}.tmp`),
    );
    for (const link of planted) symlinkSync(victim, link);
    const target = join(folder, "export.csv");

    const result = await runCli(["export", "--format", "csv", "--out", target]);

    expect(result.code).toBe(0);
    expect(readFileSync(victim, "utf8")).toBe("precious\n");
    expect(readFileSync(target, "utf8")).toMatch(/^company,program,status/);
    for (const link of planted) expect(lstatSync(link).isSymbolicLink()).toBe(true);
    // Nothing else is left beside the target: the links, the target, no temporary file.
    expect(readdirSync(folder).sort()).toEqual(
      ["export.csv", ...planted.map((link) => basename(link))].sort(),
    );
  });
});

/** Runs the CLI as a process with its standard output going to `stdout`. */
function cliProcess(args: readonly string[], stdout: "pipe" | number) {
  return spawn(process.execPath, ["--import", "tsx", MAIN, ...args], {
    cwd: REPO_ROOT,
    stdio: ["ignore", stdout, "pipe"],
  });
}

function finished(child: ReturnType<typeof cliProcess>): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.on("close", (code) => resolve({ code: code ?? -1, stderr })),
  );
}

describe("standard output that fails", () => {
  it("a reader that goes away (| head -1) ends the command quietly", async () => {
    const child = cliProcess(["export", "--format", "csv", "--what", "events"], "pipe");
    child.stdout?.once("data", () => child.stdout?.destroy());
    const { code, stderr } = await finished(child);
    expect(crashLines(stderr)).toEqual([]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
  }, 30_000);

  it("a full device (> /dev/full) is a user error, exit 1, no stack trace", async () => {
    const child = cliProcess(["status", "xiaomi"], openSync("/dev/full", "w"));
    const { code, stderr } = await finished(child);
    expect(crashLines(stderr)).toEqual([]);
    expect(stderr).toContain("error: cannot write the output:");
    expect(stderr).toContain("no space left on the device (ENOSPC)");
    expect(code).toBe(1);
  }, 30_000);
});
