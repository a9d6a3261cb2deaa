import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../cli/support/runCli.js";
import { cli, type RunningServer, startServer } from "./support.js";

// POST /screen on the real server: the CLI's answer, in the forms the client asks for.
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const post = (path: string, body: string, type: string, accept = "*/*") =>
  fetch(`${server.base}${path}`, {
    method: "POST",
    headers: { "content-type": type, accept },
    body,
  });

const BLOTTER = join(REPO_ROOT, "examples", "blotter.csv");

describe("POST /screen", () => {
  it("a CSV blotter answered as the CLI answers it: JSON by default, CSV and JSON Lines on request", async () => {
    const csv = readFileSync(BLOTTER, "utf8");
    const json = await post("/screen?known-at-trade=true", csv, "text/csv");
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await json.text()).toBe(
      cli(["screen", BLOTTER, "--known-at-trade", "--format", "json"]).stdout.replaceAll(
        BLOTTER,
        "the request's body",
      ),
    );
    const asCsv = await post("/screen", csv, "text/csv", "text/csv");
    expect(asCsv.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(await asCsv.text()).toBe(cli(["screen", BLOTTER]).stdout);
    const lines = await post("/screen?format=jsonl", csv, "text/csv");
    expect((await lines.text()).trim().split("\n")).toHaveLength(14);
  });

  it("JSON rows in, with the defaults of the query", async () => {
    const response = await post(
      "/screen?at=2021-08-03&action=buy",
      JSON.stringify([{ name: "CHINA MOBILE LTD" }, { name: "XIAOMY CORP", date: "2021-02-01" }]),
      "application/json",
    );
    expect(response.status).toBe(200);
    const answer = (await response.json()) as {
      rows: { verdict: string; date: string; match: { how: string } }[];
      summary: { rows: number; prohibited: number; review: number };
    };
    expect(answer.rows.map((row) => [row.verdict, row.date, row.match.how])).toEqual([
      ["prohibited", "2021-08-03", "alias"],
      ["review", "2021-02-01", "fuzzy"],
    ]);
    expect(answer.summary).toMatchObject({ rows: 2, prohibited: 1, review: 1 });
  });

  it("a row that cannot be screened: 422 naming its line and field, the others answered", async () => {
    const response = await post(
      "/screen",
      "security,trade_date\nCHINA MOBILE LTD,2021-08-03\nXIAOMI,2021-02-30\n",
      "text/csv",
      "text/csv",
    );
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as {
      errors: { field: string; detail: string }[];
      rows: { verdict: string }[];
      summary: { errors: number };
    };
    expect(problem.errors).toEqual([
      { field: "line 3: trade_date", detail: '"2021-02-30" is not a real calendar date' },
    ]);
    expect(problem.rows.map((row) => row.verdict)).toEqual(["review", "error"]);
    expect(problem.summary.errors).toBe(1);
  });

  it("bad requests are 4xx problems: a body that is not CSV, a bad parameter, a media type it does not take", async () => {
    const unclosed = await post("/screen", 'security\n"XIAOMI\n', "text/csv");
    expect(unclosed.status).toBe(400);
    expect(((await unclosed.json()) as { detail: string }).detail).toMatch(/not CSV/);
    const badAction = await post("/screen?action=lend", "security\nXIAOMI\n", "text/csv");
    expect(badAction.status).toBe(400);
    expect(((await badAction.json()) as { field: string }).field).toBe("action");
    const xml = await post("/screen", "<rows/>", "application/xml");
    expect(xml.status).toBe(415);
    const huge = await post("/screen", `security\n${"X".repeat(5 * 1024 * 1024)}\n`, "text/csv");
    expect(huge.status).toBe(413);
  });
});
