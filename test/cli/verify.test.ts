import { appendFileSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lineHash } from "../../src/store/integrityChain.js";
import { makeEvent, makeTempDir, removeDir, writeFile } from "../store/support/logFixtures.js";
import { chainedText } from "./support/chainedLines.js";
import { appendAll } from "./support/drafts.js";
import { linesOf } from "./support/eventsDirs.js";
import { crashLines, REPO_ROOT, runCli, tableRows } from "./support/runCli.js";

const dirs: string[] = [];

afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

/**
 * `[stream, events, head]` of every stream file of the repository's events/, computed here, in
 * the order of the stream ids (`<company>/<program>`).
 */
function repositoryHeads(): string[][] {
  const events = join(REPO_ROOT, "events");
  return readdirSync(events)
    .filter((program) => statSync(join(events, program)).isDirectory())
    .flatMap((program) =>
      readdirSync(join(events, program))
        .filter((name) => name.endsWith(".jsonl"))
        .map((name) => {
          const lines = linesOf(join(events, program, name));
          const company = name.slice(0, -".jsonl".length);
          return [`${company}/${program}`, String(lines.length), lineHash(lines.at(-1) ?? "")];
        }),
    )
    .sort(([a = ""], [b = ""]) => (a < b ? -1 : a > b ? 1 : 0));
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

describe("designations verify on the repository's own events", () => {
  it("passes: exit 0 and a one-line summary", async () => {
    const heads = repositoryHeads();
    expect(heads.length).toBeGreaterThan(0);

    const result = await runCli(["verify"]);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const total = heads.reduce((sum, [, events]) => sum + Number(events), 0);
    expect(result.stdout).toBe(
      `ok: ${plural(heads.length, "stream")}, ${plural(total, "event")}, every chain intact and every history valid\n`,
    );
  });

  it("--heads: also every stream with its event count and head hash", async () => {
    const heads = repositoryHeads();

    const result = await runCli(["verify", "--heads"]);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const [first, ...table] = result.stdout.trimEnd().split("\n");
    expect(first).toMatch(/^ok: /);
    expect(tableRows(table.join("\n"))).toEqual([
      ["stream", "events", "head (SHA-256 of the last line)"],
      ...heads,
    ]);
  });

  it("--json: ok, each stream's file, event count and head, no problems", async () => {
    const result = await runCli(["verify", "--json"]);

    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      ok: boolean;
      streams: { stream: string; file: string; events: number; head: string }[];
      problems: unknown[];
    };
    expect(json.ok).toBe(true);
    expect(json.problems).toEqual([]);
    expect(json.streams.map((s) => [s.stream, String(s.events), s.head])).toEqual(
      repositoryHeads(),
    );
  });
});

describe("designations verify on a broken log", () => {
  let dir: string;
  let acme: string;
  let beta: string;
  let delta: string;
  let gamma: string;
  let gammaSize: number;

  beforeAll(() => {
    dir = makeTempDir("designations-verify-");
    dirs.push(dir);
    const steps = [
      ["Listed", "2021-01-14"],
      ["ChallengeFiled", "2021-01-29"],
      ["InjunctionGranted", "2021-03-12"],
      ["SettlementReached", "2021-05-11"],
    ] as const;

    // acme: line 2 edited after the fact (a later date): line 2 still reads, line 3's prev breaks.
    acme = appendAll(dir, "acme/dod-1237", steps);
    const acmeLines = linesOf(acme);
    acmeLines[1] = (acmeLines[1] ?? "").replace('"2021-01-29"', '"2021-01-30"');
    writeFileSync(acme, `${acmeLines.join("\n")}\n`);

    // beta: line 2 deleted: the old line 3, now line 2, names the wrong predecessor and seq.
    beta = appendAll(dir, "beta/dod-1237", steps.slice(0, 3));
    const betaLines = linesOf(beta);
    writeFileSync(beta, `${[betaLines[0], betaLines[2]].join("\n")}\n`);

    // delta: a well-chained file whose history the machine rejects (no lawsuit before the injunction).
    delta = appendAll(dir, "delta/dod-1237", steps.slice(0, 3));
    const [listed, , enjoined] = linesOf(delta).map(
      (line) => JSON.parse(line) as Record<string, unknown>,
    );
    const rechained = [listed, { ...enjoined, seq: 2 }].map((event) => {
      const { prev: _prev, ...rest } = event ?? {};
      return rest;
    });
    writeFileSync(delta, chainedText(rechained));

    // gamma: an interrupted write left a torn last line.
    gamma = appendAll(dir, "gamma/ofac-ns-cmic", steps.slice(0, 2));
    gammaSize = statSync(gamma).size;
    appendFileSync(gamma, '{"id":"gamma-ofac-ns-cmic-0003","stream":"gamma/ofac-ns');
  });

  const expectedProblems = () => [
    `${acme}:3: field "prev": does not match the hash of line 2: a line before it was changed, removed or moved`,
    `${beta}:2: field "prev": does not match the hash of line 1: a line before it was changed, removed or moved`,
    `${beta}:2: field "seq": is 3, expected 2: seq counts the stream's events from 1 without gaps`,
    `${gamma}:3: torn last line: it has no newline at its end, the trace of an interrupted write. Remove it (truncate -s ${gammaSize} '${gamma}') and append that event again`,
    `${delta}:2: field "type": invalid history in stream delta/dod-1237: event delta-dod-1237-0003 (InjunctionGranted, effective 2021-03-12) is not accepted in state listing=listed, litigation=none`,
  ];

  it("lists every problem with its file and line, and exits 1", async () => {
    const result = await runCli(["verify", "--events", dir]);

    expect(result.stdout).toBe("");
    expect(crashLines(result.stderr)).toEqual([]);
    expect(result.stderr).toBe(`verify found 5 problems:\n${expectedProblems().join("\n")}\n`);
    expect(result.code).toBe(1);
  });

  it('--json: "ok": false and the same problems as objects', async () => {
    const result = await runCli(["verify", "--json", "--events", dir]);

    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as {
      ok: boolean;
      problems: { file: string; line?: number; field?: string; message: string }[];
    };
    expect(json.ok).toBe(false);
    expect(json.problems.map((p) => [p.file, p.line, p.field])).toEqual([
      [acme, 3, "prev"],
      [beta, 2, "prev"],
      [beta, 2, "seq"],
      [gamma, 3, undefined],
      [delta, 2, "type"],
    ]);
  });

  it("the other commands refuse to answer from it, naming the same problems stream by stream", async () => {
    const result = await runCli(["list", "--at", "2021-04-01", "--events", dir]);
    const [acme, betaPrev, betaSeq, gamma, delta] = expectedProblems();

    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `error: the log has 5 problems:\n${[acme, betaPrev, betaSeq, delta, gamma].join("\n")}\n`,
    );
  });
});

