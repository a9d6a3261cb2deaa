/**
 * `designations screen` on the repository's record: the verdicts checked by hand against the
 * orders and the court events (see each test), the file's rows read as the formats allow, and
 * bad input named by file, line and field.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterEach, describe, expect, it } from "vitest";
import { makeTempDir } from "../store/support/logFixtures.js";
import { runInProcess } from "./support/inProcess.js";
import { crashLines, REPO_ROOT, runCli } from "./support/runCli.js";

interface ScreenJson {
  row: number;
  line: number;
  name: string;
  date: string;
  action: string | null;
  verdict: "prohibited" | "review" | "clear" | "error";
  reason: string;
  match: {
    how: string;
    certain: boolean;
    company: { id: string; name: string; score: number; matched: string } | null;
    read?: string;
    candidates: { id: string; score: number }[];
  };
  lists: { program: string; status: string; since: string | null }[];
  effects: {
    program: string;
    kind: string;
    inForce: boolean;
    from: string;
    to: string | null;
    rule: string;
    citation: string;
    listedBy?: { id: string };
    suspendedBy?: { id: string; type: string };
  }[];
  related?: { relation: string; id: string };
  knownThen?: { verdict: string; reason: string; differs: boolean };
  error?: { field?: string; message: string };
  input: Record<string, string>;
}

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fileWith(name: string, text: string): string {
  const dir = makeTempDir("designations-screen-");
  temps.push(dir);
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function screen(args: readonly string[]) {
  const result = await runCli(["screen", ...args, "--format", "jsonl"]);
  const rows = result.stdout
    .trim()
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as ScreenJson);
  return { ...result, rows };
}

const HAND_CHECKED = `trade_date,side,security
2021-03-16,buy,XIAOMI CORP-CLASS B
2021-08-03,buy,CHINA MOBILE LTD
2022-06-02,sell,CHINA MOBILE LTD
2022-06-04,sell,CHINA MOBILE LTD
2026-07-01,contract,HUAWEI TECHNOLOGIES CO LTD
2026-06-29,contract,HUAWEI TECHNOLOGIES CO LTD
2021-08-03,buy,ADDSINO CO LTD-A
2021-02-01,buy,XIAOMY CORP
2023-05-10,buy,APPLE INC
2021-02-30,buy,CHINA MOBILE LTD
2021-06-01,buy,XIAOMI CORP-CLASS B
`;

describe("designations screen: the verdicts checked by hand", async () => {
  const file = fileWith("hand-checked.csv", HAND_CHECKED);
  const { code, rows, stderr } = await screen([file]);
  const row = (n: number) => rows.find((r) => r.row === n) as ScreenJson;

  it("answers every row but the bad one, names that one's line and field, and exits 2", () => {
    expect(crashLines(stderr)).toEqual([]);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(row(10).verdict).toBe("error");
    expect(row(10).error).toEqual({
      field: "trade_date",
      message: '"2021-02-30" is not a real calendar date',
    });
    expect(stderr).toContain(
      `${file}:11: field "trade_date": "2021-02-30" is not a real calendar date`,
    );
    expect(stderr).toContain("screened 11 rows: 3 prohibited, 5 review, 2 clear, 1 error");
    expect(code).toBe(2);
  });

  it("a Xiaomi buy on 2021-03-16: review, the purchase ban due since 03-15 but suspended by the injunction of 03-12", () => {
    const xiaomi = row(1);
    expect(xiaomi.verdict).toBe("review");
    expect(xiaomi.match).toMatchObject({ how: "alias", certain: true, read: "XIAOMI CORP" });
    expect(xiaomi.match.company?.id).toBe("xiaomi");
    const ban = xiaomi.effects.find((e) => e.program === "dod-1237" && e.kind === "purchase-ban");
    expect(ban).toMatchObject({
      inForce: false,
      from: "2021-03-15",
      suspendedBy: { id: "xiaomi-dod-1237-0006", type: "InjunctionGranted" },
    });
    expect(xiaomi.reason).toMatch(
      /purchase ban .* was due from 2021-03-15 .* InjunctionGranted xiaomi-dod-1237-0006 of 2021-03-12 suspends it/,
    );
  });

  it("a China Mobile Limited buy on 2021-08-03: prohibited by EO 14032's purchase ban, in force since 08-02", () => {
    const buy = row(2);
    expect(buy.verdict).toBe("prohibited");
    expect(buy.match.company?.id).toBe("china-mobile-limited");
    const ban = buy.effects.find((e) => e.kind === "purchase-ban");
    expect(ban).toMatchObject({ program: "ofac-ns-cmic", inForce: true, from: "2021-08-02" });
    expect(ban?.citation).toMatch(/^EO 14032/);
    expect(ban?.listedBy?.id).toMatch(/china-mobile-limited/);
    expect(buy.reason).toMatch(/^the purchase ban of EO 14032.* in force since 2021-08-02/);
  });

  it("its sale on 2022-06-02 is in the divestment window (review), on 2022-06-04 prohibited", () => {
    expect(row(3).verdict).toBe("review");
    expect(row(3).reason).toMatch(/a sale to divest is permitted .* open until 2022-06-03/);
    expect(row(4).verdict).toBe("prohibited");
    expect(row(4).reason).toMatch(/^the holding ban of EO 14032.* in force since 2022-06-03/);
  });

  it("a DoD contract with a 1260H company: prohibited on 2026-07-01, review on 2026-06-29 with the ban's date", () => {
    expect(row(5).verdict).toBe("prohibited");
    expect(row(5).effects.find((e) => e.kind === "dod-contracting-ban")).toMatchObject({
      program: "dod-1260h",
      inForce: true,
      from: "2026-06-30",
    });
    expect(row(6).verdict).toBe("review");
    expect(row(6).reason).toMatch(/DoD contracting ban .* is due from 2026-06-30$/);
  });

  it("a subsidiary is matched through the registry's parent link: review", () => {
    expect(row(7).verdict).toBe("review");
    expect(row(7).match).toMatchObject({ how: "name", certain: true });
    expect(row(7).lists.filter((l) => l.status === "listed")).toEqual([]);
    expect(row(7).related).toEqual({
      relation: "subsidiary-of",
      id: "china-aerospace-science-and-industry",
      name: "China Aerospace Science and Industry Corporation",
    });
  });

  it("a misspelt name is a fuzzy match with its score, to review", () => {
    expect(row(8).verdict).toBe("review");
    expect(row(8).match).toMatchObject({ how: "fuzzy", certain: false });
    expect(row(8).match.company).toMatchObject({ id: "xiaomi" });
    expect(row(8).match.company?.score).toBeGreaterThan(0);
    expect(row(8).reason).toMatch(
      /^"XIAOMY CORP" only resembles Xiaomi Corporation \(fuzzy, score/,
    );
  });

  it("a clean company is clear, and so is Xiaomi once the designation was vacated", () => {
    expect(row(9)).toMatchObject({ verdict: "clear", match: { how: "none", company: null } });
    expect(row(11).verdict).toBe("clear");
    expect(row(11).reason).toContain("dod-1237: vacated since 2021-05-25");
  });
});

describe("designations screen: as known on the row's date", () => {
  it("--known-at-trade answers as the record knew it then, and flags a verdict that differs", async () => {
    // CRRC was put on the 1237 list on 2020-06-12, a list made public on 2020-06-24.
    const file = fileWith(
      "crrc.csv",
      "trade_date,side,security\n2020-06-18,buy,CRRC CORP LTD-H\n2020-06-30,buy,CRRC CORP LTD-H\n",
    );
    const { code, rows, stderr } = await screen([file, "--known-at-trade"]);
    expect(code).toBe(0);
    expect(rows[0]?.verdict).toBe("review");
    expect(rows[0]?.knownThen).toMatchObject({ verdict: "clear", differs: true });
    expect(rows[1]?.knownThen).toMatchObject({ verdict: "review", differs: false });
    expect(stderr).toContain("1 verdict differs as known on the row's date");
  });
});

describe("designations screen: a date known only to the month", () => {
  it("a row in the month Luokung's delisting is dated to is to review, a row after it clear", async () => {
    const file = fileWith(
      "luokung.csv",
      "name,date,action\nLuokung,2021-06-10,buy\nLuokung,2021-07-10,buy\n",
    );
    const { rows } = await screen([file]);
    expect(rows[0]?.verdict).toBe("review");
    expect(rows[0]?.reason).toMatch(/only to the month 2021-06/);
    expect(rows[0]?.lists.some((list) => list.program === "dod-1237")).toBe(true);
    expect(rows[1]?.verdict).toBe("clear");
  });
});

describe("designations screen: the examples", () => {
  it("the portfolio, held on 2026-11-30", async () => {
    const { code, rows } = await screen([
      join(REPO_ROOT, "examples/portfolio.csv"),
      "--action",
      "hold",
      "--at",
      "2026-11-30",
    ]);
    expect(code).toBe(0);
    const verdicts = Object.fromEntries(rows.map((r) => [r.name, r.verdict]));
    expect(verdicts).toMatchObject({
      "XIAOMI CORP-CLASS B": "clear",
      "CHINA MOBILE LTD": "prohibited",
      "CNOOC LTD": "prohibited",
      "HIKVISION DIGITAL-A": "review",
      "TENCENT HOLDINGS LTD": "review",
      "APPLE INC": "clear",
    });
    expect(rows.every((r) => r.date === "2026-11-30" && r.action === "hold")).toBe(true);
  });

  it("the blotter and the contracts answer every row", async () => {
    for (const example of ["blotter.csv", "contracts.csv"]) {
      const { code, rows, stderr } = await screen([
        join(REPO_ROOT, "examples", example),
        "--known-at-trade",
      ]);
      expect(code).toBe(0);
      expect(crashLines(stderr)).toEqual([]);
      expect(rows.every((r) => ["prohibited", "review", "clear"].includes(r.verdict))).toBe(true);
    }
  });
});

describe("designations screen: formats and columns", () => {
  it("CSV by default: the file's columns, then the answer's, with formulas neutralised", async () => {
    const file = fileWith("p.csv", "security,note\nCHINA MOBILE LTD,=1+2\n");
    const { code, stdout } = await runCli([
      "screen",
      file,
      "--at",
      "2023-01-02",
      "--action",
      "buy",
    ]);
    expect(code).toBe(0);
    const [header, first] = stdout.split("\r\n");
    expect(header).toBe(
      "security,note,verdict,reason,company_id,company_name,match,match_score,candidates,date_screened,action_screened,lists,effects",
    );
    expect(first).toMatch(/^CHINA MOBILE LTD,'=1\+2,prohibited,/);
    const raw = await runCli(["screen", file, "--at", "2023-01-02", "--raw"]);
    expect(raw.stdout.split("\r\n")[1]).toMatch(/^CHINA MOBILE LTD,=1\+2,review,/);
  });

  it("the CSV answer reads back as the file's cells and the answer's, however the file quoted them", async () => {
    const file = fileWith(
      "q.csv",
      'security,note,trade_date\r\n"CNOOC LTD","a, b",2023-01-02\r\nAPPLE INC,"two\nlines",2023-01-02\r\nXIAOMI CORP-CLASS B,@risk,2021-03-16\r\nCHINA MOBILE LTD\r\n',
    );
    const csv = await runCli(["screen", file, "--action", "buy", "--at", "2021-08-03"]);
    const jsonl = await screen([file, "--action", "buy", "--at", "2021-08-03"]);
    expect(csv.code).toBe(0);
    const [header, ...rows] = parse(csv.stdout) as string[][];
    expect(header?.slice(0, 4)).toEqual(["security", "note", "trade_date", "verdict"]);
    expect(rows.map((row) => row.slice(0, 3))).toEqual([
      ["CNOOC LTD", "a, b", "2023-01-02"],
      ["APPLE INC", "two\nlines", "2023-01-02"],
      ["XIAOMI CORP-CLASS B", "'@risk", "2021-03-16"],
      ["CHINA MOBILE LTD", "", ""],
    ]);
    const at = (name: string) => header?.indexOf(name) ?? -1;
    rows.forEach((row, index) => {
      const json = jsonl.rows[index] as ScreenJson;
      expect(row[at("verdict")]).toBe(json.verdict);
      expect(row[at("reason")]).toBe(json.reason);
      expect(row[at("date_screened")]).toBe(json.date);
      expect(row[at("company_id")]).toBe(json.match.company?.id ?? "");
    });
  });

  it("JSON Lines in (by extension), one JSON document out with the summary; a bad line is that row's error", async () => {
    const file = fileWith(
      "rows.jsonl",
      '{"company": "xiaomi", "date": "2021-04-01", "action": "buy"}\nnot json\n{"company": "Apple Inc."}\n',
    );
    const { code, stdout } = await runCli([
      "screen",
      file,
      "--format",
      "json",
      "--at",
      "2024-01-01",
    ]);
    expect(code).toBe(2);
    const answer = JSON.parse(stdout) as { rows: ScreenJson[]; summary: Record<string, unknown> };
    expect(answer.rows.map((r) => r.verdict)).toEqual(["review", "error", "clear"]);
    expect(answer.rows[0]?.match).toMatchObject({ how: "id", certain: true });
    expect(answer.rows[1]).toMatchObject({
      line: 2,
      error: { message: expect.stringMatching(/^malformed JSON/) },
    });
    expect(answer.rows[2]?.date).toBe("2024-01-01");
    expect(answer.summary).toMatchObject({
      rows: 3,
      review: 1,
      clear: 1,
      errors: 1,
      unmatched: [{ name: "Apple Inc.", rows: 1 }],
    });
  });

  it("columns named by flags, and an unknown action named with its field", async () => {
    const file = fileWith(
      "v.csv",
      "vendor,when,what\nDJI,2026-07-15,contract\nDJI,2026-07-15,lend\n",
    );
    const { code, rows, stderr } = await screen([
      file,
      "--name-column",
      "vendor",
      "--date-column",
      "when",
      "--action-column",
      "what",
    ]);
    expect(code).toBe(2);
    expect(rows[0]).toMatchObject({
      verdict: "prohibited",
      action: "contract",
      date: "2026-07-15",
    });
    expect(rows[1]?.error).toMatchObject({ field: "what" });
    expect(stderr).toContain('field "what": "lend" is not an action');
  });

  it("a file whose company column cannot be found, or a flag naming no column: exit 2, nothing written", async () => {
    const file = fileWith("x.csv", "foo,bar\n1,2\n");
    const out = join(file, "..", "answer.csv");
    const unknown = await runCli(["screen", file, "--out", out]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /no column names the company .* the header has foo, bar: give --name-column/,
    );
    const flagged = await runCli(["screen", file, "--name-column", "nope", "--out", out]);
    expect(flagged.code).toBe(2);
    expect(flagged.stderr).toContain('field "nope": no such column; the header has foo, bar');
    expect(existsSync(out)).toBe(false);
  });

  it("a CSV that is not CSV (an unclosed quote) is named with its line, and --out is not written", async () => {
    const file = fileWith(
      "bad.csv",
      'security,date\nXIAOMI,2021-01-01\n"CHINA MOBILE,2021-01-02\n',
    );
    const out = join(file, "..", "answer.csv");
    const { code, stderr } = await runCli(["screen", file, "--out", out]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+: not CSV: .*quote`, "i"),
    );
    expect(existsSync(out)).toBe(false);
  });

  it("--out writes the answer whole and says how many rows; usage errors are exit 2", async () => {
    const file = fileWith("p.csv", "security\nCNOOC LTD\n");
    const out = join(file, "..", "answer.jsonl");
    const { code, stdout } = await runCli([
      "screen",
      file,
      "--out",
      out,
      "--format",
      "jsonl",
      "--at",
      "2023-01-02",
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe(`wrote 1 row to ${out}\n`);
    expect(JSON.parse(readFileSync(out, "utf8")).verdict).toBe("review");
    expect((await runCli(["screen", file, "--format", "xml"])).code).toBe(2);
    expect((await runCli(["screen", file, "--action", "lend"])).code).toBe(2);
    expect((await runCli(["screen", file, "--format", "json", "--raw"])).code).toBe(2);
    expect((await runCli(["screen", join(file, "..", "missing.csv")])).stderr).toMatch(
      /missing\.csv/,
    );
  });
});

describe("designations screen: progress", () => {
  it("draws a bar on a terminal once the screen has taken a second, and erases it", () => {
    const file = fileWith("p.csv", "security\nCNOOC LTD\nAPPLE INC\n");
    const drawn: string[] = [];
    let time = 0;
    const progress = {
      stream: { isTTY: true, write: (text: string) => drawn.push(text) },
      now: () => (time += 2_000),
    };
    const quiet = { stream: { isTTY: false, write: (text: string) => drawn.push(text) } };
    const events = join(REPO_ROOT, "events");
    expect(runInProcess(["screen", file], { events, progress: quiet }).code).toBe(0);
    expect(drawn).toEqual([]);
    expect(runInProcess(["screen", file], { events, progress }).code).toBe(0);
    expect(drawn[0]).toMatch(/^\r\[#{24}\] 100% .* bytes\/s/);
    expect(drawn.at(-1)).toBe("\r\u001b[2K");
  });
});
