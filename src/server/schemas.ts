import { z } from "zod";
import { IsoDateSchema, SlugSchema } from "../domain/eventSchema.js";
import { EVENT_TYPES } from "../domain/eventTypes.js";
import { HEADLINE_STATUSES } from "../domain/lifecycleState.js";
import { EXPORT_FORMATS, EXPORT_WHATS } from "../app/exportLog.js";

/**
 * The zod schemas of the server's requests: they validate each request (a bad one is a 400
 * problem naming the field) and are the source of the OpenAPI document. Their messages are the
 * CLI's, with the parameter's name where the CLI names its flag.
 */

/** The earliest date a question is asked about, as in the CLI. */
const EARLIEST_DATE = "1900-01-01";

/** A calendar date `YYYY-MM-DD` from 1900 on: the domain's date schema, as the CLI checks a date flag. */
export const DateParam = IsoDateSchema.refine((value) => value >= EARLIEST_DATE, {
  error: (issue) => `${String(issue.input)} is before ${EARLIEST_DATE}, earlier than any answer`,
}).meta({ description: "a date YYYY-MM-DD", example: "2021-04-01" });

const RecordedAt = z.iso
  .datetime({
    offset: true,
    error: (issue) =>
      `"${String(issue.input)}" is not an instant such as 2026-11-23T12:00:00Z (with its zone)`,
  })
  .meta({ description: "answer only from what the log held at this instant" });

const ProgramParam = z
  .string()
  .meta({ description: "only this program (e.g. dod-1237)", example: "dod-1237" });

/** `known-at` and `recorded-at`: the view of the log, as `--known-at` and `--recorded-at`. */
const view = {
  "known-at": DateParam.optional().meta({
    description: "answer only from what was public by this date",
  }),
  "recorded-at": RecordedAt.optional(),
};

export const CompanyParams = z.strictObject({
  company: z.string().min(1).meta({
    description: "an id (xiaomi), the full name or any other name of the registry",
    example: "xiaomi",
  }),
});

export const StreamParams = z.strictObject({
  company: SlugSchema.meta({ example: "xiaomi" }),
  program: SlugSchema.meta({ example: "dod-1237" }),
});

export const ProgramParams = z.strictObject({ program: ProgramParam });

export const EventParams = z.strictObject({
  id: z.string().min(1).max(200).meta({ example: "xiaomi-dod-1237-0001" }),
});

export const StatusQuery = z.strictObject({
  at: DateParam.optional().meta({ description: "the date to ask about (default: today)" }),
  program: ProgramParam.optional(),
  ...view,
});

export const TimelineQuery = z.strictObject({ program: ProgramParam.optional(), ...view });

export const EffectsQuery = z.strictObject({
  at: DateParam.optional().meta({ description: "the date to ask about (default: today)" }),
  timeline: z
    .enum(["true", "false"])
    .optional()
    .meta({ description: "true: every effect period over time instead (not with at)" }),
  program: ProgramParam.optional(),
  ...view,
});

export const ListQuery = z.strictObject({
  at: DateParam.optional().meta({ description: "the date (default: today)" }),
  status: z
    .enum(HEADLINE_STATUSES, {
      error: (issue) =>
        `"${String(issue.input)}" is not a status; use one of ${HEADLINE_STATUSES.join(", ")}`,
    })
    .optional(),
  program: ProgramParam.optional(),
  ...view,
});

export const SearchQuery = z.strictObject({
  q: z
    .string({ error: "is required: the text to search for" })
    .trim()
    .min(1, { error: "is required: the text to search for" })
    .max(1000, { error: "must be at most 1,000 characters" })
    .meta({ description: "an id, a name or part of one, misspelt or not", example: "xiaomy" }),
  limit: z
    .string()
    .regex(/^\d+$/, {
      error: (issue) => `"${String(issue.input)}" must be a whole number from 1 to 1000`,
    })
    .refine((text) => Number(text) >= 1 && Number(text) <= 1000, {
      error: (issue) => `"${String(issue.input)}" must be a whole number from 1 to 1000`,
    })
    .optional()
    .meta({ description: "at most this many companies (default: 10)" }),
});

export const ChangesQuery = z.strictObject({
  from: DateParam.meta({
    description: "the day of your last look (its own changes are not listed)",
  }),
  to: DateParam.optional().meta({ description: "up to and including this day (default: today)" }),
  program: ProgramParam.optional(),
  ...view,
});

/** No query parameter: any is a 400, as an unknown flag is bad usage. */
export const NoQuery = z.strictObject({});

export const ViewQuery = z.strictObject({ ...view });

