import { afterAll, describe, expect, it } from "vitest";
import { lineHash } from "../../src/store/integrityChain.js";
import { removeDir } from "../store/support/logFixtures.js";
import { linesOf, treeOf, xiaomiEventsDir } from "./support/eventsDirs.js";
import { crashLines, runCli } from "./support/runCli.js";
import { expectVerifies } from "./support/inProcess.js";

const dirs: string[] = [];

/** A fresh copy of the repository's Xiaomi log (12 events). */
function xiaomi(): { dir: string; file: string } {
  const copy = xiaomiEventsDir();
  dirs.push(copy.dir);
  return copy;
}

afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

const SOURCE = "https://example.org/erratum";

describe("designations correct", () => {
  it("appends a Corrected event to the stream of the event it names, and prints it", async () => {
    const { dir, file } = xiaomi();
    const twelfth = linesOf(file)[11] ?? "";

    const result = await runCli([
      "correct",
      "xiaomi-dod-1237-0006",
      "--effective",
      "2021-03-10",
      "--known",
      "2021-06-01",
      "--description",
      "The injunction was dated two days earlier.",
      "--source",
      SOURCE,
      "--events",
      dir,
    ]);

    expect(result).toEqual({
      code: 0,
      stdout: `appended xiaomi-dod-1237-0013 (Corrected, effective 2021-06-01, seq 13) to ${file}:13\n`,
      stderr: "",
    });
    const lines = linesOf(file);
    expect(lines).toHaveLength(13);
    expect(JSON.parse(lines[12] ?? "")).toMatchObject({
      id: "xiaomi-dod-1237-0013",
      stream: "xiaomi/dod-1237",
      seq: 13,
      type: "Corrected",
      effective: "2021-06-01",
      known: "2021-06-01",
      data: {
        description: "The injunction was dated two days earlier.",
        corrects: "xiaomi-dod-1237-0006",
        effective: "2021-03-10",
      },
      sources: [{ url: SOURCE }],
      prev: lineHash(twelfth),
    });
  });

  it("--data corrects data fields; --json prints the event as stored", async () => {
    const { dir, file } = xiaomi();

    const result = await runCli([
      "correct",
      "xiaomi-dod-1237-0006",
      "--data",
      '{"judge": "Rudolph Contreras"}',
      "--known",
      "2021-06-01",
      "--source",
      SOURCE,
      "--json",
      "--events",
      dir,
    ]);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expectVerifies(dir);
    const stored = JSON.parse(linesOf(file)[12] ?? "") as Record<string, unknown>;
    expect(JSON.parse(result.stdout)).toStrictEqual({
      outcome: "appended",
      event: stored,
      file,
      line: 13,
    });
    expect(stored.data).toStrictEqual({
      description: "Corrects xiaomi-dod-1237-0006.",
      corrects: "xiaomi-dod-1237-0006",
      data: { judge: "Rudolph Contreras" },
    });
  });
});

describe("designations retract", () => {
  it("appends a Retracted event naming the event it withdraws", async () => {
    const { dir, file } = xiaomi();

    const result = await runCli([
      "retract",
      "xiaomi-dod-1237-0012",
      "--known",
      "2022-01-01",
      "--source",
      SOURCE,
      "--json",
      "--events",
      dir,
    ]);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expectVerifies(dir);
    const stored = JSON.parse(linesOf(file)[12] ?? "") as Record<string, unknown>;
    expect(JSON.parse(result.stdout)).toStrictEqual({
      outcome: "appended",
      event: stored,
      file,
      line: 13,
    });
    expect(stored).toMatchObject({
      type: "Retracted",
      effective: "2022-01-01",
      known: "2022-01-01",
      data: { description: "Retracts xiaomi-dod-1237-0012.", retracts: "xiaomi-dod-1237-0012" },
    });
    expect((await runCli(["verify", "--events", dir])).code).toBe(0);
  });
});

interface Refusal {
  name: string;
  args: string[];
  code: 1 | 2;
  /** The first line of stderr. */
  message: string | RegExp;
}

