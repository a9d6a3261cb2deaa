import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { companyNamed, knownCompanies } from "../app/companies.js";
import { exportLog, type ExportFormat } from "../app/exportLog.js";
import { loadRecord } from "../app/loadRecord.js";
import { listAt } from "../app/listAt.js";
import { loadCompanyTimelines } from "../app/loadTimelines.js";
import { logHeads } from "../app/logHeads.js";
import { reportOf } from "../app/reportOf.js";
import { streamEvents, streamOfEvent } from "../app/streamEvents.js";
import { verifyLog } from "../app/verifyLog.js";
import { UnknownProgramError } from "../app/errors.js";
import type { IsoDate } from "../domain/isoDate.js";
import type { LogView } from "../domain/logView.js";
import { changesBetween } from "../query/changesBetween.js";
import { effectsAt, effectsOf } from "../query/effectsOf.js";
import { listEditions } from "../query/listEditions.js";
import { searchCompanies } from "../query/searchCompanies.js";
import { statusAt } from "../query/statusAt.js";
import {
  changeJson,
  effectsStreamJson,
  searchListJson,
  statusJson,
  timelineJson,
  viewText,
} from "../report/answerJson.js";
import { AnswerCache } from "./answerCache.js";
import { negotiate, notModified } from "./http.js";
import { ProblemError } from "./problem.js";
import {
  ChangesQuery,
  CompanyParams,
  EffectsQuery,
  EventParams,
  ExportQuery,
  ListQuery,
  NoQuery,
  ProgramParams,
  ReportQuery,
  SearchQuery,
  StatusQuery,
  StreamParams,
  TimelineQuery,
  ViewQuery,
  answers,
} from "./schemas.js";

/** What every route needs: the events folder and the date it takes for today. */
export interface ServerContext {
  eventsDir: string;
  today: () => IsoDate;
}

const JSON_TYPE = "application/json";
const CSV_TYPE = "text/csv";
const JSONL_TYPE = "application/x-ndjson";

/** The view of the log that `known-at` and `recorded-at` ask for. */
function viewOf(query: { "known-at"?: string; "recorded-at"?: string }): LogView {
  const view: LogView = {};
  if (query["known-at"] !== undefined) view.knownAt = query["known-at"];
  if (query["recorded-at"] !== undefined) view.recordedAt = query["recorded-at"];
  return view;
}

function badParameter(field: string, detail: string): ProblemError {
  return new ProblemError(400, "bad-parameter", detail, { field });
}

/**
 * Answers with `body` (a JSON value, sent exactly as `JSON.stringify` writes it, as the CLI
 * prints it), unless the request's `If-None-Match` already holds its ETag.
 */
function sendJson(
  request: FastifyRequest,
  reply: FastifyReply,
  dependsOn: readonly string[],
  body: () => unknown,
): FastifyReply {
  negotiate(request.headers.accept, [JSON_TYPE]);
  const key = [...dependsOn, JSON_TYPE];
  if (notModified(request, reply, key)) return reply;
  const cache = cachesOf.get(request.server);
  const compute = () => JSON.stringify(body());
  const text = cache ? cache.answer(`${request.url}\0${key.join("\0")}`, compute) : compute();
  return reply.type(`${JSON_TYPE}; charset=utf-8`).send(text);
}

/** Each server's answers, by URL and the heads they depend on. */
const cachesOf = new WeakMap<FastifyInstance, AnswerCache>();

/**
 * The read routes: one per question the CLI answers, each with the CLI's `--json` shape.
 *
 * @example
 * readRoutes(app, { eventsDir: "events", today: () => "2026-11-30" });
 */
