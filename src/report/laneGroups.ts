import type { Company } from "../domain/companySchema.js";

/** The lanes of one company and its subsidiaries, as the report groups them by parent. */
export interface LaneGroup {
  /** The company at the top of the group's chain of parents (it may have no lane itself). */
  head: string;
  /**
   * The group's lanes: the head's first, then each subsidiary's under its own parent's
   * (subsidiaries of one parent by id), each with its depth below the head (0 for the head's).
   */
  members: { lane: number; depth: number }[];
}

/**
 * Groups lanes by the `parent` their companies' registry entries name: each company without a
 * parent heads its own group, a subsidiary joins the group of the top of its chain of parents
 * (a parent that is not in the registry still heads a group), right under its parent. Groups
 * come in the order of their heads' ids; a company's lanes keep their order. A loop of parents
 * (a registry error) is cut at the smallest id in it, which then heads the group.
 *
 * @example
 * laneGroups([{ company: "sub" }, { company: "group" }], [
 *   { id: "group", name: "Group", aliases: [], identifiers: {} },
 *   { id: "sub", name: "Sub", aliases: [], identifiers: {}, parent: "group" },
 * ]);
 * // [{ head: "group", members: [{ lane: 1, depth: 0 }, { lane: 0, depth: 1 }] }]
 */
export function laneGroups(
  lanes: readonly { company: string }[],
  companies: readonly Company[],
): LaneGroup[] {
  const parentOf = new Map<string, string>();
  for (const company of companies) {
    if (company.parent !== undefined) parentOf.set(company.id, company.parent);
  }
  const paths = new Map<string, string[]>();
  const groups = new Map<string, { lane: number; path: string[] }[]>();
  lanes.forEach((lane, index) => {
    let path = paths.get(lane.company);
    if (path === undefined) {
      path = pathFromHead(lane.company, parentOf);
      paths.set(lane.company, path);
    }
    const head = path[0] as string;
    groups.set(head, [...(groups.get(head) ?? []), { lane: index, path }]);
  });
  return [...groups.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([head, entries]) => ({
      head,
      // Array.prototype.sort is stable: a company's lanes keep their order.
      members: [...entries]
        .sort((a, b) => comparePaths(a.path, b.path))
        .map(({ lane, path }) => ({ lane, depth: path.length - 1 })),
    }));
}

/** The chain of parents from the top down to `id`: `[head, ..., parent, id]`. */
function pathFromHead(id: string, parentOf: ReadonlyMap<string, string>): string[] {
  const chain = [id];
  for (let next = parentOf.get(id); next !== undefined; next = parentOf.get(next)) {
    const seen = chain.indexOf(next);
    if (seen >= 0) {
      const loop = chain.slice(seen);
      const head = loop.reduce((min, company) => (company < min ? company : min));
      return chain.slice(0, chain.indexOf(head) + 1).reverse();
    }
    chain.push(next);
  }
  return chain.reverse();
}

function comparePaths(a: readonly string[], b: readonly string[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const order = compare(a[index] as string, b[index] as string);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
