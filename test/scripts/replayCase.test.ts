import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** The repository root: the child runs there so that `--import tsx` resolves. */
const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCRIPT = "scripts/replay-case.ts";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node --import tsx scripts/replay-case.ts ...args` with stdin a pipe that is never written
 * to nor closed (not a terminal, and nothing would ever answer a prompt). Rejects when the child
 * does not finish within the timeout, which is how a script waiting for Enter would show.
 */
function replayCase(args: readonly string[], timeoutMs = 20_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(`replay-case ${args.join(" ")} did not finish in ${timeoutMs} ms:\n${stdout}`),
      );
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      child.stdin.destroy();
      resolve({ code, stdout, stderr });
    });
  });
}

/** The cells of a printed line (columns are two spaces or more apart). */
function cells(line: string): string[] {
  return line.trim().split(/ {2,}/);
}

/** The narrated steps of the output: the lines after the title and the header, as cells. */
function steps(stdout: string): string[][] {
  return stdout.trimEnd().split("\n").slice(2).map(cells);
}

/** Lines of stderr that betray an uncaught exception rather than the script's own message. */
function crashLines(stderr: string): string[] {
  return stderr
    .split("\n")
    .filter(
      (line) => /^\s+at\s/.test(line) || /^\w*Error\b/.test(line) || /^Node\.js v/.test(line),
    );
}

const HEADER = [
  "date",
  "program",
  "event",
  "status",
  "enforceable",
  "court, docket",
  "judge",
  "source",
];
const DDC = "U.S. District Court for the District of Columbia";

describe("npm run replay-case -- luokung", () => {
  it("tells the Luokung case step by step", async () => {
    const { code, stdout, stderr } = await replayCase(["luokung", "--program", "dod-1237"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("Luokung Technology Corp. (luokung), step by step");
    expect(cells(lines[1] ?? "")).toEqual(HEADER);

    const rows = steps(stdout);
    const row = (date: string, event: string) => {
      const found = rows.filter((r) => r[0] === date && r[2] === event);
      expect(found, `${date} ${event}`).toHaveLength(1);
      return found[0] as string[];
    };
    expect(row("2021-01-14", "Listed").slice(1, 5)).toEqual([
      "dod-1237",
      "Listed",
      "unlisted → listed",
      "no → yes",
    ]);
    expect(row("2021-03-04", "ChallengeFiled").slice(3)).toEqual([
      "listed → challenged",
      "yes → yes",
      `${DDC}, 1:21-cv-00583-RC`,
      "Rudolph Contreras",
      expect.any(String),
    ]);
    expect(row("2021-03-09", "Relisted").slice(3, 5)).toEqual([
      "challenged → challenged",
      "yes → yes",
    ]);
    expect(row("2021-05-05", "InjunctionGranted").slice(3, 7)).toEqual([
      "challenged → enjoined",
      "yes → no",
      `${DDC}, 1:21-cv-00583-RC`,
      "Rudolph Contreras",
    ]);
    // The June 2021 removal is known only to the month.
    expect(row("2021-06 ~", "Delisted").slice(3, 5)).toEqual(["enjoined → delisted", "no → no"]);
    expect(row("2021-06 ~", "ChallengeDismissed").slice(3, 7)).toEqual([
      "delisted → delisted",
      "no → no",
      `${DDC}, 1:21-cv-00583-RC`,
      "Rudolph Contreras",
    ]);
  });

  it("tells the steps in date order, one line each, with no date shown as the month's 1st", async () => {
    const { stdout } = await replayCase(["luokung", "--program", "dod-1237"]);
    const rows = steps(stdout);
    expect(rows.map((r) => `${r[0]} ${r[2]}`)).toEqual([
      "2021-01-14 Listed",
      "2021-01-27 Noted (guidance)",
      "2021-03-04 ChallengeFiled",
      "2021-03-08 Noted (motion)",
      "2021-03-09 Relisted",
      "2021-03-11 Noted (announcement)",
      "2021-03-23 Noted (amended-complaint)",
      "2021-05-05 InjunctionGranted",
      "2021-06 ~ Delisted",
      "2021-06 ~ ChallengeDismissed",
      "2021-06-03 Noted (other)",
    ]);
    for (const r of rows) expect(r).toHaveLength(HEADER.length);
    expect(stdout).not.toContain("2021-06-01");
  });
});

describe("npm run replay-case: naming the company", () => {
  it("accepts the full name", async () => {
    const { code, stdout } = await replayCase(["Xiaomi Corporation", "--program", "dod-1237"]);
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toBe("Xiaomi Corporation (xiaomi), step by step");
    const rows = steps(stdout);
    expect(rows).toHaveLength(12);
    expect(rows.map((r) => `${r[0]} ${r[2]} ${r[3]} ${r[4]}`)).toContain(
      "2021-03-12 InjunctionGranted challenged → enjoined yes → no",
    );
    expect(rows.at(-2)?.slice(0, 5)).toEqual([
      "2021-05-25",
      "dod-1237",
      "DesignationVacated",
      "settled → vacated",
      "no → no",
    ]);
  });

  it("tells the same case for the id, the full name and an alias", async () => {
    const byId = await replayCase(["luokung", "--program", "dod-1237"]);
    const byName = await replayCase(["Luokung Technology Corp.", "--program", "dod-1237"]);
    const byAlias = await replayCase(["luokong technology corporation", "--program", "dod-1237"]);
    expect(byName.stdout).toBe(byId.stdout);
    expect(byAlias.stdout).toBe(byId.stdout);
  });

  it("tells one program with --program", async () => {
    const { code, stdout } = await replayCase(["amec", "--program", "dod-1260h"]);
    expect(code).toBe(0);
    const rows = steps(stdout);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r[1]).toBe("dod-1260h");
    expect(rows[0]?.slice(0, 3)).toEqual(["2024-01-31", "dod-1260h", "Listed"]);
  });

  it("exits 1 with a message, and no stack trace, for an unknown company", async () => {
    const { code, stdout, stderr } = await replayCase(["acme widgets"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^error: unknown company "acme widgets"/);
    expect(crashLines(stderr)).toEqual([]);
  });

  it("exits 1 listing the candidates for an ambiguous name", async () => {
    const { code, stderr } = await replayCase(["china"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^error: "china" could be any of \d+ companies(; the \d+ best)?; say which:/,
    );
    expect(stderr).toContain("comac");
    expect(crashLines(stderr)).toEqual([]);
  });
});

describe("npm run replay-case: usage", () => {
  it("exits 2 with the usage for an unknown flag", async () => {
    const { code, stdout, stderr } = await replayCase(["luokung", "--bogus"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("--bogus");
    expect(stderr).toContain("Run npm run replay-case -- --help for usage.");
    expect(crashLines(stderr)).toEqual([]);
  });

  it("exits 2 without a company, pointing to --help, and no internal error", async () => {
    const { code, stdout, stderr } = await replayCase([]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe("error: give one company\nRun npm run replay-case -- --help for usage.\n");
    expect(stderr).not.toContain("internal error");
    expect(crashLines(stderr)).toEqual([]);
  });

  it("exits 2 for two companies too", async () => {
    const { code, stderr } = await replayCase(["xiaomi", "luokung"]);
    expect(code).toBe(2);
    expect(stderr).toContain("error: give one company");
    expect(stderr).toContain("npm run replay-case -- --help");
  });

  it("prints the usage with --help", async () => {
    const { code, stdout } = await replayCase(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run replay-case -- <company>/);
  });

  it("with --step but stdin not a terminal, prints every step without waiting", async () => {
    const plain = await replayCase(["luokung", "--program", "dod-1237"]);
    const stepped = await replayCase(["luokung", "--program", "dod-1237", "--step"], 15_000);
    expect(stepped.code).toBe(0);
    expect(stepped.stdout).toBe(plain.stdout);
    expect(stepped.stderr).toBe("");
  });
});