describe("designations verify on a stream valid in full but not as known on some date", () => {
  /** A well-chained acme/dod-1237 file: its challenge made public on `challengeKnown`. */
  function logWithChallengeKnownOn(challengeKnown: string): { dir: string; file: string } {
    const dir = makeTempDir("designations-verify-");
    dirs.push(dir);
    const stream = "acme/dod-1237";
    const file = writeFile(
      join(dir, "dod-1237", "acme.jsonl"),
      chainedText([
        makeEvent(stream, 1, "Listed", "2021-01-14"),
        makeEvent(stream, 2, "ChallengeFiled", "2021-01-29", { known: challengeKnown }),
        makeEvent(stream, 3, "InjunctionGranted", "2021-03-12", { known: "2021-03-12" }),
      ]),
    );
    return { dir, file };
  }

  it("exits 1 naming the file, the injunction's line and field known", async () => {
    const { dir, file } = logWithChallengeKnownOn("2021-04-01");

    const result = await runCli(["verify", "--events", dir]);

    expect(result.stdout).toBe("");
    expect(crashLines(result.stderr)).toEqual([]);
    expect(result.stderr).toBe(
      `verify found 1 problem:\n${file}:3: field "known": as known on 2021-03-12 the history is invalid: invalid history in stream acme/dod-1237: event acme-dod-1237-3 (InjunctionGranted, effective 2021-03-12) is not accepted in state listing=listed, litigation=none. An event it needs became known later: check the known dates\n`,
    );
    expect(result.code).toBe(1);

    const json = await runCli(["verify", "--json", "--events", dir]);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as {
      ok: boolean;
      problems: { file: string; line?: number; field?: string }[];
    };
    expect(parsed.ok).toBe(false);
    expect(parsed.problems.map((p) => [p.file, p.line, p.field])).toEqual([[file, 3, "known"]]);
  });

  it("passes when the challenge was known on the day it was filed", async () => {
    const { dir } = logWithChallengeKnownOn("2021-01-29");

    const result = await runCli(["verify", "--events", dir]);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });
});

describe("designations verify on an unusable folder", () => {
  it("exits 1 when the events folder does not exist", async () => {
    const missing = join(makeTempDir("designations-verify-"), "nothing-here");
    dirs.push(join(missing, ".."));

    const result = await runCli(["verify", "--events", missing]);

    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: the log has 1 problem:\n${missing}: no such events folder\n`,
    });
  });

  it("an empty folder verifies: there is nothing to break", async () => {
    const empty = makeTempDir("designations-verify-");
    dirs.push(empty);

    const result = await runCli(["verify", "--events", empty]);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe(
      "ok: 0 streams, 0 events, every chain intact and every history valid",
    );
  });
});

describe("a stream file checked out with Windows line endings (CR LF)", () => {
  let dir: string;
  let file: string;

  beforeAll(() => {
    dir = makeTempDir("designations-crlf-");
    const lines = linesOf(join(REPO_ROOT, "events", "dod-1237", "xiaomi.jsonl"));
    file = writeFile(join(dir, "dod-1237", "xiaomi.jsonl"), lines.map((l) => `${l}\r\n`).join(""));
  });

  afterAll(() => {
    removeDir(dir);
  });

  it("is one problem that names the line endings, not a broken chain on every line", async () => {
    const result = await runCli(["verify", "--events", dir]);
    expect(result.code).toBe(1);
    expect(crashLines(result.stderr)).toEqual([]);
    expect(result.stderr).toBe(
      `verify found 1 problem:\n${file}:1: the line ends with CR LF (Windows line endings); the log's lines end with LF alone, and each line's hash is of its bytes. Check the file out again with LF endings (the repository's .gitattributes asks for them) or convert it (dos2unix)\n`,
    );
  });

  it("is refused by the other commands with the same hint", async () => {
    const result = await runCli(["status", "xiaomi", "--events", dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("CR LF (Windows line endings)");
  });

  it("cannot happen in a checkout of this repository: .gitattributes keeps the log's lines LF", () => {
    const attributes = readFileSync(join(REPO_ROOT, ".gitattributes"), "utf8");
    expect(attributes).toMatch(/^\*\.jsonl text eol=lf$/m);
  });
});