const REFUSALS: Refusal[] = [
  {
    name: "correct of an unknown id",
    args: ["correct", "huawei-dod-1237-0001", "--effective", "2021-03-10", "--known", "2021-06-01"],
    code: 1,
    message: 'error: no event with id "huawei-dod-1237-0001" in the log',
  },
  {
    name: "retract of an unknown id",
    args: ["retract", "xiaomi-dod-1237-0099", "--known", "2021-06-01"],
    code: 1,
    message: 'error: no event with id "xiaomi-dod-1237-0099" in the log',
  },
  {
    name: "a correction that makes the history invalid (an injunction before the lawsuit)",
    args: ["correct", "xiaomi-dod-1237-0006", "--effective", "2021-01-20", "--known", "2021-06-01"],
    code: 1,
    message:
      "error: rejected, nothing written to xiaomi/dod-1237: with this event the history would be invalid: invalid history in stream xiaomi/dod-1237: event xiaomi-dod-1237-0006 (InjunctionGranted, effective 2021-01-20) is not accepted in state listing=listed, litigation=none",
  },
  {
    name: "a correction that leaves the corrected event invalid",
    args: ["correct", "xiaomi-dod-1237-0006", "--data", '{"court": ""}', "--known", "2021-06-01"],
    code: 1,
    message:
      /^error: rejected, nothing written to xiaomi\/dod-1237: with this event the history would be invalid: correction xiaomi-dod-1237-0013 in stream xiaomi\/dod-1237: the corrected xiaomi-dod-1237-0006 is invalid: data\.court: /,
  },
  {
    name: "a retraction that leaves the history invalid (withdrawing the lawsuit)",
    args: ["retract", "xiaomi-dod-1237-0002", "--known", "2021-06-01"],
    code: 1,
    message:
      "error: rejected, nothing written to xiaomi/dod-1237: with this event the history would be invalid: invalid history in stream xiaomi/dod-1237: event xiaomi-dod-1237-0006 (InjunctionGranted, effective 2021-03-12) is not accepted in state listing=listed, litigation=none",
  },
  {
    name: "a correction that says nothing to correct",
    args: ["correct", "xiaomi-dod-1237-0006", "--known", "2021-06-01"],
    code: 2,
    message: "error: say what to correct: --effective, --precision or --data",
  },
  {
    name: "a correction without --known",
    args: ["correct", "xiaomi-dod-1237-0006", "--effective", "2021-03-10"],
    code: 2,
    message: "error: --known D is required",
  },
  {
    name: "a retraction without --source",
    args: ["retract", "xiaomi-dod-1237-0012", "--known", "2021-06-01", "--source-title", "x"],
    code: 2,
    message: "error: --source URL is required: every event cites a source",
  },
];

describe("a refused correction or retraction writes nothing, says why, and exits 1 or 2", () => {
  it.concurrent.for(REFUSALS)("$name", async ({ args, code, message }, { expect }) => {
    const { dir } = xiaomi();
    const before = treeOf(dir);
    const withSource = args.includes("--source-title") ? args : [...args, "--source", SOURCE];

    const result = await runCli([...withSource, "--events", dir]);

    expect(result.stdout).toBe("");
    expect(crashLines(result.stderr)).toEqual([]);
    const [first, ...rest] = result.stderr.split("\n");
    if (typeof message === "string") expect(first).toBe(message);
    else expect(first).toMatch(message);
    const command = args[0] ?? "";
    expect(rest).toEqual(code === 2 ? [`Run designations ${command} --help for usage.`, ""] : [""]);
    expect(result.code).toBe(code);
    expect(treeOf(dir)).toEqual(before);
  });

  it("a correction of a correction is refused: correct the original event instead", async () => {
    const { dir } = xiaomi();
    const first = await runCli([
      ...["correct", "xiaomi-dod-1237-0006", "--effective", "2021-03-10"],
      ...["--known", "2021-06-01", "--source", SOURCE, "--events", dir],
    ]);
    expect(first.code).toBe(0);
    expectVerifies(dir);
    const before = treeOf(dir);

    const result = await runCli([
      ...["correct", "xiaomi-dod-1237-0013", "--effective", "2021-03-11"],
      ...["--known", "2021-06-02", "--source", SOURCE, "--events", dir],
    ]);

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: rejected, nothing written to xiaomi/dod-1237: field "data.corrects": names xiaomi-dod-1237-0013, a Corrected: correct the original event instead\n',
    );
    expect(treeOf(dir)).toEqual(before);
  });

  it("a correction of a retracted event is refused", async () => {
    const { dir } = xiaomi();
    const retracted = await runCli([
      ...["retract", "xiaomi-dod-1237-0012", "--known", "2021-06-01"],
      ...["--source", SOURCE, "--events", dir],
    ]);
    expect(retracted.code).toBe(0);
    expectVerifies(dir);
    const before = treeOf(dir);

    const result = await runCli([
      ...["correct", "xiaomi-dod-1237-0012", "--effective", "2021-05-27"],
      ...["--known", "2021-06-02", "--source", SOURCE, "--events", dir],
    ]);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: rejected, nothing written to xiaomi\/dod-1237: .*xiaomi-dod-1237-0012 is not a current event of the stream\n$/,
    );
    expect(treeOf(dir)).toEqual(before);
  });
});
