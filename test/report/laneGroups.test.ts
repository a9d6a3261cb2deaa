import { describe, expect, it } from "vitest";
import type { Company } from "../../src/domain/companySchema.js";
import { laneGroups } from "../../src/report/laneGroups.js";

function company(id: string, parent?: string): Company {
  return {
    id,
    name: id.toUpperCase(),
    aliases: [],
    identifiers: {},
    ...(parent ? { parent } : {}),
  };
}

const lanesOf = (...companies: string[]) => companies.map((id) => ({ company: id }));

describe("laneGroups", () => {
  it("given no parents, makes each company its own group, by id, its lanes in their order", () => {
    const lanes = lanesOf("b", "a", "b", "c");
    expect(laneGroups(lanes, [company("a"), company("b"), company("c")])).toEqual([
      { head: "a", members: [{ lane: 1, depth: 0 }] },
      {
        head: "b",
        members: [
          { lane: 0, depth: 0 },
          { lane: 2, depth: 0 },
        ],
      },
      { head: "c", members: [{ lane: 3, depth: 0 }] },
    ]);
  });

  it("puts a subsidiary's lanes right under its parent's, and a subsidiary's subsidiary under it", () => {
    const registry = [
      company("group"),
      company("zeta", "group"),
      company("alpha", "group"),
      company("alpha-unit", "alpha"),
      company("other"),
    ];
    const lanes = lanesOf("alpha", "alpha-unit", "group", "group", "other", "zeta", "alpha");
    expect(laneGroups(lanes, registry)).toEqual([
      {
        head: "group",
        members: [
          { lane: 2, depth: 0 },
          { lane: 3, depth: 0 },
          { lane: 0, depth: 1 },
          { lane: 6, depth: 1 },
          { lane: 1, depth: 2 },
          { lane: 5, depth: 1 },
        ],
      },
      { head: "other", members: [{ lane: 4, depth: 0 }] },
    ]);
  });

  it("lets a parent without lanes, or without a registry entry, head its subsidiaries' group", () => {
    const registry = [company("holding"), company("maker", "holding"), company("lab", "unknown")];
    expect(laneGroups(lanesOf("lab", "maker"), registry)).toEqual([
      { head: "holding", members: [{ lane: 1, depth: 1 }] },
      { head: "unknown", members: [{ lane: 0, depth: 1 }] },
    ]);
  });

  it("cuts a loop of parents at its smallest id, which heads the group", () => {
    const registry = [company("b", "c"), company("c", "b"), company("d", "c"), company("e", "e")];
    expect(laneGroups(lanesOf("d", "c", "b", "e"), registry)).toEqual([
      {
        head: "b",
        members: [
          { lane: 2, depth: 0 },
          { lane: 1, depth: 1 },
          { lane: 0, depth: 2 },
        ],
      },
      { head: "e", members: [{ lane: 3, depth: 0 }] },
    ]);
  });

  it("groups companies the registry does not know on their own", () => {
    expect(laneGroups(lanesOf("x", "y"), [])).toEqual([
      { head: "x", members: [{ lane: 0, depth: 0 }] },
      { head: "y", members: [{ lane: 1, depth: 0 }] },
    ]);
  });
});