export const ReportQuery = z.strictObject({
  company: z
    .union([z.string(), z.array(z.string()).max(100)])
    .optional()
    .meta({ description: "ids or names of companies, repeated (default: every stream)" }),
  program: ProgramParam.optional(),
  at: DateParam.optional().meta({ description: "where the date cursor starts" }),
  from: DateParam.optional().meta({ description: "the axis's first day" }),
  to: DateParam.optional().meta({ description: "the axis's last day" }),
  ...view,
});

export const ExportQuery = z.strictObject({
  format: z
    .enum(EXPORT_FORMATS, {
      error: (issue) =>
        `"${String(issue.input)}" is not a format; use one of ${EXPORT_FORMATS.join(", ")}`,
    })
    .optional()
    .meta({ description: "csv, jsonl or cloudevents (default: by the Accept header)" }),
  what: z
    .enum(EXPORT_WHATS, {
      error: (issue) => `"${String(issue.input)}" is not one of ${EXPORT_WHATS.join(", ")}`,
    })
    .optional(),
  raw: z.enum(["true", "false"]).optional().meta({ description: "CSV cells exactly as they are" }),
  program: ProgramParam.optional(),
  ...view,
});

const SourceBody = z.strictObject({ publisher: z.string(), title: z.string(), url: z.string() });

const citation = {
  sources: z.array(SourceBody).max(50).meta({ description: "where the fact comes from" }),
  confidence: z.enum(["high", "medium", "low"]).optional().meta({ description: "default: medium" }),
  description: z.string().optional().meta({ description: "what happened (data.description)" }),
  id: z
    .string()
    .optional()
    .meta({ description: "the event's id: re-sending an identical event with it is a no-op" }),
};

/** An event to append: the fields of an import line; the stream is the path's. */
export const EventDraftBody = z
  .strictObject({
    type: z.enum(EVENT_TYPES, {
      error: (issue) =>
        `"${String(issue.input)}" is not an event type; use one of ${EVENT_TYPES.join(", ")}`,
    }),
    effective: z.string(),
    known: z.string().optional(),
    precision: z.enum(["day", "month"]).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
    companyName: z
      .string()
      .optional()
      .meta({ description: "the company's full name, for a company the registry lacks" }),
    company: z.string().optional().meta({ description: "if given, the path's company" }),
    program: z.string().optional().meta({ description: "if given, the path's program" }),
    ...citation,
  })
  .meta({ id: "EventDraft" });

export const CorrectionBody = z
  .strictObject({
    known: z.string().meta({ description: "the date the correction became known" }),
    effective: z.string().optional().meta({ description: "the corrected effective date" }),
    precision: z.enum(["day", "month"]).optional(),
    data: z.record(z.string(), z.unknown()).optional().meta({
      description: "the corrected data fields (only those that change)",
    }),
    ...citation,
  })
  .meta({ id: "Correction" });

export const RetractionBody = z
  .strictObject({
    known: z.string().meta({ description: "the date the retraction became known" }),
    ...citation,
  })
  .meta({ id: "Retraction" });

export const WriteHeaders = z.object({
  "if-match": z
    .string()
    .regex(/^(?:W\/)?"?\d{1,15}"?$/, {
      error: "must be the stream's expected last seq, a whole number (0: a new stream)",
    })
    .optional()
    .meta({ description: "the stream's expected last seq: 412 if it is not" }),
});

/** An RFC 9457 problem, as every error answer is. */
export const ProblemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().meta({ description: "the CLI's message" }),
    field: z.string().optional().meta({ description: "the request field at fault" }),
    errors: z.array(z.object({ field: z.string(), detail: z.string() })).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details (application/problem+json)" });

const ANY = z.unknown();

/**
 * The answers a route documents: its successes (each a status, a media type and what it is) and
 * the problems every route may answer with. For the OpenAPI document only: the routes send
 * their answers as text, which no serializer touches (typed `unknown` so that no handler's type
 * depends on it).
 *
 * @example
 * answers([{ status: 200, type: "application/json", description: "status --json" }]);
 */
export function answers(
  successes: readonly { status: number; type: string; description: string }[],
): unknown {
  const problem = (description: string) => ({
    description,
    content: { "application/problem+json": { schema: ProblemSchema } },
  });
  const documented: Record<string, { description: string; content: Record<string, unknown> }> = {};
  for (const { status, type, description } of successes) {
    const entry = (documented[status] ??= { description, content: {} });
    if (!entry.description.includes(description)) entry.description += `; ${description}`;
    entry.content[type] = { schema: ANY };
  }
  return {
    ...documented,
    "4XX": problem("the request's fault: 400 a bad parameter, 404 unknown, 406, 413, 415..."),
    "5XX": problem("the server's: 500 a log that fails verification (with its problems)"),
  };
}
