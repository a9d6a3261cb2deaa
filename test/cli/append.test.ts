import { cpSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENESIS, lineHash } from "../../src/store/integrityChain.js";
import { makeTempDir, removeDir } from "../store/support/logFixtures.js";
import { appendAll, COURT } from "./support/drafts.js";
import { linesOf, treeOf } from "./support/eventsDirs.js";
import { crashLines, runCli } from "./support/runCli.js";
import { expectVerifies } from "./support/inProcess.js";

const dirs: string[] = [];

function tempDir(): string {
  const dir = makeTempDir("designations-append-");
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

const SOURCE = "https://example.org/notice";
const COURT_DATA = JSON.stringify({ court: COURT });

/**
 * An events folder holding acme/dod-1237: listed on 2021-01-14, challenged on 2021-01-29,
 * enjoined on 2021-03-12 (seq 1 to 3). Built once; each test works on its own copy.
 */
let template: string;

beforeAll(() => {
  template = tempDir();
  appendAll(template, "acme/dod-1237", [
    ["Listed", "2021-01-14"],
    ["ChallengeFiled", "2021-01-29"],
    ["InjunctionGranted", "2021-03-12"],
  ]);
});

/** A copy of the template folder, and the path of its acme stream. */
function acmeCopy(): { dir: string; file: string } {
  const dir = tempDir();
  cpSync(template, dir, { recursive: true });
  return { dir, file: join(dir, "dod-1237", "acme.jsonl") };
}

describe("designations append to a new stream", () => {
  it("creates the program's folder and the stream's file, and prints what it wrote", async () => {
    const dir = tempDir();
    const file = join(dir, "dod-1260h", "acme.jsonl");
    const before = new Date().toISOString();

    const result = await runCli([
      "append",
      "acme",
      "dod-1260h",
      "Listed",
      "--effective",
      "2024-01-31",
      "--description",
      "DoD added Acme to its Section 1260H list.",
      "--source",
      SOURCE,
      "--publisher",
      "Department of Defense",
      "--confidence",
      "high",
      "--events",
      dir,
    ]);
    const after = new Date().toISOString();

    expect(result).toEqual({
      code: 0,
      stdout: `appended acme-dod-1260h-0001 (Listed, effective 2024-01-31, seq 1) to ${file}:1\n`,
      stderr: "",
    });
    const text = readFileSync(file, "utf8");
    expect(text.endsWith("\n")).toBe(true);
    const lines = linesOf(file);
    expect(lines).toHaveLength(1);
    const stored = JSON.parse(lines[0] ?? "") as Record<string, unknown>;
    expect(stored).toStrictEqual({
      id: "acme-dod-1260h-0001",
      stream: "acme/dod-1260h",
      seq: 1,
      type: "Listed",
      effective: "2024-01-31",
      recorded: expect.any(String),
      data: { description: "DoD added Acme to its Section 1260H list." },
      sources: [{ publisher: "Department of Defense", title: SOURCE, url: SOURCE }],
      confidence: "high",
      prev: GENESIS,
    });
    const recorded = String(stored.recorded);
    expect(recorded >= before && recorded <= after).toBe(true);
    // No lock file is left behind.
    expect(Object.keys(treeOf(dir)).sort()).toEqual(["dod-1260h/", "dod-1260h/acme.jsonl"]);

    const verify = await runCli(["verify", "--events", dir]);
    expect(verify.code).toBe(0);
  });

  it('--json prints {"outcome", "event", "file", "line"}, the event exactly as stored', async () => {
    const { dir, file } = acmeCopy();
    const [, , third] = linesOf(file);

    const result = await runCli([
      "append",
      "acme",
      "dod-1237",
      "Noted",
      "--effective",
      "2021-03-20",
      "--known",
      "2021-03-22",
      "--data",
      JSON.stringify({ subject: "hearing", judge: "Rudolph Contreras" }),
      "--description",
      "A status conference.",
      "--source",
      SOURCE,
      "--source",
      "https://example.org/docket",
      "--source-title",
      "Minute order",
      "--expected-seq",
      "3",
      "--json",
      "--events",
      dir,
    ]);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expectVerifies(dir);
    const lines = linesOf(file);
    expect(lines).toHaveLength(4);
    const stored = JSON.parse(lines[3] ?? "") as Record<string, unknown>;
    expect(JSON.parse(result.stdout)).toStrictEqual({
      outcome: "appended",
      event: stored,
      file,
      line: 4,
    });
    expect(stored).toMatchObject({
      id: "acme-dod-1237-0004",
      stream: "acme/dod-1237",
      seq: 4,
      type: "Noted",
      effective: "2021-03-20",
      known: "2021-03-22",
      data: { subject: "hearing", judge: "Rudolph Contreras", description: "A status conference." },
      sources: [
        { publisher: "example.org", title: "Minute order", url: SOURCE },
        {
          publisher: "example.org",
          title: "https://example.org/docket",
          url: "https://example.org/docket",
        },
      ],
      confidence: "medium",
      prev: lineHash(third ?? ""),
    });
  });

  it("--expected-seq 0 creates a stream that does not exist yet", async () => {
    const dir = tempDir();
    const result = await runCli([
      "append",
      "beta",
      "ofac-ns-cmic",
      "Listed",
      "--effective",
      "2021-06-03",
      "--description",
      "Listed.",
      "--source",
      SOURCE,
      "--expected-seq",
      "0",
      "--events",
      dir,
    ]);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expectVerifies(dir);
    expect(linesOf(join(dir, "ofac-ns-cmic", "beta.jsonl"))).toHaveLength(1);
  });
});

interface Rejection {
  name: string;
  /** The arguments after `append` (without --events). */
  args: string[];
  code: 1 | 2;
  /** The first line of stderr. */
  message: string | RegExp;
}

const base = (type: string, effective: string) => [
  "acme",
  "dod-1237",
  type,
  "--effective",
  effective,
  "--description",
  "Something happened.",
  "--source",
  SOURCE,
];

const REJECTIONS: Rejection[] = [
  {
    name: "a schema violation: a court event without data.court",
    args: base("InjunctionDenied", "2021-04-01"),
    code: 1,
    message: /^error: rejected, nothing written to acme\/dod-1237: field "data\.court": \S/,
  },
  {
    name: "a field the type does not have",
    args: [...base("Noted", "2021-04-01"), "--data", '{"subject": "hearing", "cour": "D.D.C."}'],
    code: 1,
    message: /^error: rejected, nothing written to acme\/dod-1237: field "data": .*"cour"/,
  },
  {
    name: "a source that is not an http(s) URL",
    args: [
      ...["acme", "dod-1237", "Noted", "--effective", "2021-04-01", "--description", "x"],
      ...["--data", '{"subject": "hearing"}', "--source", "ftp://example.org/a"],
    ],
    code: 1,
    message:
      'error: rejected, nothing written to acme/dod-1237: field "sources.0.url": must be an http(s) URL',
  },
  {
    name: "a company id that is not a slug",
    args: ["Acme Corp", "dod-1237", "Listed", "--effective", "2021-01-14", "--source", SOURCE],
    code: 1,
    message:
      'error: rejected, nothing written to Acme Corp/dod-1237: field "company": "Acme Corp" must be a lowercase slug such as xiaomi or dod-1237',
  },
  {
    name: "an event the machine does not accept in the stream's state",
    args: [...base("AppealFiled", "2021-04-01"), "--data", COURT_DATA],
    code: 1,
    message:
      "error: rejected, nothing written to acme/dod-1237: with this event the history would be invalid: invalid history in stream acme/dod-1237: event acme-dod-1237-0004 (AppealFiled, effective 2021-04-01) is not accepted in state listing=listed, litigation=enjoined",
  },
  {
    name: "a back-dated event that invalidates a later one",
    // Delisted before the challenge: the challenge of 2021-01-29 would meet no listing.
    args: base("Delisted", "2021-01-20"),
    code: 1,
    message:
      "error: rejected, nothing written to acme/dod-1237: with this event the history would be invalid: invalid history in stream acme/dod-1237: event acme-dod-1237-0002 (ChallengeFiled, effective 2021-01-29) is not accepted in state listing=removed.delisted, litigation=none",
  },
  {
    name: "--data that is not JSON",
    args: [...base("InjunctionLifted", "2021-04-01"), "--data", "{court: D.D.C.}"],
    code: 2,
    message: /^error: --data: not JSON: \S/,
  },
  {
    name: "--data that is not an object",
    args: [...base("InjunctionLifted", "2021-04-01"), "--data", '["D.D.C."]'],
    code: 2,
    message: `error: --data must be a JSON object, e.g. '{"court": "D.D.C."}'`,
  },
  {
    name: "a missing --source",
    args: ["acme", "dod-1237", "Listed", "--effective", "2021-04-01", "--description", "x"],
    code: 2,
    message: "error: --source URL is required: every event cites a source",
  },
  {
    name: "a missing --effective",
    args: ["acme", "dod-1237", "Listed", "--description", "x", "--source", SOURCE],
    code: 2,
    message: "error: --effective D is required",
  },
  {
    name: "an impossible --effective",
    args: base("Noted", "2021-02-30"),
    code: 2,
    message: 'error: --effective: "2021-02-30" is not a real calendar date',
  },
  {
    name: "an unknown event type",
    args: base("Sanctioned", "2021-04-01"),
    code: 2,
    message: /^error: "Sanctioned" is not an event type; use one of Listed, Relisted, /,
  },
  {
    name: "a bad --confidence",
    args: [...base("Noted", "2021-04-01"), "--confidence", "sure"],
    code: 2,
    message: 'error: --confidence: "sure" must be high, medium or low',
  },
  {
    name: "a bad --precision",
    args: [...base("Noted", "2021-04-01"), "--precision", "year"],
    code: 2,
    message: 'error: --precision: "year" must be day or month',
  },
  {
    name: "an --expected-seq that is not a number",
    args: [...base("Noted", "2021-04-01"), "--expected-seq", "three"],
    code: 2,
    message: 'error: --expected-seq: "three" is not a whole number',
  },
];

describe("a rejected append writes nothing, says why, and exits 1 (data) or 2 (usage)", () => {
  it.concurrent.for(REJECTIONS)("$name", async ({ args, code, message }, { expect }) => {
    const { dir } = acmeCopy();
    const before = treeOf(dir);

    const result = await runCli(["append", ...args, "--events", dir]);

    expect(result.stdout).toBe("");
    expect(crashLines(result.stderr)).toEqual([]);
    const [first, ...rest] = result.stderr.split("\n");
    if (typeof message === "string") expect(first).toBe(message);
    else expect(first).toMatch(message);
    expect(rest).toEqual(code === 2 ? ["Run designations append --help for usage.", ""] : [""]);
    expect(result.code).toBe(code);
    expect(treeOf(dir)).toEqual(before);
  });

  it("a rejected first event of a new stream leaves no stream file", async () => {
    const { dir } = acmeCopy();

    const result = await runCli([
      "append",
      "beta",
      "dod-1237",
      "ChallengeFiled",
      "--effective",
      "2021-01-29",
      "--data",
      COURT_DATA,
      "--source",
      SOURCE,
      "--description",
      "Sued before it was listed.",
      "--events",
      dir,
    ]);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: rejected, nothing written to beta\/dod-1237: with this event the history would be invalid: .*\(ChallengeFiled, effective 2021-01-29\) is not accepted in state listing=unlisted, litigation=none\n$/,
    );
    expect(existsSync(join(dir, "dod-1237", "beta.jsonl"))).toBe(false);
  });
});

