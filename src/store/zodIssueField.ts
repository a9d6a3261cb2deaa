import type { z } from "zod";

/**
 * The dotted path of the field a zod issue is about. An unknown key is reported on its parent
 * object: then the key itself is named.
 *
 * @example
 * zodIssueField({ code: "unrecognized_keys", keys: ["extra"], path: ["data"], ... }); // "data.extra"
 */
export function zodIssueField(issue: z.core.$ZodIssue, whole = "(file)"): string {
  const parts = issue.path.map(String);
  if (
    issue.code === "unrecognized_keys" &&
    issue.keys.length === 1 &&
    issue.keys[0] !== undefined
  ) {
    parts.push(issue.keys[0]);
  }
  return parts.length === 0 ? whole : parts.join(".");
}
