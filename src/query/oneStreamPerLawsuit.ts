import type { Timeline } from "../domain/timeline.js";

/**
 * The timelines with each lawsuit once: one suit against a designation that put a company on two
 * lists (Xiaomi's, against DoD and Treasury) is recorded on both streams, but is one case. A suit
 * is known by its company and the docket of its first challenge (or, without a docket, its date);
 * the first stream in the log's order keeps it.
 *
 * @example
 * oneStreamPerLawsuit(timelines).filter((t) => t.company === "xiaomi").map((t) => t.stream); // ["xiaomi/dod-1237"]
 */
export function oneStreamPerLawsuit(timelines: readonly Timeline[]): Timeline[] {
  const seen = new Set<string>();
  return timelines.filter((timeline) => {
    const filed = timeline.steps.find((step) => step.event.type === "ChallengeFiled")?.event;
    if (filed === undefined) return true;
    const docket = "docket" in filed.data ? filed.data.docket : undefined;
    const key = `${timeline.company} ${docket ?? filed.effective}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
