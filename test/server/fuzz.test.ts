import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { treeOf } from "../cli/support/eventsDirs.js";
import { copyOfEvents, type RunningServer, startServer } from "./support.js";

// At least 1,000 fuzzed requests, paths and bodies, to the real server on a copy of the log:
// each answer is a 4xx problem+json, never a 500, and nothing is ever written.
const TOKEN = "fuzz-token";
let dir: string;
let server: RunningServer;
beforeAll(async () => {
  dir = copyOfEvents();
  server = await startServer({ eventsDir: dir, writeToken: TOKEN, bodyLimit: 16 * 1024 });
});
afterAll(() => server.close());

interface FuzzRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const ROUTES = [
  "companies",
  "list",
  "search",
  "changes",
  "programs",
  "streams",
  "events",
  "verify",
  "report",
  "export",
  "docs",
  "openapi.json",
];

const segment = fc.oneof(
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.constantFrom("..", "%00", "%2e%2e", "%ff", "%c0%af", "xiaomi", "dod-1237", "status", "~"),
);

/** A path no route has: its first segment is none of the server's. */
const junkPath = fc
  .array(segment, { minLength: 1, maxLength: 5 })
  .filter(([first]) => !ROUTES.includes(decodeURIComponentSafe(first ?? "")) && first !== "")
  .map((segments): FuzzRequest => ({ method: "GET", path: `/${segments.join("/")}`, headers: {} }));

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A value that is no date the server takes (1900 on, YYYY-MM-DD, real). */
const badDate = fc
  .oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom("2021-02-30", "1899-12-31", "2021-1-1", "20210101", "2021-13-01", ""),
  )
  .filter((text) => !/^\d{4}-\d{2}-\d{2}$/.test(text) || text < "1900" || text.endsWith("30"))
  .filter(
    (text) => text !== "2020-11-30" && !/^(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|1\d|2\d)$/.test(text),
  );

const badQuery = fc
  .tuple(
    fc.constantFrom(
      "/companies/xiaomi/status",
      "/companies/xiaomi/timeline",
      "/companies/xiaomi/effects",
      "/list",
      "/changes",
      "/report",
    ),
    fc.constantFrom("at", "known-at", "from", "to"),
    badDate,
  )
  .filter(
    ([path, name]) =>
      !(path.endsWith("timeline") && (name === "at" || name === "from" || name === "to")),
  )
  .filter(
    ([path, name]) =>
      !((path === "/list" || path.startsWith("/companies")) && (name === "from" || name === "to")),
  )
  .map(([path, name, value]): FuzzRequest => {
    const from = path === "/changes" && name !== "from" ? "&from=2021-01-01" : "";
    return {
      method: "GET",
      path: `${path}?${name}=${encodeURIComponent(value)}${from}`,
      headers: {},
    };
  });

const unknownParameter = fc
  .tuple(
    fc.constantFrom("/list", "/search?q=x", "/verify", "/companies/xiaomi/status", "/export"),
    fc
      .string({ minLength: 1, maxLength: 12 })
      .filter(
        (name) =>
          ![
            "at",
            "q",
            "limit",
            "status",
            "program",
            "known-at",
            "recorded-at",
            "format",
            "what",
            "raw",
            "timeline",
            "from",
            "to",
            "company",
          ].includes(name),
      ),
  )
  .map(([path, name]): FuzzRequest => ({
    method: "GET",
    path: `${path}${path.includes("?") ? "&" : "?"}${encodeURIComponent(name)}=1`,
    headers: {},
  }));

const WRITE_PATHS = [
  "/streams/xiaomi/dod-1237/events",
  "/streams/acme/dod-1260h/events",
  "/events/xiaomi-dod-1237-0001/corrections",
  "/events/xiaomi-dod-1237-0001/retractions",
];

const printable = fc.string({ maxLength: 20 }).map((text) => text.replace(/[^\x20-\x7e]/g, "x"));

/** A body that is no event the log takes: random JSON, near-events with a field broken, or bytes. */
const badBody = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 200 }),
  fc
    .record({
      type: fc.constantFrom("Listed", "Noted", "Bogus", "InjunctionGranted"),
      effective: fc.oneof(badDate, fc.constant("2019-01-01")),
      data: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), {
        maxKeys: 3,
      }),
      sources: fc.array(
        fc.record({ publisher: fc.string(), title: fc.string(), url: fc.string() }),
        { maxLength: 2 },
      ),
      confidence: fc.string({ maxLength: 6 }),
    })
    .map((record) => JSON.stringify(record)),
  fc
    .string({ minLength: 17 * 1024, maxLength: 18 * 1024 })
    .map((text) => JSON.stringify({ type: text })),
);

const badWrite = fc
  .tuple(
    fc.constantFrom(...WRITE_PATHS),
    badBody,
    fc.constantFrom(
      "application/json",
      "text/plain",
      "application/xml",
      "application/json; charset=utf-8",
    ),
    fc.option(printable, { nil: undefined }),
    fc.constantFrom(`Bearer ${TOKEN}`, `Bearer ${TOKEN}`, "", "Bearer", `bearer ${TOKEN}x`),
  )
  .map(([path, body, type, ifMatch, authorization]): FuzzRequest => ({
    method: "POST",
    path,
    body,
    headers: {
      "content-type": type,
      ...(authorization === "" ? {} : { authorization }),
      ...(ifMatch === undefined ? {} : { "if-match": ifMatch }),
    },
  }));

/** A valid event, but without the right token. */
const unauthorised = fc
  .constantFrom("", "Bearer wrong", "Basic Zm9v", `Bearer ${TOKEN} extra`)
  .map((authorization): FuzzRequest => ({
    method: "POST",
    path: "/streams/xiaomi/dod-1237/events",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({
      type: "Noted",
      effective: "2021-12-01",
      data: { subject: "other", description: "A note." },
      sources: [{ publisher: "P", title: "T", url: "https://example.org/" }],
      confidence: "low",
    }),
  }));

describe("fuzzed requests", () => {
  it("1,200 of them: each a 4xx problem+json, never a 500, never a write", async () => {
    const before = treeOf(dir);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(junkPath, badQuery, unknownParameter, badWrite, badWrite, unauthorised),
        async (request) => {
          const response = await fetch(`${server.base}${request.path}`, {
            method: request.method,
            headers: request.headers,
            body: request.body,
          });
          const text = await response.text();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const where = `${request.method} ${request.path} ${text.slice(0, 300)}`;
          expect(response.status, where).toBeGreaterThanOrEqual(400);
          expect(response.status, where).toBeLessThan(500);
          expect(response.headers.get("content-type"), where).toMatch(
            /^application\/problem\+json/,
          );
          const problem = JSON.parse(text) as Record<string, unknown>;
          expect(problem.status, where).toBe(response.status);
          expect(typeof problem.detail, where).toBe("string");
          expect(text, where).not.toMatch(/\n\s+at /);
        },
      ),
      { numRuns: 1200, seed: 15 },
    );
    expect(treeOf(dir)).toEqual(before);
    // The fuzz reached the server's refusals of each kind.
    for (const status of [400, 401, 404, 413, 415, 422])
      expect(statuses.get(status)).toBeGreaterThan(0);
  });
});
