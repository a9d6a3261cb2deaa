import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { treeOf } from "../cli/support/eventsDirs.js";
import { cli, copyOfEvents, problemOf, type RunningServer, startServer } from "./support.js";

// Writes over HTTP to a copy of the log: appends, idempotent re-sends, If-Match, the token, and
// every refusal leaving the folder exactly as it was.
const TOKEN = "s3cret-token";
let dir: string;
let server: RunningServer;
beforeAll(async () => {
  dir = copyOfEvents();
  server = await startServer({ eventsDir: dir, writeToken: TOKEN });
});
afterAll(() => server.close());

const SOURCES = [{ publisher: "Test Gazette", title: "A note", url: "https://example.org/note" }];

function note(extra: Record<string, unknown> = {}) {
  return {
    type: "Noted",
    effective: "2021-12-01",
    data: { subject: "other", description: "A hearing was noted." },
    sources: SOURCES,
    confidence: "low",
    ...extra,
  };
}

function post(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  base = server.base,
): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}`, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function seqOf(stream: string): Promise<number> {
  const response = await fetch(`${server.base}/streams/${stream}/events`);
  return ((await response.json()) as { seq: number }).seq;
}

/** `act` answers with a problem of `status`, and the events folder is byte for byte the same. */
async function refusedWithoutWrite(
  status: number,
  act: () => Promise<Response>,
): Promise<Record<string, unknown>> {
  const before = treeOf(dir);
  const problem = await problemOf(await act(), status);
  expect(treeOf(dir)).toEqual(before);
  return problem;
}

describe("POST /streams/{company}/{program}/events", () => {
  it("appends: 201, Location and the stored event, which the CLI then finds", async () => {
    const seq = await seqOf("xiaomi/dod-1237");
    const response = await post("/streams/xiaomi/dod-1237/events", note({ id: "xiaomi-note-1" }), {
      "if-match": String(seq),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe("/events/xiaomi-note-1");
    const body = (await response.json()) as { outcome: string; event: { id: string; seq: number } };
    expect(body.outcome).toBe("appended");
    expect(body.event).toMatchObject({ id: "xiaomi-note-1", seq: seq + 1, type: "Noted" });
    const stored = await fetch(`${server.base}/events/xiaomi-note-1`);
    expect(((await stored.json()) as { event: unknown }).event).toEqual(body.event);
    expect(cli(["verify"], dir).code).toBe(0);
    const replay = JSON.parse(cli(["timeline", "xiaomi", "--json"], dir).stdout) as unknown;
    expect(replay).toBeDefined();
  });

  it("re-sending an identical event with the same id is 200 with the existing event, nothing written", async () => {
    const before = treeOf(dir);
    const response = await post("/streams/xiaomi/dod-1237/events", note({ id: "xiaomi-note-1" }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { outcome: string; event: { id: string } };
    expect(body).toMatchObject({ outcome: "existing", event: { id: "xiaomi-note-1" } });
    expect(treeOf(dir)).toEqual(before);
  });

  it("412 with the current seq when If-Match is stale", async () => {
    const seq = await seqOf("xiaomi/dod-1237");
    const problem = await refusedWithoutWrite(412, () =>
      post("/streams/xiaomi/dod-1237/events", note({ id: "xiaomi-note-2" }), {
        "if-match": `"${seq - 1}"`,
      }),
    );
    expect(problem).toMatchObject({ seq, expectedSeq: seq - 1 });
    expect(problem.detail).toContain(`expected its last seq to be ${seq - 1}, but it is ${seq}`);
  });

  it("401 without the right bearer token, and nothing written", async () => {
    const body = note({ id: "xiaomi-note-3" });
    await refusedWithoutWrite(401, () =>
      post("/streams/xiaomi/dod-1237/events", body, { authorization: "" }),
    );
    await refusedWithoutWrite(401, () =>
      post("/streams/xiaomi/dod-1237/events", body, { authorization: `Bearer ${TOKEN}x` }),
    );
    await refusedWithoutWrite(401, () =>
      post("/streams/xiaomi/dod-1237/events", body, { authorization: `Basic ${TOKEN}` }),
    );
  });

  it("403 on a read-only server (one built without a write token)", async () => {
    const readOnly = await startServer({ eventsDir: dir });
    try {
      await refusedWithoutWrite(403, () =>
        post("/streams/xiaomi/dod-1237/events", note(), {}, readOnly.base),
      );
    } finally {
      await readOnly.close();
    }
  });

  it("422 for an event the log rejects, with the CLI's message and field", async () => {
    const injunction = {
      type: "InjunctionGranted",
      effective: "2020-01-01",
      data: { court: "D.D.C.", description: "x" },
      sources: [
        { publisher: "example.org", title: "https://example.org/a", url: "https://example.org/a" },
      ],
    };
    const invalid = await refusedWithoutWrite(422, () =>
      post("/streams/xiaomi/dod-1237/events", injunction),
    );
    const answer = cli(
      ["append", "xiaomi", "dod-1237", "InjunctionGranted", "--effective", "2020-01-01"].concat([
        "--data",
        '{"court":"D.D.C."}',
        "--description",
        "x",
        "--source",
        "https://example.org/a",
      ]),
      dir,
    );
    expect(answer.code).toBe(1);
    expect(answer.stderr).toBe(`error: ${String(invalid.detail)}\n`);
    expect(invalid.detail).toContain("is not accepted in state");
    const badUrl = await refusedWithoutWrite(422, () =>
      post(
        "/streams/xiaomi/dod-1237/events",
        note({ sources: [{ ...SOURCES[0], url: "ftp://x" }] }),
      ),
    );
    expect(badUrl.field).toMatch(/^sources/);
    const badType = await refusedWithoutWrite(422, () =>
      post("/streams/xiaomi/dod-1237/events", note({ type: "Exploded" })),
    );
    expect(badType).toMatchObject({ field: "type" });
    expect(badType.detail).toContain('"Exploded" is not an event type');
    const extra = await refusedWithoutWrite(422, () =>
      post("/streams/xiaomi/dod-1237/events", note({ colour: "red" })),
    );
    expect(extra.field).toBe("colour");
    const badDate = await refusedWithoutWrite(422, () =>
      post("/streams/xiaomi/dod-1237/events", note({ effective: "2021-02-30" })),
    );
    expect(badDate.field).toBe("effective");
    await refusedWithoutWrite(422, () =>
      post("/streams/xiaomi/dod-1237/events", note({ company: "luokung" })),
    );
  });

  it("400 for a body that is not JSON or a bad If-Match, 413 over the limit, 415 not JSON", async () => {
    await refusedWithoutWrite(400, () => post("/streams/xiaomi/dod-1237/events", "{not json"));
    const ifMatch = await refusedWithoutWrite(400, () =>
      post("/streams/xiaomi/dod-1237/events", note(), { "if-match": "latest" }),
    );
    expect(ifMatch.field).toBe("if-match");
    const huge = note({ data: { subject: "other", description: "x".repeat(300 * 1024) } });
    await refusedWithoutWrite(413, () => post("/streams/xiaomi/dod-1237/events", huge));
    await refusedWithoutWrite(415, () =>
      post("/streams/xiaomi/dod-1237/events", JSON.stringify(note()), {
        "content-type": "text/plain",
      }),
    );
    await refusedWithoutWrite(400, () => post("/streams/Xiaomi!/dod-1237/events", note()));
  });

  it("a new company's first event, with its name for the registry", async () => {
    const response = await post(
      "/streams/acme-robotics/dod-1260h/events",
      {
        type: "Listed",
        effective: "2024-01-31",
        data: { description: "Added to the 1260H list." },
        sources: [{ publisher: "DoD", title: "1260H list", url: "https://www.defense.gov/x" }],
        confidence: "high",
        companyName: "Acme Robotics Co., Ltd.",
      },
      { "if-match": "0" },
    );
    expect(response.status).toBe(201);
    const status = JSON.parse(cli(["status", "Acme Robotics", "--json"], dir).stdout) as {
      company: string;
    };
    expect(status.company).toBe("acme-robotics");
  });
});

describe("POST /events/{id}/corrections and /retractions", () => {
  it("correct and retract an event: 201; again with the same id, 200; an unknown event, 404", async () => {
    const correction = {
      known: "2021-12-05",
      effective: "2021-12-02",
      sources: SOURCES,
      confidence: "high",
      id: "xiaomi-note-1-fix",
    };
    const corrected = await post("/events/xiaomi-note-1/corrections", correction);
    expect(corrected.status).toBe(201);
    const body = (await corrected.json()) as {
      event: { type: string; data: { corrects: string } };
    };
    expect(body.event).toMatchObject({ type: "Corrected", data: { corrects: "xiaomi-note-1" } });
    expect((await post("/events/xiaomi-note-1/corrections", correction)).status).toBe(200);
    const retracted = await post("/events/xiaomi-note-1/retractions", {
      known: "2021-12-10",
      sources: SOURCES,
      confidence: "high",
    });
    expect(retracted.status).toBe(201);
    const seq = await seqOf("xiaomi/dod-1237");
    const stale = await refusedWithoutWrite(412, () =>
      post(
        "/events/xiaomi-note-1/retractions",
        { known: "2021-12-11", sources: SOURCES },
        { "if-match": String(seq - 1) },
      ),
    );
    expect(stale.seq).toBe(seq);
    await refusedWithoutWrite(404, () =>
      post("/events/no-such-event/retractions", { known: "2021-12-10", sources: SOURCES }),
    );
    await refusedWithoutWrite(422, () =>
      post("/events/xiaomi-note-1/corrections", { known: "2021-12-10", sources: SOURCES }),
    );
    await refusedWithoutWrite(401, () =>
      post(
        "/events/xiaomi-note-1/retractions",
        { known: "2021-12-10", sources: SOURCES },
        {
          authorization: "Bearer nope",
        },
      ),
    );
    expect(cli(["verify"], dir).code).toBe(0);
  });
});