describe("--expected-seq", () => {
  it("exits 4 with a concurrency conflict, writing nothing, when the stream has moved on", async () => {
    const { dir } = acmeCopy();
    const before = treeOf(dir);

    const result = await runCli([
      "append",
      ...base("Noted", "2021-04-01"),
      "--data",
      '{"subject": "hearing"}',
      "--expected-seq",
      "2",
      "--events",
      dir,
    ]);

    expect(result).toEqual({
      code: 4,
      stdout: "",
      stderr:
        "error: concurrency conflict on acme/dod-1237: expected its last seq to be 2, but it is 3. Read the stream again and retry\n",
    });
    expect(treeOf(dir)).toEqual(before);
  });

  it("appends when it matches the stream's last seq", async () => {
    const { dir, file } = acmeCopy();

    const result = await runCli([
      "append",
      ...base("InjunctionLifted", "2021-04-01"),
      "--data",
      COURT_DATA,
      "--expected-seq",
      "3",
      "--events",
      dir,
    ]);

    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      `appended acme-dod-1237-0004 (InjunctionLifted, effective 2021-04-01, seq 4) to ${file}:4\n`,
    );
    expect(result.code).toBe(0);
    expectVerifies(dir);
  });
});

describe("--id", () => {
  const noted = (id: string, description: string) => [
    "append",
    "acme",
    "dod-1237",
    "Noted",
    "--effective",
    "2021-04-01",
    "--data",
    '{"subject": "hearing"}',
    "--description",
    description,
    "--source",
    SOURCE,
    "--id",
    id,
  ];

  it("re-sending an identical event with the same id is a no-op that says nothing was written", async () => {
    const { dir, file } = acmeCopy();
    const first = await runCli([...noted("acme-hearing-1", "A hearing."), "--events", dir]);
    expect(first.stdout).toBe(
      `appended acme-hearing-1 (Noted, effective 2021-04-01, seq 4) to ${file}:4\n`,
    );
    const written = treeOf(dir);

    const again = await runCli([...noted("acme-hearing-1", "A hearing."), "--events", dir]);
    const json = await runCli([
      ...noted("acme-hearing-1", "A hearing."),
      "--json",
      "--events",
      dir,
    ]);
    // Even with a stale --expected-seq: the event is already there.
    const stale = await runCli([
      ...noted("acme-hearing-1", "A hearing."),
      "--expected-seq",
      "3",
      "--events",
      dir,
    ]);

    expect(again).toEqual({
      code: 0,
      stdout: `already in the log, nothing written: acme-hearing-1 (Noted, effective 2021-04-01, seq 4) at ${file}:4\n`,
      stderr: "",
    });
    expect(json.code).toBe(0);
    expectVerifies(dir);
    expect(JSON.parse(json.stdout)).toMatchObject({
      outcome: "existing",
      event: { id: "acme-hearing-1", seq: 4 },
      file,
      line: 4,
    });
    expect(stale.code).toBe(0);
    expectVerifies(dir);
    expect(treeOf(dir)).toEqual(written);
  });

  it("the same id with other content exits 1 and writes nothing", async () => {
    const { dir, file } = acmeCopy();
    await runCli([...noted("acme-hearing-1", "A hearing."), "--events", dir]);
    const written = treeOf(dir);

    const result = await runCli([...noted("acme-hearing-1", "Another hearing."), "--events", dir]);

    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: rejected, nothing written to acme/dod-1237: field "id": id acme-hearing-1 is already used, by a different event at ${file}:4\n`,
    });
    expect(treeOf(dir)).toEqual(written);
  });

  it("an id already used in another stream exits 1 and writes nothing", async () => {
    const { dir, file } = acmeCopy();
    const before = treeOf(dir);

    const result = await runCli([
      "append",
      "beta",
      "dod-1237",
      "Listed",
      "--effective",
      "2021-01-14",
      "--source",
      SOURCE,
      "--id",
      "acme-dod-1237-0002",
      "--events",
      dir,
    ]);

    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: rejected, nothing written to beta/dod-1237: field "id": id acme-dod-1237-0002 is already used at ${file}:2\n`,
    });
    expect(treeOf(dir)).toEqual(before);
  });
});
