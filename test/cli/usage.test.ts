import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeDir } from "../store/support/logFixtures.js";
import { treeOf, xiaomiEventsDir } from "./support/eventsDirs.js";
import { crashLines, runCli } from "./support/runCli.js";

let events: string;

beforeAll(() => {
  events = xiaomiEventsDir().dir;
});

afterAll(() => {
  removeDir(events);
});

interface UsageCase {
  name: string;
  args: string[];
  /** The message after `error: `. */
  message: string | RegExp;
  /** The command whose help the message points to. */
  help: string;
}

const CASES: UsageCase[] = [
  {
    name: "an unknown flag on a command",
    args: ["status", "xiaomi", "--bogus"],
    message: /^Unknown option '--bogus'/,
    help: "designations status --help",
  },
  {
    name: "an unknown flag without a command",
    args: ["--bogus"],
    message: /^Unknown option '--bogus'/,
    help: "designations --help",
  },
  {
    name: "an impossible --at date",
    args: ["status", "xiaomi", "--at", "2021-02-30"],
    message: '--at: "2021-02-30" is not a real calendar date',
    help: "designations status --help",
  },
  {
    name: "an --at that is not a date",
    args: ["list", "--at", "yesterday"],
    message: '--at: "yesterday" is not a date of the form YYYY-MM-DD',
    help: "designations list --help",
  },
  {
    name: "an unknown command",
    args: ["frobnicate", "xiaomi"],
    message: 'unknown command "frobnicate"',
    help: "designations --help",
  },
  {
    name: "a missing company",
    args: ["status", "--at", "2021-04-01"],
    message: /^missing argument: Usage: designations status <company>/,
    help: "designations status --help",
  },
  {
    name: "an extra argument",
    args: ["timeline", "xiaomi", "huawei"],
    message: 'unexpected argument "huawei"',
    help: "designations timeline --help",
  },
  {
    name: "an unknown --status",
    args: ["list", "--status", "bogus"],
    message:
      '--status: "bogus" is not a status; use one of unlisted, listed, challenged, enjoined, settled, vacated, delisted',
    help: "designations list --help",
  },
];

describe("bad usage exits 2 with one clear message and no stack trace", () => {
  it.concurrent.for(CASES)("$name", async ({ args, message, help }, { expect }) => {
    const result = await runCli([...args, "--events", events]);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(crashLines(result.stderr)).toEqual([]);
    const [first, second, ...rest] = result.stderr.split("\n");
    expect(first?.startsWith("error: ")).toBe(true);
    const text = first?.slice("error: ".length);
    if (typeof message === "string") expect(text).toBe(message);
    else expect(text).toMatch(message);
    expect(second).toBe(`Run ${help} for usage.`);
    expect(rest).toEqual([""]);
  });
});

describe("a single-value option given twice", () => {
  it("is bad usage, whichever the command: which of the two was meant is the user's to say", async () => {
    for (const args of [
      ["status", "xiaomi", "--at", "2021-01-01", "--at", "2021-06-01"],
      ["list", "--program", "dod-1237", "--program", "dod-1260h"],
      ["export", "--format", "csv", "--format", "jsonl"],
    ]) {
      const result = await runCli(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain(`--${args.at(-2)?.slice(2)} is given more than once`);
      expect(result.stdout).toBe("");
    }
  });

  it("is fine for the options that take several values (--source, --drop)", async () => {
    const result = await runCli([
      ...["simulate", "xiaomi", "--drop", "xiaomi-dod-1237-0006", "--drop", "xiaomi-dod-1237-0007"],
    ]);
    expect(result.code).toBe(0);
  });
});

describe("control characters in what a message echoes", () => {
  it("are shown as \\xNN, never sent to the terminal", async () => {
    const result = await runCli(["status", "\u001b]0;pwned\u0007"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("\\x1b]0;pwned\\x07");
    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});

describe("dates and ranges a command cannot answer", () => {
  it("a date before 1900 is bad usage", async () => {
    const result = await runCli(["status", "xiaomi", "--at", "1899-12-31"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--at: 1899-12-31 is before 1900-01-01");
  });

  it("a report whose --to is not after its --from is bad usage, and writes nothing", async () => {
    const result = await runCli([
      ...["report", "xiaomi", "--from", "2021-06-01", "--to", "2021-01-01", "--out", "-"],
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--to 2021-01-01 must come after --from 2021-06-01");
    expect(result.stdout).toBe("");
  });
});

describe("options that contradict each other", () => {
  it("are bad usage, and nothing is answered or written", async () => {
    const append = [
      ...["append", "xiaomi", "dod-1237", "Noted", "--effective", "2021-05-01"],
      ...["--source", "https://example.org/a", "--events", "EVENTS"],
    ];
    for (const [args, message] of [
      [
        ["effects", "xiaomi", "--at", "2021-04-01", "--timeline"],
        "--at and --timeline cannot be given together",
      ],
      [
        ["export", "--format", "jsonl", "--raw"],
        "--raw is for CSV only: a jsonl export is always as it is",
      ],
      [
        [
          ...append,
          "--data",
          '{"subject": "other", "description": "One."}',
          "--description",
          "Two.",
        ],
        "--description and a description in --data cannot be given together",
      ],
      [
        [...append, "--data", '{"subject": "other"}', "--description", "A note."].concat([
          "--source-title",
          "One",
          "--source-title",
          "Two",
        ]),
        "--source-title is given 2 times for 1 --source",
      ],
    ] as const) {
      const before = treeOf(events);
      const result = await runCli(args.map((arg) => (arg === "EVENTS" ? events : arg)));
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe("");
      expect(treeOf(events)).toEqual(before);
    }
  });
});

describe("a huge input that a message repeats", () => {
  it("is cut short, saying how much was left out", async () => {
    const result = await runCli(["status", "q".repeat(16_000)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/q{100}\.\.\. \(14,\d{3} more characters\)/);
    expect(result.stderr.length).toBeLessThan(3_000);
  });
});
