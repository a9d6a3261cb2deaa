import { Validator } from "@seriousme/openapi-schema-validator";
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendEvent } from "../../src/app/appendEvents.js";
import { draftOf } from "../cli/support/drafts.js";
import { cli, copyOfEvents, problemOf, type RunningServer, startServer, TODAY } from "./support.js";

// The real server on a loopback port, asked what the CLI is asked: the same JSON, byte for byte.
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.base}${path}`, { headers });

/** The server's answer to `path` and the CLI's `--json` to `args` are the same text. */
async function sameAsCli(path: string, args: readonly string[]): Promise<unknown> {
  const response = await get(path);
  const text = await response.text();
  expect(response.status, text).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  const answer = cli([...args, "--json"]);
  expect(text).toBe(answer.stdout.trimEnd());
  return JSON.parse(text);
}

describe("every question the CLI answers, over HTTP, in the CLI's --json shape", () => {
  it("status of Xiaomi on 2021-04-01 is the CLI's status --json", async () => {
    const json = (await sameAsCli("/companies/xiaomi/status?at=2021-04-01", [
      "status",
      "xiaomi",
      "--at",
      "2021-04-01",
    ])) as { streams: { status: string }[] };
    expect(json.streams.map((s) => s.status)).toContain("enjoined");
  });

  it("status by a name, on a program, as known on a date, and today by default", async () => {
    await sameAsCli(
      `/companies/${encodeURIComponent("Xiaomi Corporation")}/status?at=2021-04-01&program=dod-1237&known-at=2021-03-01`,
      [
        "status",
        "Xiaomi Corporation",
        "--at",
        "2021-04-01",
        "--program",
        "dod-1237",
        "--known-at",
        "2021-03-01",
      ],
    );
    await sameAsCli("/companies/xiaomi/status", ["status", "xiaomi"]);
    await sameAsCli("/companies/xiaomi/status?recorded-at=2026-11-23T12:00:00Z&at=2021-04-01", [
      "status",
      "xiaomi",
      "--recorded-at",
      "2026-11-23T12:00:00Z",
      "--at",
      "2021-04-01",
    ]);
  });

  it("timeline and effects (on a date and over time)", async () => {
    await sameAsCli("/companies/xiaomi/timeline", ["timeline", "xiaomi"]);
    await sameAsCli("/companies/xiaomi/timeline?program=dod-1237&known-at=2021-02-01", [
      "timeline",
      "xiaomi",
      "--program",
      "dod-1237",
      "--known-at",
      "2021-02-01",
    ]);
    await sameAsCli("/companies/xiaomi/effects?at=2021-04-01", [
      "effects",
      "xiaomi",
      "--at",
      "2021-04-01",
    ]);
    await sameAsCli("/companies/xiaomi/effects?timeline=true", ["effects", "xiaomi", "--timeline"]);
  });

  it("list with at, status, program, known-at and recorded-at", async () => {
    await sameAsCli("/list?at=2021-04-01&status=enjoined", [
      "list",
      "--at",
      "2021-04-01",
      "--status",
      "enjoined",
    ]);
    await sameAsCli("/list?at=2021-04-01&program=dod-1237&known-at=2021-02-01", [
      "list",
      "--at",
      "2021-04-01",
      "--program",
      "dod-1237",
      "--known-at",
      "2021-02-01",
    ]);
    await sameAsCli("/list?recorded-at=2026-11-23T12:00:00Z", [
      "list",
      "--recorded-at",
      "2026-11-23T12:00:00Z",
    ]);
  });

  it("search, changes, editions and verify", async () => {
    await sameAsCli("/search?q=xiaomy", ["search", "xiaomy"]);
    await sameAsCli("/search?q=china&limit=3", ["search", "china", "--limit", "3"]);
    const none = await (await get("/search?q=zzzzqqqq")).json();
    expect(none).toEqual(JSON.parse(cli(["search", "zzzzqqqq", "--json"]).stdout));
    await sameAsCli("/changes?from=2024-12-31&to=2025-01-31&program=dod-1260h", [
      "changes",
      "--from",
      "2024-12-31",
      "--to",
      "2025-01-31",
      "--program",
      "dod-1260h",
    ]);
    await sameAsCli("/programs/dod-1260h/editions", ["editions", "dod-1260h"]);
    const verified = (await sameAsCli("/verify", ["verify"])) as { ok: boolean };
    expect(verified.ok).toBe(true);
  });

  it("the events of a stream, and one event by its id", async () => {
    const response = await get("/streams/xiaomi/dod-1237/events");
    const body = (await response.json()) as { seq: number; events: { id: string; seq: number }[] };
    const lines = readFileSync(
      join(import.meta.dirname, "../../events/dod-1237/xiaomi.jsonl"),
      "utf8",
    )
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: string });
    expect(body.events).toEqual(lines);
    expect(body.seq).toBe(lines.length);
    const one = (await (await get(`/events/${lines[0]?.id}`)).json()) as { event: unknown };
    expect(one.event).toEqual(lines[0]);
  });

  it("the HTML report is the CLI's page", async () => {
    const response = await get("/report?company=xiaomi&at=2021-04-01");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toBe(
      cli(["report", "xiaomi", "--at", "2021-04-01", "--out", "-"]).stdout.slice(0, -1),
    );
  });

  it("export: CSV by Accept: text/csv or format=csv, JSON lines by default, as the CLI's", async () => {
    // The CLI drops the export's last line break and its output adds one: the same bytes.
    const csv = cli(["export", "--format", "csv", "--program", "dod-1237"]).stdout;
    const byAccept = await get("/export?program=dod-1237", { accept: "text/csv" });
    expect(byAccept.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(await byAccept.text()).toBe(csv);
    const byFormat = await get("/export?program=dod-1237&format=csv");
    expect(await byFormat.text()).toBe(csv);
    const jsonl = await get("/export?program=dod-1237&what=events");
    expect(jsonl.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    expect(await jsonl.text()).toBe(
      cli(["export", "--format", "jsonl", "--what", "events", "--program", "dod-1237"]).stdout,
    );
    const cloud = await get("/export?format=cloudevents&program=dod-1237");
    expect(await cloud.text()).toBe(
      cli(["export", "--format", "cloudevents", "--program", "dod-1237"]).stdout,
    );
  });
});

describe("errors are RFC 9457 problem details with the CLI's messages", () => {
  it("400 names the parameter", async () => {
    const bad = await problemOf(await get("/companies/xiaomi/status?at=2021-02-30"), 400);
    expect(bad.field).toBe("at");
    expect(bad.detail).toBe('at: "2021-02-30" is not a real calendar date');
    const cliMessage = cli(["status", "xiaomi", "--at", "2021-02-30"]).stderr;
    expect(cliMessage).toContain('"2021-02-30" is not a real calendar date');
    const status = await problemOf(await get("/list?status=gone"), 400);
    expect(status.field).toBe("status");
    expect(status.detail).toContain('"gone" is not a status; use one of unlisted');
    const unknown = await problemOf(await get("/list?colour=red"), 400);
    expect(unknown.field).toBe("colour");
    const twice = await problemOf(await get("/list?at=2021-01-01&at=2021-01-02"), 400);
    expect(twice).toMatchObject({ field: "at", detail: "at is given more than once" });
    const changes = await problemOf(await get("/changes"), 400);
    expect(changes.field).toBe("from");
    const order = await problemOf(await get("/changes?from=2025-01-01&to=2024-01-01"), 400);
    expect(order).toMatchObject({ field: "to", detail: "to 2024-01-01 is before from 2025-01-01" });
    const both = await problemOf(
      await get("/companies/xiaomi/effects?at=2021-01-01&timeline=true"),
      400,
    );
    expect(both.field).toBe("timeline");
    const recorded = await problemOf(await get("/list?recorded-at=yesterday"), 400);
    expect(recorded.field).toBe("recorded-at");
    expect(recorded.errors).toEqual([
      { field: "recorded-at", detail: expect.stringContaining("is not an instant") as unknown },
    ]);
  });

  it("404 for an unknown company, program, stream, event or route", async () => {
    const company = await problemOf(await get("/companies/acme/status"), 404);
    expect(company.detail).toBe(
      cli(["status", "acme"])
        .stderr.replace(/^error: /, "")
        .trimEnd(),
    );
    await problemOf(await get("/programs/nope/editions"), 404);
    await problemOf(await get("/companies/xiaomi/status?program=nope"), 404);
    await problemOf(await get("/streams/xiaomi/dod-1260h/events"), 404);
    await problemOf(await get("/events/no-such-event"), 404);
    await problemOf(await get("/no/such/route"), 404);
  });

  it("406 when the Accept header takes none of the answer's types", async () => {
    await problemOf(await get("/companies/xiaomi/status", { accept: "text/csv" }), 406);
    await problemOf(await get("/report?company=xiaomi", { accept: "application/json" }), 406);
    await problemOf(await get("/export?format=csv", { accept: "application/json" }), 406);
    expect((await get("/list", { accept: "application/*" })).status).toBe(200);
  });

  it("a log that fails verification is a 500 with its problems, not the client's fault", async () => {
    const dir = copyOfEvents();
    appendFileSync(join(dir, "dod-1237", "xiaomi.jsonl"), '{"torn":');
    const broken = await startServer({ eventsDir: dir });
    try {
      const problem = await problemOf(await fetch(`${broken.base}/companies/xiaomi/status`), 500);
      expect(problem.type).toBe("urn:designations:problem:log-fails-verification");
      expect(JSON.stringify(problem.problems)).toContain("xiaomi.jsonl");
      const verify = (await (await fetch(`${broken.base}/verify`)).json()) as { ok: boolean };
      expect(verify.ok).toBe(false);
    } finally {
      await broken.close();
    }
  });
});

describe("ETag and If-None-Match", () => {
  it("every GET answer has an ETag; sent back, it is a 304", async () => {
    for (const path of [
      "/companies/xiaomi/status?at=2021-04-01",
      "/list",
      "/search?q=xiaomi",
      "/verify",
      "/export?format=csv",
      "/report?company=xiaomi",
      "/streams/xiaomi/dod-1237/events",
    ]) {
      const first = await get(path);
      const tag = first.headers.get("etag");
      expect(tag, path).toMatch(/^"[\w-]+"$/);
      const again = await get(path, { "if-none-match": tag as string });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe("");
      expect((await get(path, { "if-none-match": '"other"' })).status).toBe(200);
    }
  });

  it("a company's ETag changes when its streams do, not when another company's do", async () => {
    const dir = copyOfEvents();
    const own = await startServer({ eventsDir: dir });
    try {
      const tagOf = async (path: string) => (await fetch(`${own.base}${path}`)).headers.get("etag");
      const xiaomi = await tagOf("/companies/xiaomi/status");
      const list = await tagOf("/list");
      appendEvent(
        dir,
        draftOf("luokung/dod-1237", "Noted", "2021-12-01", {
          data: { subject: "other", description: "A note." },
        }),
      );
      expect(await tagOf("/companies/xiaomi/status")).toBe(xiaomi);
      expect(await tagOf("/list")).not.toBe(list);
      appendEvent(
        dir,
        draftOf("xiaomi/dod-1237", "Noted", "2021-12-01", {
          data: { subject: "other", description: "A note." },
        }),
      );
      expect(await tagOf("/companies/xiaomi/status")).not.toBe(xiaomi);
    } finally {
      await own.close();
    }
  });

  it("the date taken for today is part of the ETag", async () => {
    let today = "2026-11-30";
    const own = await startServer({ today: () => today });
    try {
      const first = (await fetch(`${own.base}/companies/xiaomi/status`)).headers.get("etag");
      today = "2026-12-01";
      const second = await fetch(`${own.base}/companies/xiaomi/status`, {
        headers: { "if-none-match": first as string },
      });
      expect(second.status).toBe(200);
      expect(((await second.json()) as { at: string }).at).toBe("2026-12-01");
    } finally {
      await own.close();
    }
  });
});

describe("the OpenAPI document and the reference page", () => {
  it("/openapi.json is a valid OpenAPI 3.1 document with every route and its parameters", async () => {
    const document = (await (await get("/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    expect(document.openapi).toBe("3.1.0");
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const statusParams = document.paths["/companies/{company}/status"]?.get?.parameters?.map(
      (p) => p.name,
    );
    expect(statusParams).toEqual(
      expect.arrayContaining(["at", "program", "known-at", "recorded-at", "company"]),
    );
    for (const path of [
      "/list",
      "/search",
      "/changes",
      "/verify",
      "/report",
      "/export",
      "/streams/{company}/{program}/events",
      "/events/{id}/corrections",
      "/events/{id}/retractions",
    ]) {
      expect(Object.keys(document.paths)).toContain(path);
    }
  });

  it("/docs is served from this server, with no asset from elsewhere", async () => {
    const page = await get("/docs");
    expect(page.status).toBe(200);
    const html = await page.text();
    const links = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link, link).not.toMatch(/^(https?:)?\/\//);
    for (const link of links) {
      const asset = await get(link.startsWith("/") ? link : `/docs/${link.replace(/^\.\//, "")}`);
      expect(asset.status, link).toBe(200);
      const text = await asset.text();
      if (link.endsWith(".js") && !link.includes("bundle") && !link.includes("preset")) {
        expect(text, link).not.toMatch(/https?:\/\/(?!stackoverflow)/);
      }
    }
    expect(TODAY).toBe("2026-11-30");
  });
});
