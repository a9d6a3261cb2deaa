import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GENESIS, lineHash } from "../../src/store/integrityChain.js";

describe("GENESIS", () => {
  it("is 64 zeros, the prev of a stream's first line", () => {
    expect(GENESIS).toBe("0000000000000000000000000000000000000000000000000000000000000000");
    expect(GENESIS).toMatch(/^0{64}$/);
  });
});

describe("lineHash", () => {
  it("of the empty line is the SHA-256 of no bytes", () => {
    expect(lineHash("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("is the SHA-256 of the line's UTF-8 bytes, in lowercase hex", () => {
    expect(lineHash("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    const line = '{"id":"acme-dod-1237-1","description":"Xiaomi 小米 — “quoted”"}';
    expect(lineHash(line)).toBe(
      createHash("sha256").update(Buffer.from(line, "utf8")).digest("hex"),
    );
    expect(lineHash(line)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("hashes the text exactly as stored: whitespace and key order count", () => {
    const line = '{"a":1,"b":2}';
    const variants = ['{"b":2,"a":1}', '{"a": 1,"b":2}', `${line} `, `${line}\r`, `${line}\n`];
    for (const variant of variants) expect(lineHash(variant), variant).not.toBe(lineHash(line));
    expect(lineHash(line)).toBe(lineHash('{"a":1,"b":2}'));
  });
});
