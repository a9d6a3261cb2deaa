import { describe, expect, it } from "vitest";
import { RecentMap } from "../../src/domain/recentMap.js";

describe("RecentMap", () => {
  it("keeps what is asked for lately and forgets what is not, two generations of `limit` at most", () => {
    const map = new RecentMap<string, number>(2);
    map.set("a", 1);
    map.set("b", 2);
    map.set("c", 3); // a and b are now the previous generation
    expect(map.get("a")).toBe(1); // moved back into the current: c, a
    map.set("d", 4); // c and a become the previous; b is forgotten
    expect(map.get("b")).toBeUndefined();
    expect(map.get("a")).toBe(1);
    expect(map.get("c")).toBe(3);
    expect(map.get("d")).toBe(4);
  });

  it("holds no more than twice its limit, however many keys go through it", () => {
    const map = new RecentMap<number, number>(100);
    for (let key = 0; key < 10_000; key++) map.set(key, key);
    let kept = 0;
    for (let key = 0; key < 10_000; key++) if (map.get(key) !== undefined) kept += 1;
    expect(kept).toBeLessThanOrEqual(200);
    expect(map.get(9_999)).toBe(9_999);
  });
});
