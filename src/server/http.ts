import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { ProblemError } from "./problem.js";

/**
 * The media type of `offered` that the request's `Accept` header prefers (the first offered on
 * a tie; the first when there is no header), or a 406 problem when it accepts none of them.
 *
 * @example
 * negotiate("text/csv, application/json;q=0.5", ["application/json", "text/csv"]); // "text/csv"
 */
export function negotiate(accept: string | undefined, offered: readonly string[]): string {
  const first = offered[0] as string;
  if (accept === undefined || accept.trim() === "") return first;
  const ranges = accept.split(",").flatMap((part) => {
    const [range = "", ...params] = part.split(";").map((piece) => piece.trim());
    const q = params.find((param) => /^q=/i.test(param));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    return range === "" || Number.isNaN(quality) ? [] : [{ range: range.toLowerCase(), quality }];
  });
  let best: { type: string; quality: number } | undefined;
  for (const type of offered) {
    const [major] = type.split("/");
    const match = ranges
      .map(({ range, quality }) => ({
        quality,
        specificity: range === type ? 2 : range === `${major}/*` ? 1 : range === "*/*" ? 0 : -1,
      }))
      .filter((m) => m.specificity >= 0)
      .sort((a, b) => b.specificity - a.specificity)[0];
    if (
      match !== undefined &&
      match.quality > 0 &&
      (best === undefined || match.quality > best.quality)
    ) {
      best = { type, quality: match.quality };
    }
  }
  if (best === undefined) {
    throw new ProblemError(
      406,
      "not-acceptable",
      `this resource is available as ${offered.join(" or ")}, which the Accept header (${accept.slice(0, 200)}) does not accept`,
    );
  }
  return best.type;
}

/**
 * Sets the answer's `ETag`, a hash of everything it depends on (the stream heads it reads, the
 * date taken for today, the media type), and sends `304 Not Modified` when the request's
 * `If-None-Match` holds it. True when the 304 was sent.
 *
 * @example
 * if (notModified(request, reply, [logHeads(dir, "xiaomi"), today, "application/json"])) return reply;
 */
export function notModified(
  request: FastifyRequest,
  reply: FastifyReply,
  dependsOn: readonly string[],
): boolean {
  const tag = `"${createHash("sha256").update(dependsOn.join("\0")).digest("base64url").slice(0, 32)}"`;
  reply.header("etag", tag);
  const ifNoneMatch = request.headers["if-none-match"];
  if (ifNoneMatch === undefined) return false;
  const tags = ifNoneMatch.split(",").map((t) => t.trim().replace(/^W\//, ""));
  if (!tags.includes(tag) && !tags.includes("*")) return false;
  reply.code(304).send();
  return true;
}

/**
 * Whether an `Authorization` header carries `Bearer <token>`, compared in constant time (the
 * hashes of both, so their lengths tell nothing either).
 *
 * @example
 * bearerMatches("Bearer s3cret", "s3cret"); // true
 */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  const given = /^Bearer +(\S+) *$/i.exec(authorization ?? "")?.[1] ?? "";
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(token)) && given !== "";
}

/**
 * The expected seq an `If-Match` header gives (`3`, `"3"` or `W/"3"`), if any.
 *
 * @example
 * expectedSeqOf('"3"'); // 3
 */
export function expectedSeqOf(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined) return undefined;
  return Number(ifMatch.replace(/^W\//, "").replaceAll('"', ""));
}
