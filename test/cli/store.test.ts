/**
 * The PostgreSQL store through the CLI, in-process (`runWithStore`): `store copy` and its round
 * trip, every command with `--store`, appends pushed to the database with the expected version,
 * a conflict, and `verify` catching a row changed in the database.
 */
import { execFile } from "node:child_process";
import { cpSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushReplica, replicaDirFor, syncReplica } from "../../src/app/replica.js";
import { runWithStoreInProcess } from "./support/inProcess.js";
import { ConcurrencyError } from "../../src/store/appendErrors.js";
import { GENESIS } from "../../src/store/integrityChain.js";
import { jsonlLineStore } from "../../src/store/jsonlLineStore.js";
import { postgresLineStore } from "../../src/store/postgres/postgresLineStore.js";
import { makeTempDir } from "../store/support/logFixtures.js";
import { eventLinesFor } from "../store/contract/lineStoreContract.js";
import { createTestDatabase, sql } from "../support/testDatabase.js";
import { linesOf, treeOf } from "./support/eventsDirs.js";

const MAIN = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));
const REPO = fileURLToPath(new URL("../..", import.meta.url));

/** `designations ...args` as a child process, with its own cache (so its own replica). */
function runChild(
  args: readonly string[],
  cache: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", MAIN, ...args],
      { cwd: REPO, encoding: "utf8", env: { ...process.env, DESIGNATIONS_CACHE: cache } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : null;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const EVENTS = fileURLToPath(new URL("../../events", import.meta.url));

const run = (argv: readonly string[]) => runWithStoreInProcess(argv, { events: EVENTS });

const appendAcme = (effective: string) => [
  "append",
  "acme",
  "dod-1260h",
  "Listed",
  "--effective",
  effective,
  "--description",
  "DoD added Acme to its Section 1260H list.",
  "--source",
  "https://example.org/notice",
  "--name",
  "Acme Corporation",
];

describe("the PostgreSQL store through the CLI", () => {
  const temp = makeTempDir("designations-store-cli-");
  const drops: (() => Promise<void>)[] = [];
  let events: string;
  let url: string;
  const previousCache = process.env.DESIGNATIONS_CACHE;

  beforeAll(async () => {
    process.env.DESIGNATIONS_CACHE = join(temp, "cache");
    events = join(temp, "events");
    cpSync(EVENTS, events, { recursive: true });
    const db = await createTestDatabase();
    drops.push(db.drop);
    url = db.url;
    const copied = await run(["store", "copy", "--from", events, "--to", url]);
    expect(copied.err).toBe("");
    expect(copied.code).toBe(0);
    expect(copied.out).toMatch(
      /^copied 37\d streams, 5\d\d events and the company registry from .*events to postgres:\/\/postgres@127\.0\.0\.1:\d+\/designations_test_\w+$/,
    );
  });

  afterAll(async () => {
    for (const drop of drops) await drop();
    rmSync(temp, { recursive: true, force: true });
    if (previousCache === undefined) delete process.env.DESIGNATIONS_CACHE;
    else process.env.DESIGNATIONS_CACHE = previousCache;
  });

  it("copies folder -> PostgreSQL -> folder byte for byte, every file (schema.json included)", async () => {
    const back = join(temp, "back");
    const result = await run(["store", "copy", "--from", url, "--to", back]);
    expect(result.code).toBe(0);
    expect(treeOf(back)).toEqual(treeOf(events));
  });

  it("copies only into an empty store", async () => {
    const again = await run(["store", "copy", "--from", events, "--to", url]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(
      /^error: refusing to copy into postgres:\/\/.*, which is not empty \(it holds 37\d streams\)/,
    );
    const folder = await run(["store", "copy", "--from", url, "--to", events]);
    expect(folder.code).toBe(1);
    expect(folder.err).toContain("which is not empty");
    expect((await run(["store", "copy", "--from", events])).code).toBe(2);
    expect((await run(["store", "move", "--from", events, "--to", url])).code).toBe(2);
  });

  it("answers every command from the database as from the folder", async () => {
    for (const argv of [
      ["status", "xiaomi", "--at", "2021-04-01"],
      ["timeline", "xiaomi", "--json"],
      ["list", "--at", "2022-01-01"],
      ["search", "xiaomi"],
      ["stats"],
      ["export", "--format", "csv"],
    ]) {
      const folder = await run([...argv, "--events", events]);
      const database = await run([...argv, "--store", url]);
      expect(database, argv.join(" ")).toEqual(folder);
    }
    expect(await run(["status", "xiaomi", "--store", events])).toEqual(
      await run(["status", "xiaomi", "--events", events]),
    );
  });

  it("pushes an append to the database, and a stale --expected-seq is exit 4", async () => {
    const first = await run([...appendAcme("2024-01-31"), "--store", url]);
    expect(first.err).toBe("");
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /^appended acme-dod-1260h-0001 \(Listed, effective 2024-01-31, seq 1\) to postgres:\/\/.*\/dod-1260h\/acme\.jsonl:1$/,
    );
    const rows = await sql<{ seq: number; id: string }>(
      "select seq, id from events where company = 'acme'",
      [],
      url,
    );
    expect(rows).toEqual([{ seq: 1, id: "acme-dod-1260h-0001" }]);
    const registry = await sql<{ text: string }>("select text from registry", [], url);
    expect(registry[0]?.text).toContain('"Acme Corporation"');
    const stale = await run([...appendAcme("2024-02-01"), "--expected-seq", "0", "--store", url]);
    expect(stale.code).toBe(4);
    expect(stale.err).toContain("concurrency conflict on acme/dod-1260h");
    expect((await run(["verify", "--store", url])).code).toBe(0);
  });

  it("a push that another writer beat is a ConcurrencyError, stores nothing, and leaves the replica equal to the store", async () => {
    const db = await createTestDatabase();
    drops.push(db.drop);
    const store = postgresLineStore(db.url);
    try {
      const dir = join(temp, "replica-race");
      const baseline = await syncReplica(store, dir);
      expect(baseline.heads).toEqual([]);
      // Another writer appends to the stream first...
      const theirs = eventLinesFor("acme", "dod-1260h", 0, GENESIS, 1, "-theirs");
      await store.appendLines([
        { company: "acme", program: "dod-1260h", expectedSeq: 0, lines: theirs },
      ]);
      // ...while this command appended to its replica.
      const mine = eventLinesFor("acme", "dod-1260h", 0, GENESIS, 2, "-mine");
      await jsonlLineStore(dir).appendLines([
        { company: "acme", program: "dod-1260h", expectedSeq: 0, lines: mine },
      ]);
      await expect(pushReplica(store, dir, baseline)).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store.readLines("acme", "dod-1260h")).toEqual(theirs);
      expect(linesOf(join(dir, "dod-1260h", "acme.jsonl"))).toEqual(theirs);
    } finally {
      await store.close();
    }
  });

  it("6 processes appending at once, each on its own replica: the losers of a push exit 4 and store nothing", async () => {
    const db = await createTestDatabase();
    drops.push(db.drop);
    const seeded = await run(["store", "copy", "--from", events, "--to", db.url]);
    expect(seeded.code).toBe(0);
    const runs = await Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        runChild(
          [
            "append",
            "xiaomi",
            "dod-1237",
            "Noted",
            "--effective",
            "2024-01-01",
            "--data",
            '{"subject": "other"}',
            "--description",
            `Writer ${n} notes something.`,
            "--source",
            "https://example.org/note",
            "--id",
            `xiaomi-note-${n}`,
            "--store",
            db.url,
          ],
          join(temp, `cache-${n}`),
        ),
      ),
    );
    for (const result of runs) {
      expect([0, 4], result.stderr).toContain(result.code);
      if (result.code === 4)
        expect(result.stderr).toMatch(/^error: concurrency conflict on xiaomi\/dod-1237/);
    }
    const winners = runs.filter((result) => result.code === 0).length;
    expect(winners).toBeGreaterThan(0);
    const rows = await sql<{ id: string }>(
      "select id from events where company = 'xiaomi' and program = 'dod-1237' and id like 'xiaomi-note-%'",
      [],
      db.url,
    );
    expect(rows).toHaveLength(winners);
    expect((await run(["verify", "--store", db.url])).code).toBe(0);
  });

  it("verify checks the database's rows too: a line changed in the database is found", async () => {
    const ok = await run(["verify", "--store", url]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(
      /^ok: 37\d streams, 5\d\d events, every chain intact and every history valid$/,
    );
    await sql(
      "update events set line = replace(line, 'Xiaomi', 'Xiaomj') where company = 'xiaomi' and program = 'dod-1237' and seq = 2",
      [],
      url,
    );
    const bad = await run(["verify", "--store", url]);
    expect(bad.code).toBe(1);
    // The replica's chain breaks at the next line, and the row's hash no longer fits its line.
    expect(bad.err).toMatch(
      /postgres:\/\/.*\/dod-1237\/xiaomi\.jsonl:3: field "prev": does not match the hash of line 2/,
    );
    expect(bad.err).toMatch(/\(table events, stream xiaomi\/dod-1237\):2: field "line_hash"/);
    expect(bad.err).not.toContain(replicaDirFor(postgresLineStore(url).location));
    const json = await run(["verify", "--json", "--store", url]);
    expect(json.code).toBe(1);
    const answer = JSON.parse(json.out) as { ok: boolean; problems: { field?: string }[] };
    expect(answer.ok).toBe(false);
    expect(answer.problems.map((problem) => problem.field)).toEqual(["prev", "line_hash"]);
    await sql(
      "update events set line = replace(line, 'Xiaomj', 'Xiaomi') where company = 'xiaomi' and program = 'dod-1237' and seq = 2",
      [],
      url,
    );
    expect((await run(["verify", "--store", url])).code).toBe(0);
  });

  it("bad usage and an unreachable database are plain messages, never a stack trace", async () => {
    const both = await run(["status", "xiaomi", "--store", url, "--events", events]);
    expect(both.code).toBe(2);
    expect(both.err).toContain("--store and --events cannot be given together");
    const twice = await run(["status", "xiaomi", "--store", url, "--store", url]);
    expect(twice.code).toBe(2);
    const down = await run([
      "status",
      "xiaomi",
      "--store",
      "postgres://someone:s3cret@127.0.0.1:1/x",
    ]);
    expect(down.code).toBe(1);
    expect(down.err).toMatch(
      /^error: cannot use the store postgres:\/\/someone@127\.0\.0\.1:1\/x: .*ECONNREFUSED/,
    );
    expect(down.err).not.toContain("s3cret");
    expect(down.err).not.toMatch(/^\s+at /m);
  });

  it("reads the companies.json of the database as the folder holds it", () => {
    const replica = replicaDirFor(postgresLineStore(url).location);
    expect(readFileSync(join(replica, "companies.json"), "utf8")).toContain('"Acme Corporation"');
  });
});
