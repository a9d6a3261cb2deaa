import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventLines, idLocator, locateEvent } from "../../src/store/findEvent.js";
import {
  makeEvent,
  makeTempDir,
  removeDir,
  writeFile,
  writeStream,
} from "./support/logFixtures.js";

let dir: string;
let acmeFile: string;
let betaFile: string;

beforeEach(() => {
  dir = makeTempDir("designations-find-");
  acmeFile = writeStream(dir, "dod-1237", "acme", [
    makeEvent("acme/dod-1237", 1, "Listed", "2021-01-14"),
    makeEvent("acme/dod-1237", 2, "ChallengeFiled", "2021-01-29"),
    makeEvent("acme/dod-1237", 3, "Noted", "2021-02-05", { id: "acme-hearing" }),
  ]);
  betaFile = writeStream(dir, "ofac-ns-cmic", "beta", [
    makeEvent("beta/ofac-ns-cmic", 1, "Listed", "2021-06-03"),
    makeEvent("beta/ofac-ns-cmic", 2, "Delisted", "2022-01-01", { id: "acme-dod-1237-10" }),
  ]);
});

afterEach(() => {
  removeDir(dir);
});

describe("locateEvent", () => {
  it("gives the file, line, program and company of the event with that id", () => {
    expect(locateEvent(dir, "acme-hearing")).toEqual({
      file: acmeFile,
      line: 3,
      program: "dod-1237",
      company: "acme",
    });
    expect(locateEvent(dir, "beta-ofac-ns-cmic-1")).toEqual({
      file: betaFile,
      line: 1,
      program: "ofac-ns-cmic",
      company: "beta",
    });
  });

  it("finds a line written by hand with its keys in another order and spaces", () => {
    writeFile(
      join(dir, "dod-1237/gamma.jsonl"),
      '{"stream": "gamma/dod-1237", "id": "gamma-odd", "seq": 1}\n',
    );
    expect(locateEvent(dir, "gamma-odd")).toMatchObject({ company: "gamma", line: 1 });
  });

  it("matches the whole id, not a prefix of a longer one", () => {
    expect(locateEvent(dir, "acme-dod-1237-1")).toMatchObject({ file: acmeFile, line: 1 });
    expect(locateEvent(dir, "acme-dod-1237-10")).toMatchObject({ file: betaFile, line: 2 });
    expect(locateEvent(dir, "acme-dod-1237")).toBeUndefined();
    expect(locateEvent(dir, "acme-dod-1237-")).toBeUndefined();
  });

  it("does not take an id named in another event's data for that event's own", () => {
    writeStream(dir, "dod-1237", "gamma", [
      makeEvent("gamma/dod-1237", 1, "Listed", "2021-01-14"),
      makeEvent("gamma/dod-1237", 2, "Retracted", "2021-02-01", {
        data: { retracts: "gamma-dod-1237-1" },
      }),
    ]);
    expect(locateEvent(dir, "gamma-dod-1237-1")).toMatchObject({ line: 1 });
    expect(locateEvent(dir, "gamma-dod-1237-3")).toBeUndefined();
  });

  it("is undefined for an id no line has, and for a missing events folder", () => {
    expect(locateEvent(dir, "nope")).toBeUndefined();
    expect(locateEvent(join(dir, "missing"), "acme-hearing")).toBeUndefined();
  });

  it("reads only the stream files <program>/<company>.jsonl", () => {
    const line = `${JSON.stringify({ id: "stray" })}\n`;
    writeFile(join(dir, "stray.jsonl"), line);
    writeFile(join(dir, "dod-1237", "notes.txt"), line);
    writeFile(join(dir, "dod-1237", "acme.jsonl.bak"), line);
    expect(locateEvent(dir, "stray")).toBeUndefined();
  });
});

describe("eventLines", () => {
  it("says where each event stands as file:line, in one pass over the log", () => {
    const lines = eventLines(dir);
    expect(lines.get("acme-dod-1237-2")).toBe(`${acmeFile}:2`);
    expect(lines.get("acme-dod-1237-10")).toBe(`${betaFile}:2`);
    expect(lines.size).toBe(5);
  });

  it("has no entry for an id no line has, and none at all for a missing events folder", () => {
    expect(eventLines(dir).get("acme-dod-1237-9")).toBeUndefined();
    expect(eventLines(join(dir, "missing")).size).toBe(0);
  });

  it("takes a line's envelope id, not an id its data names", () => {
    writeStream(dir, "dod-1237", "gamma", [
      makeEvent("gamma/dod-1237", 1, "Listed", "2021-01-14"),
      makeEvent("gamma/dod-1237", 2, "Retracted", "2021-02-01", {
        data: { retracts: "gamma-dod-1237-1" },
      }),
    ]);
    const lines = eventLines(dir);
    expect(lines.get("gamma-dod-1237-1")).toMatch(/gamma\.jsonl:1$/);
    expect(lines.get("gamma-dod-1237-2")).toMatch(/gamma\.jsonl:2$/);
  });
});

describe("idLocator", () => {
  it("finds each id where eventLines does, and nothing for an id no line has", () => {
    const lineOf = idLocator(dir);
    for (const [id, line] of eventLines(dir)) expect(lineOf(id)).toBe(line);
    expect(lineOf("acme-dod-1237-9")).toBeUndefined();
    expect(idLocator(join(dir, "missing"))("acme-hearing")).toBeUndefined();
  });

  it("sees a line appended since its files were last read", () => {
    idLocator(dir); // reads and keeps every file's ids
    writeStream(dir, "dod-1237", "acme", [
      makeEvent("acme/dod-1237", 1, "Listed", "2021-01-14"),
      makeEvent("acme/dod-1237", 2, "ChallengeFiled", "2021-01-29"),
      makeEvent("acme/dod-1237", 3, "Noted", "2021-02-05", { id: "acme-hearing" }),
      makeEvent("acme/dod-1237", 4, "Noted", "2021-02-06", { id: "acme-later" }),
    ]);
    expect(idLocator(dir)("acme-later")).toBe(`${acmeFile}:4`);
  });

  it("reads only the lines a file gained, numbering them on from the lines it had", () => {
    idLocator(dir);
    const later = makeEvent("acme/dod-1237", 4, "Noted", "2021-02-06", { id: "acme-appended" });
    appendFileSync(acmeFile, `${JSON.stringify(later)}\n`);
    expect(idLocator(dir)("acme-appended")).toBe(`${acmeFile}:4`);
    expect(idLocator(dir)("acme-hearing")).toBe(`${acmeFile}:3`);
  });

  it("reads a file again whole when it was rewritten in place, even if it grew", () => {
    idLocator(dir);
    writeStream(dir, "dod-1237", "acme", [
      makeEvent("acme/dod-1237", 1, "Listed", "2021-01-14", { id: "acme-rewritten-first" }),
      makeEvent("acme/dod-1237", 2, "ChallengeFiled", "2021-01-29"),
      makeEvent("acme/dod-1237", 3, "Noted", "2021-02-05", { id: "acme-hearing-moved" }),
      makeEvent("acme/dod-1237", 4, "Noted", "2021-02-06", { id: "acme-later" }),
    ]);
    const lineOf = idLocator(dir);
    expect(lineOf("acme-hearing")).toBeUndefined();
    expect(lineOf("acme-hearing-moved")).toBe(`${acmeFile}:3`);
    expect(lineOf("acme-rewritten-first")).toBe(`${acmeFile}:1`);
  });
});
