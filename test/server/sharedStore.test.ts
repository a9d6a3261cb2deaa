import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWithStoreInProcess } from "../cli/support/inProcess.js";
import { draftOf } from "../cli/support/drafts.js";
import { MAIN, REPO_ROOT } from "../cli/support/runCli.js";
import { appendAll } from "../cli/support/drafts.js";
import { makeTempDir, removeDir } from "../store/support/logFixtures.js";
import { createTestDatabase, sql } from "../support/testDatabase.js";

// Servers on one PostgreSQL database: each answers from a replica of its own that follows the
// database, and a write is answered once the database holds it.

const TOKEN = "shared-secret";
const STREAMS = ["alpha", "beta", "gamma", "delta"];
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const dirs: string[] = [];

/** Runs the CLI in-process with a store, and what it printed. */
const cliOn = (argv: readonly string[]) => runWithStoreInProcess(argv, { events: "/nonexistent" });

interface Server {
  child: ChildProcess;
  base: string;
  exited: Promise<number | null>;
}

function serve(cache: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", MAIN, "serve", "--port", "0", "--store", database.url],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, DESIGNATIONS_WRITE_TOKEN: TOKEN, DESIGNATIONS_CACHE: cache },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const base = /^listening on (http:\/\/\S+)$/m.exec(out)?.[1];
      if (base !== undefined) resolve({ child, base, exited });
    });
    void exited.then((code) => reject(new Error(`serve exited ${code}: ${out}${err}`)));
  });
}

/** The seq of a stream as a server answers it. */
async function seqOf(base: string, company: string): Promise<number> {
  const response = await fetch(`${base}/streams/${company}/dod-1237/events`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { seq: number }).seq;
}

/** Appends a note with this id, conditional on the seq last seen; retries on a conflict. */
async function appendNote(bases: readonly string[], company: string, id: string): Promise<number> {
  const body = JSON.stringify({
    ...draftOf(`${company}/dod-1237`, "Noted", "2021-06-01"),
    id,
  });
  for (let attempt = 0; ; attempt++) {
    const base = bases[attempt % bases.length] as string;
    const seq = await seqOf(base, company);
    const response = await fetch(`${base}/streams/${company}/dod-1237/events`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${TOKEN}`,
        "if-match": String(seq),
      },
      body,
    });
    if (response.status === 201 || response.status === 200) return attempt;
    expect([409, 412], await response.text()).toContain(response.status);
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  const folder = makeTempDir("designations-shared-");
  dirs.push(folder);
  for (const company of STREAMS)
    appendAll(folder, `${company}/dod-1237`, [["Listed", "2021-01-14"]]);
  const copy = await cliOn(["store", "copy", "--from", folder, "--to", database.url]);
  expect(copy.err).toBe("");
  expect(copy.code).toBe(0);
});

afterAll(async () => {
  for (const dir of dirs) removeDir(dir);
  await database.drop();
});

describe("two servers on one database", () => {
  it(
    "16 writers x 100 appends with racing If-Match: nothing lost or duplicated, seq contiguous, verify passes",
    { timeout: 600_000 },
    async () => {
      const cache = makeTempDir("designations-shared-cache-");
      dirs.push(cache);
      const servers = await Promise.all([serve(cache), serve(cache)]);
      const bases = servers.map((server) => server.base);
      let conflicts = 0;
      try {
        // Four writers on each stream, each sending to both servers in turn.
        await Promise.all(
          Array.from({ length: 16 }, async (_, writer) => {
            const company = STREAMS[writer % STREAMS.length] as string;
            const order = writer % 2 === 0 ? bases : [...bases].reverse();
            for (let i = 0; i < 100; i++) {
              conflicts += await appendNote(order, company, `w${writer}-note-${i}`);
            }
          }),
        );
        // Both servers answer alike, from the database.
        for (const company of STREAMS) {
          const [one, two] = await Promise.all(bases.map((base) => seqOf(base, company)));
          expect(one).toBe(401);
          expect(two).toBe(401);
        }
      } finally {
        for (const server of servers) server.child.kill("SIGTERM");
      }
      for (const server of servers) expect(await server.exited).toBe(0);
      expect(conflicts).toBeGreaterThan(0); // the writers did race

      const rows = await sql<{ company: string; seq: number; id: string }>(
        "select company, seq, id from events order by company, seq",
        [],
        database.url,
      );
      expect(rows).toHaveLength(4 * 401);
      for (const company of STREAMS) {
        const seqs = rows.filter((row) => row.company === company).map((row) => row.seq);
        expect(seqs).toEqual(Array.from({ length: 401 }, (_, i) => i + 1));
      }
      const ids = rows.map((row) => row.id).filter((id) => id.includes("-note-"));
      expect(new Set(ids).size).toBe(1600);
      const expected = Array.from({ length: 16 }, (_, w) =>
        Array.from({ length: 100 }, (_, i) => `w${w}-note-${i}`),
      ).flat();
      expect([...ids].sort()).toEqual(expected.sort());
      const verify = await cliOn(["verify", "--store", database.url]);
      expect(verify.err).toBe("");
      expect(verify.code).toBe(0);
    },
  );

  it("a server killed with SIGKILL in the middle of appends: no partial event, every 201 is there", async () => {
    const cache = makeTempDir("designations-shared-kill-");
    dirs.push(cache);
    const server = await serve(cache);
    const acknowledged: string[] = [];
    const writing = (async () => {
      for (let i = 0; i < 500; i++) {
        const id = `kill-note-${i}`;
        const response = await fetch(`${server.base}/streams/alpha/dod-1237/events`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
          body: JSON.stringify({ ...draftOf("alpha/dod-1237", "Noted", "2021-06-02"), id }),
        }).catch(() => undefined);
        if (response === undefined) return;
        if (response.status === 201) acknowledged.push(id);
      }
    })();
    while (acknowledged.length < 20) await new Promise((resolve) => setTimeout(resolve, 10));
    server.child.kill("SIGKILL");
    await writing;
    expect(await server.exited).toBe(null);

    const rows = await sql<{ id: string; seq: number }>(
      "select id, seq from events where company = 'alpha' order by seq",
      [],
      database.url,
    );
    const stored = new Set(rows.map((row) => row.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(rows.map((row) => row.seq)).toEqual(rows.map((_, i) => i + 1));
    const verify = await cliOn(["verify", "--store", database.url]);
    expect(verify.err).toBe("");
    expect(verify.code).toBe(0);
  });
});
