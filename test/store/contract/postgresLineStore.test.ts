import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { AppendRejectedError, ConcurrencyError } from "../../../src/store/appendErrors.js";
import { GENESIS, lineHash } from "../../../src/store/integrityChain.js";
import { type LineStore, StoreUnavailableError } from "../../../src/store/lineStore.js";
import { MIGRATIONS } from "../../../src/store/postgres/migrations.js";
import { postgresLineStore } from "../../../src/store/postgres/postgresLineStore.js";
import { createTestDatabase, sql } from "../../support/testDatabase.js";
import { eventLinesFor, lineStoreContract, nth } from "./lineStoreContract.js";

lineStoreContract("PostgreSQL", async () => {
  const db = await createTestDatabase();
  const store = postgresLineStore(db.url);
  return {
    store,
    dispose: async () => {
      await store.close();
      await db.drop();
    },
  };
});

const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const HANG = fileURLToPath(new URL("./support/appendAndHang.ts", import.meta.url));

describe("the PostgreSQL store", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  const freshStore = async (options = {}) => {
    const db = await createTestDatabase();
    const store = postgresLineStore(db.url, options);
    cleanups.push(
      () => db.drop(),
      () => store.close(),
    );
    return { store, url: db.url };
  };

  it("migrates on first use, once, whoever comes first (8 stores at once)", async () => {
    const { url } = await freshStore();
    const stores = Array.from({ length: 8 }, () => postgresLineStore(url));
    cleanups.push(async () => {
      for (const store of stores) await store.close();
    });
    const heads = await Promise.all(stores.map((store) => store.heads()));
    expect(heads.every((h) => h.length === 0)).toBe(true);
    const versions = await sql("select version from designations_schema_version", [], url);
    expect(versions).toEqual(MIGRATIONS.map((_, index) => ({ version: index + 1 })));
  });

  it("writes all batches of an append or none: a conflict on one stream leaves the other unwritten", async () => {
    const { store } = await freshStore();
    const acme = eventLinesFor("acme", "dod-1260h", 0, GENESIS, 1);
    await store.appendLines([
      { company: "acme", program: "dod-1260h", expectedSeq: 0, lines: acme },
    ]);
    const beta = eventLinesFor("beta", "dod-1260h", 0, GENESIS, 2);
    const late = eventLinesFor("acme", "dod-1260h", 0, GENESIS, 1, "-late");
    await expect(
      store.appendLines([
        { company: "beta", program: "dod-1260h", expectedSeq: 0, lines: beta },
        { company: "acme", program: "dod-1260h", expectedSeq: 0, lines: late },
      ]),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    const badChain = eventLinesFor("acme", "dod-1260h", 1, GENESIS, 1);
    await expect(
      store.appendLines([
        { company: "beta", program: "dod-1260h", expectedSeq: 0, lines: beta },
        { company: "acme", program: "dod-1260h", expectedSeq: 1, lines: badChain },
      ]),
    ).rejects.toBeInstanceOf(AppendRejectedError);
    expect(await store.readLines("beta", "dod-1260h")).toEqual([]);
    expect((await store.heads()).map((h) => [h.company, h.seq])).toEqual([["acme", 1]]);
    expect(await sql("select count(*)::int as n from events", [], await urlOf(store))).toEqual([
      { n: 1 },
    ]);
  });

  it("16 appenders racing on one stream, each retrying on a conflict: nothing lost, nothing twice, seq contiguous", async () => {
    const { url } = await freshStore();
    const writers = Array.from({ length: 16 }, () => postgresLineStore(url, { maxConnections: 1 }));
    cleanups.push(async () => {
      for (const writer of writers) await writer.close();
    });
    const perWriter = 5;
    let conflicts = 0;
    // Every writer's first append waits until all have read the empty stream: a sure race.
    let readFirst = 0;
    let allRead: () => void = () => undefined;
    const everyoneRead = new Promise<void>((resolve) => (allRead = resolve));
    await Promise.all(
      writers.map(async (writer, w) => {
        for (let k = 0; k < perWriter; k++) {
          for (;;) {
            const head = (await writer.heads()).find((h) => h.company === "acme") ?? {
              seq: 0,
              head: GENESIS,
            };
            if (k === 0 && readFirst < writers.length) {
              if (++readFirst === writers.length) allRead();
              await everyoneRead;
            }
            const lines = eventLinesFor("acme", "dod-1260h", head.seq, head.head, 1, `-w${w}-${k}`);
            try {
              await writer.appendLines([
                { company: "acme", program: "dod-1260h", expectedSeq: head.seq, lines },
              ]);
              break;
            } catch (error) {
              if (!(error instanceof ConcurrencyError)) throw error;
              conflicts++;
            }
          }
        }
      }),
    );
    const lines = await nth(writers, 0).readLines("acme", "dod-1260h");
    expect(lines).toHaveLength(16 * perWriter);
    const ids = lines.map((line) =>
      (JSON.parse(line) as { id: string }).id.replace(/^acme-dod-1260h-\d+/, ""),
    );
    expect(new Set(ids).size).toBe(16 * perWriter);
    let prev = GENESIS;
    lines.forEach((line, index) => {
      const event = JSON.parse(line) as { seq: number; prev: string };
      expect(event.seq).toBe(index + 1);
      expect(event.prev).toBe(prev);
      prev = lineHash(line);
    });
    expect(await nth(writers, 0).integrityIssues?.()).toEqual([]);
    // The race was real: of the 16 first appends on the empty stream, 15 lost it and retried.
    expect(conflicts).toBeGreaterThanOrEqual(15);
  });

  it("a client killed (kill -9) inside its append's transaction leaves no partial event, and the stream's lock is freed", async () => {
    const { store, url } = await freshStore();
    const acme = eventLinesFor("acme", "dod-1260h", 0, GENESIS, 3);
    const beta = eventLinesFor("beta", "dod-1260h", 0, GENESIS, 2);
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        HANG,
        url,
        JSON.stringify([
          { company: "acme", program: "dod-1260h", expectedSeq: 0, lines: acme },
          { company: "beta", program: "dod-1260h", expectedSeq: 0, lines: beta },
        ]),
      ],
      { cwd: REPO, stdio: ["ignore", "pipe", "inherit"] },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("ready")) resolve();
      });
      child.on("exit", (code) => reject(new Error(`the child ended (${code}) before its commit`)));
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    expect(await store.heads()).toEqual([]);
    expect(await sql("select count(*)::int as n from events", [], url)).toEqual([{ n: 0 }]);
    // The dead transaction's locks go with it: the same append now succeeds.
    await store.appendLines([
      { company: "acme", program: "dod-1260h", expectedSeq: 0, lines: acme },
    ]);
    expect(await store.readLines("acme", "dod-1260h")).toEqual(acme);
  });

  it("notifies designations_appended with who appended and the streams, after the commit", async () => {
    const { store, url } = await freshStore();
    await store.heads();
    const pg = (await import("pg")).default;
    const listener = new pg.Client({ connectionString: url });
    await listener.connect();
    cleanups.push(() => listener.end());
    await listener.query("listen designations_appended");
    const heard = new Promise<string | undefined>((resolve) =>
      listener.on("notification", (message) => resolve(message.payload)),
    );
    const lines = eventLinesFor("acme", "dod-1260h", 0, GENESIS, 1);
    await store.appendLines([{ company: "acme", program: "dod-1260h", expectedSeq: 0, lines }]);
    expect(JSON.parse((await heard) ?? "")).toEqual({
      by: expect.stringMatching(/^[0-9a-f-]{36}$/),
      streams: ["acme/dod-1260h"],
    });
  });

  it("finds a row changed in the database: its hash, its id, a missing row", async () => {
    const { store, url } = await freshStore();
    const lines = eventLinesFor("acme", "dod-1260h", 0, GENESIS, 3);
    await store.appendLines([{ company: "acme", program: "dod-1260h", expectedSeq: 0, lines }]);
    expect(await store.integrityIssues?.()).toEqual([]);
    await sql(
      "update events set line = replace(line, 'Noted on', 'Forged on') where seq = 2",
      [],
      url,
    );
    await sql("update events set id = 'other' where seq = 3", [], url);
    const issues = (await store.integrityIssues?.()) ?? [];
    expect(issues.map((issue) => [issue.line, issue.field])).toEqual([
      [2, "line_hash"],
      [3, "id"],
    ]);
    expect(issues[0]?.file).toContain("stream acme/dod-1260h");
  });

  it("a server that cannot be reached, or a bad login, is a plain error naming the URL without its password", async () => {
    const unreachable = postgresLineStore("postgres://someone:s3cret@127.0.0.1:1/designations");
    cleanups.push(() => unreachable.close());
    const error = await unreachable.heads().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(
      /^cannot use the store postgres:\/\/someone@127\.0\.0\.1:1\/designations: .*ECONNREFUSED/,
    );
    expect((error as Error).message).not.toContain("s3cret");
    const missing = new URL(await urlOf((await freshStore()).store));
    missing.pathname = "/no_such_database";
    const noDatabase = postgresLineStore(missing.toString());
    cleanups.push(() => noDatabase.close());
    await expect(noDatabase.heads()).rejects.toThrow(/database "no_such_database" does not exist/);
    const stranger = new URL(missing);
    stranger.username = "nobody";
    stranger.password = "pw";
    const noRole = postgresLineStore(stranger.toString());
    cleanups.push(() => noRole.close());
    const login = await noRole.heads().catch((e: unknown) => e);
    expect(login).toBeInstanceOf(StoreUnavailableError);
    expect((login as Error).message).toMatch(
      /^cannot use the store postgres:\/\/nobody@.*: role "nobody" does not exist$/,
    );
    expect(() => postgresLineStore("postgres://user:pw@[bad")).toThrow(StoreUnavailableError);
  });
});

/** The URL a store was opened with (its location, which has no password here). */
async function urlOf(store: LineStore): Promise<string> {
  return store.location;
}
