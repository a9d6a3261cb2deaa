/**
 * The replica folder (app/replica.ts) over any LineStore; here the store is a folder too, so the
 * tests need no database (test/cli/store.test.ts runs it on PostgreSQL).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { onReplica, pushReplica, syncReplica } from "../../src/app/replica.js";
import { ConcurrencyError } from "../../src/store/appendErrors.js";
import { GENESIS, lineHash } from "../../src/store/integrityChain.js";
import { jsonlLineStore } from "../../src/store/jsonlLineStore.js";
import type { LineStore } from "../../src/store/lineStore.js";
import { eventLinesFor, nth } from "../store/contract/lineStoreContract.js";
import { makeTempDir } from "../store/support/logFixtures.js";
import { linesOf, treeOf } from "../cli/support/eventsDirs.js";

/** A store that counts the lines it is asked for. */
function counting(store: LineStore): LineStore & { reads: string[] } {
  const reads: string[] = [];
  return {
    ...store,
    reads,
    readLines: (company, program) => {
      reads.push(`${company}/${program}`);
      return store.readLines(company, program);
    },
  };
}

describe("the replica of a store", () => {
  const temps: string[] = [];
  afterEach(() => {
    for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const setup = async () => {
    const temp = makeTempDir("designations-replica-");
    temps.push(temp);
    const store = counting(jsonlLineStore(join(temp, "store")));
    const acme = eventLinesFor("acme", "dod-1260h", 0, GENESIS, 2);
    const beta = eventLinesFor("beta", "dod-1237", 0, GENESIS, 1);
    await store.appendLines([
      { company: "acme", program: "dod-1260h", expectedSeq: 0, lines: acme },
      { company: "beta", program: "dod-1237", expectedSeq: 0, lines: beta },
    ]);
    await store.writeRegistry("[]\n", undefined);
    return { store, storeDir: join(temp, "store"), replica: join(temp, "replica"), acme, beta };
  };

  it("syncs to equal the store, and reads no lines again while nothing changed", async () => {
    const { store, storeDir, replica } = await setup();
    const baseline = await syncReplica(store, replica);
    expect(treeOf(replica)).toEqual(treeOf(storeDir));
    expect(baseline.heads.map((h) => [h.company, h.seq])).toEqual([
      ["beta", 1],
      ["acme", 2],
    ]);
    expect(store.reads).toHaveLength(2);
    store.reads.length = 0;
    await syncReplica(store, replica);
    expect(store.reads).toEqual([]);
  });

  it("rewrites a stream that changed, removes one the store lacks, follows the registry", async () => {
    const { store, storeDir, replica, acme } = await setup();
    await syncReplica(store, replica);
    const more = eventLinesFor("acme", "dod-1260h", 2, lineHash(nth(acme, 1)), 1);
    await store.appendLines([
      { company: "acme", program: "dod-1260h", expectedSeq: 2, lines: more },
    ]);
    rmSync(join(storeDir, "dod-1237"), { recursive: true });
    writeFileSync(join(storeDir, "companies.json"), "[1]\n");
    store.reads.length = 0;
    await syncReplica(store, replica);
    expect(store.reads).toEqual(["acme/dod-1260h"]);
    expect(existsSync(join(replica, "dod-1237"))).toBe(false);
    expect(treeOf(replica)).toEqual(treeOf(storeDir));
  });

  it("full: rewrites a file whose middle line changed behind an unchanged head", async () => {
    const { store, storeDir, replica } = await setup();
    await syncReplica(store, replica);
    const file = join(replica, "dod-1260h", "acme.jsonl");
    const lines = linesOf(file);
    writeFileSync(file, `${nth(lines, 0).replace("Noted on", "Forged on")}\n${nth(lines, 1)}\n`);
    await syncReplica(store, replica);
    expect(readFileSync(file, "utf8")).not.toEqual(
      readFileSync(join(storeDir, "dod-1260h", "acme.jsonl"), "utf8"),
    );
    await syncReplica(store, replica, { full: true });
    expect(treeOf(replica)).toEqual(treeOf(storeDir));
  });

  it("pushes what was appended to the replica since the sync, new streams and the registry too", async () => {
    const { store, storeDir, replica, acme } = await setup();
    const baseline = await syncReplica(store, replica);
    const folder = jsonlLineStore(replica);
    const more = eventLinesFor("acme", "dod-1260h", 2, lineHash(nth(acme, 1)), 2);
    const gamma = eventLinesFor("gamma", "dod-1260h", 0, GENESIS, 1);
    await folder.appendLines([
      { company: "acme", program: "dod-1260h", expectedSeq: 2, lines: more },
      { company: "gamma", program: "dod-1260h", expectedSeq: 0, lines: gamma },
    ]);
    await folder.writeRegistry("[2]\n", "[]\n");
    expect(await pushReplica(store, replica, baseline)).toEqual({
      streams: 2,
      lines: 3,
      registry: true,
    });
    expect(treeOf(storeDir)).toEqual(treeOf(replica));
    // Nothing new: nothing pushed.
    expect(await pushReplica(store, replica, await syncReplica(store, replica))).toEqual({
      streams: 0,
      lines: 0,
      registry: false,
    });
  });

  it("on a conflict stores nothing, syncs the replica back to the store and rethrows", async () => {
    const { store, storeDir, replica, acme } = await setup();
    const { result } = await onReplica(store, replica, () => "read only");
    expect(result).toBe("read only");
    const baseline = await syncReplica(store, replica);
    const theirs = eventLinesFor("acme", "dod-1260h", 2, lineHash(nth(acme, 1)), 1, "-theirs");
    await store.appendLines([
      { company: "acme", program: "dod-1260h", expectedSeq: 2, lines: theirs },
    ]);
    const mine = eventLinesFor("acme", "dod-1260h", 2, lineHash(nth(acme, 1)), 1, "-mine");
    await jsonlLineStore(replica).appendLines([
      { company: "acme", program: "dod-1260h", expectedSeq: 2, lines: mine },
    ]);
    await expect(pushReplica(store, replica, baseline)).rejects.toBeInstanceOf(ConcurrencyError);
    expect(treeOf(replica)).toEqual(treeOf(storeDir));
    expect(linesOf(join(storeDir, "dod-1260h", "acme.jsonl"))).toEqual([...acme, ...theirs]);
  });

  it("refuses to push a replica file that no longer extends its baseline, and pushes nothing", async () => {
    const { store, storeDir, replica, acme } = await setup();
    const file = join(replica, "dod-1260h", "acme.jsonl");
    const shrunk = await syncReplica(store, replica);
    writeFileSync(file, `${nth(acme, 0)}\n`);
    await expect(pushReplica(store, replica, shrunk)).rejects.toThrow(/no longer extends/);
    const rewritten = await syncReplica(store, replica);
    const other = eventLinesFor("acme", "dod-1260h", 0, GENESIS, 3, "-other");
    writeFileSync(file, other.map((line) => `${line}\n`).join(""));
    await expect(pushReplica(store, replica, rewritten)).rejects.toThrow(/no longer extends/);
    expect(linesOf(join(storeDir, "dod-1260h", "acme.jsonl"))).toEqual(acme);
  });
});
