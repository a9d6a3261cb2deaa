/**
 * The store contract: what every `LineStore` does, run against each store by a test file of its
 * own (jsonlLineStore.test.ts, postgresLineStore.test.ts) with a factory of fresh, empty stores.
 */
import { afterEach, describe, expect, it } from "vitest";
import { AppendRejectedError, ConcurrencyError } from "../../../src/store/appendErrors.js";
import { GENESIS, lineHash } from "../../../src/store/integrityChain.js";
import type { LineStore } from "../../../src/store/lineStore.js";
import { makeEvent } from "../support/logFixtures.js";

/** A fresh empty store, and how to throw it away. */
export interface StoreFixture {
  store: LineStore;
  dispose(): Promise<void>;
}

/**
 * `count` event lines of `company/program` from seq `after + 1`, chained on from `head`; ids
 * `<company>-<program>-<seq><suffix>`.
 */
export function eventLinesFor(
  company: string,
  program: string,
  after: number,
  head: string,
  count: number,
  suffix = "",
): string[] {
  const lines: string[] = [];
  let prev = head;
  for (let index = 1; index <= count; index++) {
    const seq = after + index;
    const line = JSON.stringify(
      makeEvent(`${company}/${program}`, seq, "Noted", "2021-01-14", {
        id: `${company}-${program}-${seq}${suffix}`,
        prev,
      }),
    );
    lines.push(line);
    prev = lineHash(line);
  }
  return lines;
}

/** The item at `index`, which the test knows is there. */
export function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

