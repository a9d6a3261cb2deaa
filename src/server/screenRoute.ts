import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { logHeads } from "../app/logHeads.js";
import { type ScreenOutputFormat, screenFile } from "../app/screenFile.js";
import { ScreenRecord } from "../app/screenRecord.js";
import type { IsoDate } from "../domain/isoDate.js";
import { SCREEN_ACTIONS, screenActionOf } from "../domain/screenActions.js";
import { negotiate } from "./http.js";
import { PROBLEM_TYPE, problemOf, ProblemError } from "./problem.js";
import { DateParam, answers } from "./schemas.js";

const JSON_TYPE = "application/json";
const CSV_TYPE = "text/csv";
const JSONL_TYPE = "application/x-ndjson";

/** The largest file `POST /screen` takes: a larger one is for the CLI, which streams it. */
export const SCREEN_BODY_LIMIT = 4 * 1024 * 1024;

const ScreenQuery = z.strictObject({
  at: DateParam.optional().meta({
    description: "the date of rows that give none (default: today)",
  }),
  action: z
    .string()
    .refine((value) => screenActionOf(value) !== undefined, {
      error: (issue) =>
        `"${String(issue.input)}" is not an action; use one of ${SCREEN_ACTIONS.join(", ")}`,
    })
    .optional()
    .meta({ description: `the action of rows that give none: ${SCREEN_ACTIONS.join(", ")}` }),
  "known-at-trade": z
    .enum(["true", "false"])
    .optional()
    .meta({ description: "also answer as the record knew it on each row's date" }),
  format: z
    .enum(["csv", "jsonl", "json"], {
      error: (issue) => `"${String(issue.input)}" is not a format; use one of csv, jsonl, json`,
    })
    .optional()
    .meta({ description: "the answer's form (default: by the Accept header, JSON first)" }),
  "name-column": z.string().optional(),
  "id-column": z.string().optional(),
  "date-column": z.string().optional(),
  "action-column": z.string().optional(),
});

const ScreenBody = z
  .union([
    z.string().meta({ description: "CSV (text/csv) or JSON Lines (application/x-ndjson)" }),
    z.array(z.record(z.string(), z.unknown())).meta({ description: "JSON: the rows as objects" }),
    z.strictObject({ rows: z.array(z.record(z.string(), z.unknown())) }),
  ])
  .meta({ description: "the rows to screen, with a header (CSV) or field names (JSON)" });

/**
 * `POST /screen`: the `screen` command over HTTP. The body is the file: CSV (`text/csv`), JSON
 * Lines (`application/x-ndjson`) or JSON (an array of row objects, or `{"rows": [...]}`), at most
 * `SCREEN_BODY_LIMIT` bytes (413 beyond). The answer is the command's, in the form the `format`
 * parameter or the Accept header asks (JSON `{"rows", "summary"}` by default, CSV, JSON Lines).
 * A row that cannot be screened makes the answer a 422 problem that lists each such row's line,
 * field and message, with the other rows answered in its `rows` and the `summary`; a body that
 * cannot be read as its format is a 400 problem. The record is loaded once per state of the log.
 *
 * @example
 * screenRoute(app, { eventsDir: "events", today: () => "2026-11-30" });
 */
export function screenRoute(
  app: FastifyInstance,
  context: { eventsDir: string; today: () => IsoDate },
): void {
  const dir = context.eventsDir;
  let loaded: { heads: string; record: ScreenRecord } | undefined;
  const recordNow = () => {
    const heads = logHeads(dir);
    if (loaded?.heads !== heads) loaded = { heads, record: new ScreenRecord(dir) };
    return loaded.record;
  };
  app.addContentTypeParser(
    [CSV_TYPE, JSONL_TYPE],
    { parseAs: "string", bodyLimit: SCREEN_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );
  app.withTypeProvider<ZodTypeProvider>().post(
    "/screen",
    {
      bodyLimit: SCREEN_BODY_LIMIT,
      schema: {
        summary: "screen a file of holdings, trades or contracts (screen)",
        description:
          "Each row's match, lists, effects and verdict (prohibited, review, clear) on its own date, as `designations screen` answers it.",
        tags: ["screening"],
        querystring: ScreenQuery,
        body: ScreenBody,
        response: answers([
          { status: 200, type: JSON_TYPE, description: '{"rows": [...], "summary": {...}}' },
          { status: 200, type: CSV_TYPE, description: "the rows' columns, then the answer's" },
          { status: 200, type: JSONL_TYPE, description: "one object per row" },
        ]),
      },
    },
    (request, reply) => {
      const query = request.query;
      const offered = { json: JSON_TYPE, csv: CSV_TYPE, jsonl: JSONL_TYPE } as const;
      const type =
        query.format === undefined
          ? negotiate(request.headers.accept, [JSON_TYPE, CSV_TYPE, JSONL_TYPE])
          : negotiate(request.headers.accept, [offered[query.format]]);
      const format: ScreenOutputFormat =
        type === CSV_TYPE ? "csv" : type === JSONL_TYPE ? "jsonl" : "json";
      const body = request.body;
      const csv = typeof body === "string" && request.headers["content-type"]?.startsWith(CSV_TYPE);
      const text =
        typeof body === "string"
          ? body
          : (Array.isArray(body) ? body : body.rows).map((row) => JSON.stringify(row)).join("\n");
      const action = query.action === undefined ? undefined : screenActionOf(query.action);
      const request_ = {
        source: { file: "the request's body", text },
        inputFormat: csv ? ("csv" as const) : ("jsonl" as const),
        columns: {
          name: query["name-column"],
          id: query["id-column"],
          date: query["date-column"],
          action: query["action-column"],
        },
        at: query.at ?? context.today(),
        ...(action === undefined ? {} : { action }),
        knownThen: query["known-at-trade"] === "true",
      };
      const parts: string[] = [];
      const record = recordNow();
      const { summary, issues } = screenFile(record, { ...request_, format }, (part) =>
        parts.push(part),
      );
      if (issues.length === 0) {
        const charset = format === "csv" ? "; charset=utf-8; header=present" : "; charset=utf-8";
        return reply.type(type + charset).send(parts.join(""));
      }
      // The answered rows come with the problem, as JSON whatever was asked.
      const rows: string[] = [];
      if (format !== "json") {
        screenFile(record, { ...request_, format: "jsonl" }, (part) => rows.push(part));
      }
      const answered =
        format === "json"
          ? (JSON.parse(parts.join("")) as { rows: unknown[] }).rows
          : rows
              .join("")
              .trim()
              .split("\n")
              .map((line) => JSON.parse(line) as unknown);
      const problem = problemOf(
        new ProblemError(
          422,
          "rows-not-screened",
          `${issues.length} of ${summary.rows} rows could not be screened; the others are answered in rows`,
          {
            errors: issues.map((issue) => ({
              field: `line ${issue.line ?? "?"}${issue.field === undefined ? "" : `: ${issue.field}`}`,
              detail: issue.message,
            })),
            rows: answered,
            summary,
          },
        ),
      );
      return reply.code(422).type(PROBLEM_TYPE).send(JSON.stringify(problem));
    },
  );
}
