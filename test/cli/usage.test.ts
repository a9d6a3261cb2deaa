import { afterAll, beforeAll, describe, it } from "vitest";
import { removeDir } from "../store/support/logFixtures.js";
import { xiaomiEventsDir } from "./support/eventsDirs.js";
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