export function readRoutes(app: FastifyInstance, context: ServerContext): void {
  cachesOf.set(app, new AnswerCache());
  const dir = context.eventsDir;
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    "/companies/:company/status",
    {
      schema: {
        summary: "a company's status on a date, on each of its programs (status --json)",
        tags: ["companies"],
        response: answers([{ status: 200, type: JSON_TYPE, description: "status --json" }]),
        params: CompanyParams,
        querystring: StatusQuery,
      },
    },
    (request, reply) => {
      const query = request.query;
      const at = query.at ?? context.today();
      const view = viewOf(query);
      const { id } = companyNamed(dir, request.params.company);
      return sendJson(request, reply, [logHeads(dir, id), at], () => {
        const timelines = loadCompanyTimelines(dir, id, { program: query.program, view });
        const streams = timelines.map((timeline) =>
          statusJson(statusAt(timeline, at), effectsAt(effectsOf(timeline), at)),
        );
        return { company: id, at, knownAt: view.knownAt, recordedAt: view.recordedAt, streams };
      });
    },
  );

  routes.get(
    "/companies/:company/timeline",
    {
      schema: {
        summary: "a company's intervals of status on each of its programs (timeline --json)",
        tags: ["companies"],
        response: answers([{ status: 200, type: JSON_TYPE, description: "timeline --json" }]),
        params: CompanyParams,
        querystring: TimelineQuery,
      },
    },
    (request, reply) => {
      const query = request.query;
      const { id } = companyNamed(dir, request.params.company);
      return sendJson(request, reply, [logHeads(dir, id)], () => {
        const timelines = loadCompanyTimelines(dir, id, {
          program: query.program,
          view: viewOf(query),
        });
        return { company: id, streams: timelines.map(timelineJson) };
      });
    },
  );

  routes.get(
    "/companies/:company/effects",
    {
      schema: {
        summary: "a company's legal effects on a date, or over time (effects --json)",
        tags: ["companies"],
        response: answers([{ status: 200, type: JSON_TYPE, description: "effects --json" }]),
        params: CompanyParams,
        querystring: EffectsQuery,
      },
    },
    (request, reply) => {
      const query = request.query;
      const whole = query.timeline === "true";
      if (whole && query.at !== undefined) {
        throw badParameter("timeline", "at and timeline cannot be given together");
      }
      const at = query.at ?? context.today();
      const view = viewOf(query);
      const { id } = companyNamed(dir, request.params.company);
      return sendJson(request, reply, [logHeads(dir, id), at, String(whole)], () => {
        const timelines = loadCompanyTimelines(dir, id, { program: query.program, view });
        const streams = timelines.map((timeline) => {
          const all = effectsOf(timeline);
          return effectsStreamJson(timeline, whole ? all : effectsAt(all, at));
        });
        const when = whole ? { timeline: true } : { at };
        return {
          company: id,
          ...when,
          knownAt: view.knownAt,
          recordedAt: view.recordedAt,
          streams,
        };
      });
    },
  );

  routes.get(
    "/list",
    {
      schema: {
        summary: "every stream's status on a date, filtered by status or program (list --json)",
        tags: ["log"],
        response: answers([{ status: 200, type: JSON_TYPE, description: "list --json" }]),
        querystring: ListQuery,
      },
    },
    (request, reply) => {
      const query = request.query;
      const at = query.at ?? context.today();
      return sendJson(request, reply, [logHeads(dir), at], () => {
        const streams = listAt(dir, at, {
          status: query.status,
          program: query.program,
          view: viewOf(query),
        });
        return { at, streams: streams.map((s) => ({ company: s.company, ...statusJson(s) })) };
      });
    },
  );

  routes.get(
    "/search",
    {
      schema: {
        summary: "companies by any of their names, with their lists today (search --json)",
        description: "No company matching is an answer with no hits (the CLI exits 1).",
        tags: ["log"],
        response: answers([{ status: 200, type: JSON_TYPE, description: "search --json" }]),
        querystring: SearchQuery,
      },
    },
    (request, reply) => {
      const { q } = request.query;
      const limit = request.query.limit === undefined ? 10 : Number(request.query.limit);
      const at = context.today();
      return sendJson(request, reply, [logHeads(dir), at], () => {
        const hits = searchCompanies(q, knownCompanies(dir))
          .slice(0, limit)
          .map((hit) => ({
            ...hit,
            lists: loadCompanyTimelines(dir, hit.id).map((timeline) =>
              searchListJson(statusAt(timeline, at)),
            ),
          }));
        return { query: q, at, hits };
      });
    },
  );

  routes.get(
    "/changes",
    {
      schema: {
        summary: "who was added, removed, enjoined or vacated between two dates (changes --json)",
        tags: ["log"],
        response: answers([{ status: 200, type: JSON_TYPE, description: "changes --json" }]),
        querystring: ChangesQuery,
      },
    },
    (request, reply) => {
      const query = request.query;
      const { from } = query;
      const to = query.to ?? context.today();
      if (to < from) throw badParameter("to", `to ${to} is before from ${from}`);
      return sendJson(request, reply, [logHeads(dir), to], () => {
        const { timelines } = loadRecord(dir, viewOf(query));
        const programs = [...new Set(timelines.map((t) => t.program))].sort();
        if (query.program !== undefined && !programs.includes(query.program)) {
          throw new UnknownProgramError(query.program, programs);
        }
        const changes = changesBetween(timelines, from, to, query.program);
        return { from, to, changes: changes.map(changeJson) };
      });
    },
  );

  routes.get(
    "/programs/:program/editions",
    {
      schema: {
        summary: "a list's editions and notices, with what each changed (editions --json)",
        tags: ["log"],
        response: answers([{ status: 200, type: JSON_TYPE, description: "editions --json" }]),
        params: ProgramParams,
        querystring: ViewQuery,
      },
    },
    (request, reply) => {
      const { program } = request.params;
      return sendJson(request, reply, [logHeads(dir)], () => {
        const { timelines, editions } = loadRecord(dir, viewOf(request.query));
        const programs = [...new Set(timelines.map((t) => t.program))].sort();
        if (!programs.includes(program)) throw new UnknownProgramError(program, programs);
        return listEditions(editions, timelines, program);
      });
    },
  );

  routes.get(
    "/streams/:company/:program/events",
    {
      schema: {
        summary: "the events of one stream as the log holds them, and its last seq",
        tags: ["events"],
        response: answers([
          { status: 200, type: JSON_TYPE, description: "the stream, its seq, head and events" },
        ]),
        params: StreamParams,
        querystring: NoQuery,
      },
    },
    (request, reply) => {
      const { company, program } = request.params;
      return sendJson(request, reply, [logHeads(dir, company), program], () =>
        streamEvents(dir, company, program),
      );
    },
  );

  routes.get(
    "/events/:id",
    {
      schema: {
        summary: "one event of the log, by its id",
        response: answers([
          { status: 200, type: JSON_TYPE, description: "the event and its stream" },
        ]),
        tags: ["events"],
        params: EventParams,
        querystring: NoQuery,
      },
    },
    (request, reply) => {
      const { id } = request.params;
      const { company, program } = streamOfEvent(dir, id);
      return sendJson(request, reply, [logHeads(dir, company), id], () => {
        const stream = streamEvents(dir, company, program);
        return { stream: stream.stream, event: stream.events.find((event) => event.id === id) };
      });
    },
  );

  routes.get(
    "/verify",
    {
      schema: {
        summary: "check every file: schema, seq, ids, integrity chain, history (verify --json)",
        description:
          'Always 200 when the check ran: "ok" says whether the log passed, "problems" what failed.',
        tags: ["log"],
        response: answers([{ status: 200, type: JSON_TYPE, description: "verify --json" }]),
        querystring: NoQuery,
      },
    },
    (request, reply) =>
      sendJson(request, reply, [logHeads(dir)], () => {
        const { streams, problems, warnings } = verifyLog(dir);
        return { ok: problems.length === 0, streams, problems, warnings };
      }),
  );

  routes.get(
    "/report",
    {
      schema: {
        summary: "the HTML timeline report (report), one self-contained page",
        tags: ["log"],
        response: answers([{ status: 200, type: "text/html", description: "the report page" }]),
        querystring: ReportQuery,
      },
    },
    (request, reply) => {
      const query = request.query;
      const { from, to, at } = query;
      if (from !== undefined && to !== undefined && to <= from) {
        throw badParameter("to", `to ${to} must come after from ${from}`);
      }
      if (at !== undefined && from !== undefined && at < from) {
        throw badParameter(
          "at",
          `at ${at} is before from ${from}: the cursor would be off the axis`,
        );
      }
      if (at !== undefined && to !== undefined && at > to) {
        throw badParameter("at", `at ${at} is after to ${to}: the cursor would be off the axis`);
      }
      const type = negotiate(request.headers.accept, ["text/html"]);
      const today = context.today();
      const companies =
        query.company === undefined ? [] : [query.company].flat().filter((c) => c !== "");
      if (notModified(request, reply, [logHeads(dir), today, type])) return reply;
      const view = viewOf(query);
      const page = reportOf(dir, {
        companies,
        program: query.program,
        view,
        at,
        from,
        to,
        today,
        subtitleSuffix: viewText(view),
      });
      return reply.type("text/html; charset=utf-8").send(page.html);
    },
  );

  routes.get(
    "/export",
    {
      schema: {
        summary: "every stream's intervals or every event as CSV, JSON lines or CloudEvents",
        description:
          "The format is the format parameter's, else the Accept header's: text/csv for CSV, application/x-ndjson (the default) for JSON lines.",
        tags: ["log"],
        response: answers([
          { status: 200, type: JSONL_TYPE, description: "JSON lines (jsonl, cloudevents)" },
          { status: 200, type: CSV_TYPE, description: "CSV" },
        ]),
        querystring: ExportQuery,
      },
    },
    (request, reply) => {
      const query = request.query;
      const accept = request.headers.accept;
      let format: ExportFormat;
      let type: string;
      if (query.format === undefined) {
        type = negotiate(accept, [JSONL_TYPE, CSV_TYPE]);
        format = type === CSV_TYPE ? "csv" : "jsonl";
      } else {
        format = query.format;
        type = negotiate(accept, [format === "csv" ? CSV_TYPE : JSONL_TYPE]);
      }
      const what = query.what ?? (format === "cloudevents" ? "events" : "timelines");
      if (what === "timelines" && format === "cloudevents") {
        throw badParameter(
          "what",
          "what=timelines cannot be exported as CloudEvents: they describe events; use what=events, or format=csv or jsonl for timelines",
        );
      }
      const raw = query.raw === "true";
      if (raw && format !== "csv") {
        throw badParameter("raw", `raw is for CSV only: a ${format} export is always as it is`);
      }
      if (notModified(request, reply, [logHeads(dir), format, what, type])) return reply;
      const { text } = exportLog(dir, {
        what,
        format,
        program: query.program,
        view: viewOf(query),
        raw,
      });
      const charset = format === "csv" ? "; charset=utf-8; header=present" : "; charset=utf-8";
      return reply.type(type + charset).send(text);
    },
  );
}