export function lineStoreContract(name: string, fresh: () => Promise<StoreFixture>): void {
  describe(`the store contract: ${name}`, () => {
    const fixtures: StoreFixture[] = [];
    const open = async () => {
      const fixture = await fresh();
      fixtures.push(fixture);
      return fixture.store;
    };
    afterEach(async () => {
      for (const fixture of fixtures.splice(0)) await fixture.dispose();
    });

    it("starts empty: no heads, no lines, no registry", async () => {
      const store = await open();
      expect(await store.heads()).toEqual([]);
      expect(await store.readLines("acme", "dod-1260h")).toEqual([]);
      expect(await store.readRegistry()).toBeUndefined();
    });

    it("appends lines to several streams and gives them back exactly, heads sorted by program then company", async () => {
      const store = await open();
      const acme = eventLinesFor("acme", "dod-1260h", 0, GENESIS, 3);
      const beta = eventLinesFor("beta", "dod-1237", 0, GENESIS, 1);
      const zeta = eventLinesFor("zeta", "dod-1237", 0, GENESIS, 2);
      await store.appendLines([
        { company: "acme", program: "dod-1260h", expectedSeq: 0, lines: acme },
        { company: "zeta", program: "dod-1237", expectedSeq: 0, lines: zeta },
        { company: "beta", program: "dod-1237", expectedSeq: 0, lines: beta },
      ]);
      expect(await store.heads()).toEqual([
        { company: "beta", program: "dod-1237", seq: 1, head: lineHash(nth(beta, 0)) },
        { company: "zeta", program: "dod-1237", seq: 2, head: lineHash(nth(zeta, 1)) },
        { company: "acme", program: "dod-1260h", seq: 3, head: lineHash(nth(acme, 2)) },
      ]);
      expect(await store.readLines("acme", "dod-1260h")).toEqual(acme);
      expect(await store.readLines("zeta", "dod-1237")).toEqual(zeta);
    });

    it("keeps a line's exact bytes: key order, spacing and non-ASCII text", async () => {
      const store = await open();
      const line = nth(eventLinesFor("acme", "dod-1260h", 0, GENESIS, 1), 0);
      const odd = line
        .replace('"type":"Noted"', '"type" : "Noted"')
        .replace("Noted on", "Noté — 注意 on");
      await store.appendLines([
        { company: "acme", program: "dod-1260h", expectedSeq: 0, lines: [odd] },
      ]);
      expect(await store.readLines("acme", "dod-1260h")).toEqual([odd]);
      expect((await store.heads())[0]?.head).toBe(lineHash(odd));
    });

    it("continues a stream from its head", async () => {
      const store = await open();
      const first = eventLinesFor("acme", "dod-1260h", 0, GENESIS, 2);
      await store.appendLines([
        { company: "acme", program: "dod-1260h", expectedSeq: 0, lines: first },
      ]);
      const next = eventLinesFor("acme", "dod-1260h", 2, lineHash(nth(first, 1)), 2);
      await store.appendLines([
        { company: "acme", program: "dod-1260h", expectedSeq: 2, lines: next },
      ]);
      expect(await store.readLines("acme", "dod-1260h")).toEqual([...first, ...next]);
      expect(await store.heads()).toEqual([
        { company: "acme", program: "dod-1260h", seq: 4, head: lineHash(nth(next, 1)) },
      ]);
    });

    it("refuses a stale expectedSeq with a ConcurrencyError and writes nothing", async () => {
      const store = await open();
      const first = eventLinesFor("acme", "dod-1260h", 0, GENESIS, 2);
      await store.appendLines([
        { company: "acme", program: "dod-1260h", expectedSeq: 0, lines: first },
      ]);
      const stale = eventLinesFor("acme", "dod-1260h", 1, lineHash(nth(first, 0)), 1, "-late");
      const error = await store
        .appendLines([{ company: "acme", program: "dod-1260h", expectedSeq: 1, lines: stale }])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConcurrencyError);
      expect((error as ConcurrencyError).actualSeq).toBe(2);
      expect(await store.readLines("acme", "dod-1260h")).toEqual(first);
      // A new stream is expected at 0.
      const fresh = eventLinesFor("beta", "dod-1260h", 0, GENESIS, 1);
      await expect(
        store.appendLines([
          { company: "beta", program: "dod-1260h", expectedSeq: 3, lines: fresh },
        ]),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store.readLines("beta", "dod-1260h")).toEqual([]);
    });

    it("refuses lines that do not chain on to the stream's head, or skip a seq", async () => {
      const store = await open();
      const first = eventLinesFor("acme", "dod-1260h", 0, GENESIS, 1);
      await store.appendLines([
        { company: "acme", program: "dod-1260h", expectedSeq: 0, lines: first },
      ]);
      const unchained = eventLinesFor("acme", "dod-1260h", 1, lineHash("something else"), 1);
      const error = await store
        .appendLines([{ company: "acme", program: "dod-1260h", expectedSeq: 1, lines: unchained }])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppendRejectedError);
      expect((error as AppendRejectedError).field).toBe("prev");
      const skipping = eventLinesFor("acme", "dod-1260h", 2, lineHash(nth(first, 0)), 1);
      await expect(
        store.appendLines([
          { company: "acme", program: "dod-1260h", expectedSeq: 1, lines: skipping },
        ]),
      ).rejects.toMatchObject({ field: "seq" });
      await expect(
        store.appendLines([
          { company: "acme", program: "dod-1260h", expectedSeq: 1, lines: ["not json"] },
        ]),
      ).rejects.toBeInstanceOf(AppendRejectedError);
      expect(await store.readLines("acme", "dod-1260h")).toEqual(first);
      const notFromGenesis = eventLinesFor("beta", "dod-1260h", 0, lineHash("elsewhere"), 1);
      await expect(
        store.appendLines([
          { company: "beta", program: "dod-1260h", expectedSeq: 0, lines: notFromGenesis },
        ]),
      ).rejects.toMatchObject({ field: "prev" });
      expect(await store.readLines("beta", "dod-1260h")).toEqual([]);
    });

    it("refuses an id the log already holds, in any stream, or twice in one batch", async () => {
      const store = await open();
      const acme = eventLinesFor("acme", "dod-1260h", 0, GENESIS, 1);
      await store.appendLines([
        { company: "acme", program: "dod-1260h", expectedSeq: 0, lines: acme },
      ]);
      const reused = nth(eventLinesFor("beta", "dod-1260h", 0, GENESIS, 1), 0);
      const sameId = reused.replace("beta-dod-1260h-1", "acme-dod-1260h-1");
      const error = await store
        .appendLines([{ company: "beta", program: "dod-1260h", expectedSeq: 0, lines: [sameId] }])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppendRejectedError);
      expect((error as AppendRejectedError).message).toContain("acme-dod-1260h-1");
      const one = nth(eventLinesFor("beta", "dod-1260h", 0, GENESIS, 1, "-x"), 0);
      const two = nth(eventLinesFor("beta", "dod-1260h", 1, lineHash(one), 1, "-x"), 0);
      const twice = two.replace("beta-dod-1260h-2-x", "beta-dod-1260h-1-x");
      await expect(
        store.appendLines([
          { company: "beta", program: "dod-1260h", expectedSeq: 0, lines: [one, twice] },
        ]),
      ).rejects.toMatchObject({ field: "id" });
      expect(await store.readLines("beta", "dod-1260h")).toEqual([]);
      expect((await store.heads()).map((h) => h.company)).toEqual(["acme"]);
    });

    it("replaces the registry only if it is still what the writer read (compare and set)", async () => {
      const store = await open();
      await store.writeRegistry("[\n]\n", undefined);
      expect(await store.readRegistry()).toBe("[\n]\n");
      await expect(store.writeRegistry("[1]\n", undefined)).rejects.toBeInstanceOf(
        ConcurrencyError,
      );
      await expect(store.writeRegistry("[1]\n", "[2]\n")).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store.readRegistry()).toBe("[\n]\n");
      await store.writeRegistry("[1]\n", "[\n]\n");
      expect(await store.readRegistry()).toBe("[1]\n");
    });
  });
}
