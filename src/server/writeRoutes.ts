import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { appendCorrection } from "../app/appendCorrection.js";
import { type AppendResult, appendEvent, type EventDraft } from "../app/appendEvents.js";
import { AppendRejectedError } from "../app/errors.js";
import { addEntries, entriesNeeded } from "../app/registerCompanies.js";
import { bearerMatches, expectedSeqOf } from "./http.js";
import { ProblemError } from "./problem.js";
import {
  CorrectionBody,
  EventDraftBody,
  EventParams,
  NoQuery,
  RetractionBody,
  StreamParams,
  WriteHeaders,
  answers,
} from "./schemas.js";

/** Who may write, and where. */
export interface WriteContext {
  eventsDir: string;
  /** The bearer token a write must carry; none: the server is read-only. */
  writeToken?: string;
  /** False when the folder is a replica of a shared store, which keeps the durable copy. */
  durable?: boolean;
}

/**
 * The write routes: append an event to a stream, correct or retract one. Each needs
 * `Authorization: Bearer <token>` (401 without it, nothing read or written; 403 on a read-only
 * server); `If-Match: <seq>` makes it conditional on the stream's last seq (412 when it moved).
 *
 * @example
 * writeRoutes(app, { eventsDir: "events", writeToken: process.env.DESIGNATIONS_WRITE_TOKEN });
 */
export function writeRoutes(app: FastifyInstance, context: WriteContext): void {
  const dir = context.eventsDir;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const authorize = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (context.writeToken === undefined || context.writeToken === "") {
      throw new ProblemError(
        403,
        "read-only",
        "this server is read-only: start it with DESIGNATIONS_WRITE_TOKEN set to accept writes",
      );
    }
    if (!bearerMatches(request.headers.authorization, context.writeToken)) {
      reply.header("www-authenticate", 'Bearer realm="designations"');
      throw new ProblemError(
        401,
        "unauthorized",
        "a write needs the header Authorization: Bearer <token>, with the server's write token",
      );
    }
    done();
  };
  const security = [{ bearer: [] }];
  const written201 = answers([
    { status: 201, type: "application/json", description: "appended: the stored event" },
    { status: 200, type: "application/json", description: "already there: the event" },
  ]);

  routes.post(
    "/streams/:company/:program/events",
    {
      onRequest: authorize,
      schema: {
        summary: "append an event to a stream (append)",
        description:
          "201 with the stored event, or 200 when an identical event with the same id is already there (nothing written).",
        tags: ["events"],
        security,
        response: written201,
        params: StreamParams,
        querystring: NoQuery,
        headers: WriteHeaders,
        body: EventDraftBody,
      },
    },
    (request, reply) => {
      const { company, program } = request.params;
      const body = request.body;
      for (const field of ["company", "program"] as const) {
        if (body[field] !== undefined && body[field] !== request.params[field]) {
          throw new AppendRejectedError(
            `${company}/${program}`,
            `"${body[field]}" is not the ${field} of the path, ${request.params[field]}`,
            field,
          );
        }
      }
      const draft: EventDraft = {
        company,
        program,
        type: body.type,
        effective: body.effective,
        known: body.known,
        precision: body.precision,
        data: {
          ...body.data,
          ...(body.description === undefined ? {} : { description: body.description }),
        },
        sources: body.sources,
        confidence: body.confidence ?? "medium",
        id: body.id,
      };
      if (body.description !== undefined && body.data?.description !== undefined) {
        throw new AppendRejectedError(
          `${company}/${program}`,
          "description and a description in data cannot be given together",
          "description",
        );
      }
      const expectedSeq = expectedSeqOf(request.headers["if-match"]);
      const entries = entriesNeeded(dir, [{ company, program, name: body.companyName }]);
      const append = (dryRun: boolean) =>
        appendEvent(dir, draft, { expectedSeq, dryRun, durable: context.durable });
      // Checked first, then the registry entry, then the event: never a stream without an entry.
      if (entries.length > 0) append(true);
      addEntries(dir, entries);
      return written(reply, append(false));
    },
  );

  for (const type of ["Corrected", "Retracted"] as const) {
    const corrects = type === "Corrected";
    routes.post(
      corrects ? "/events/:id/corrections" : "/events/:id/retractions",
      {
        onRequest: authorize,
        schema: {
          summary: corrects
            ? "correct an event with a Corrected event (correct)"
            : "retract an event with a Retracted event (retract)",
          tags: ["events"],
          security,
          response: written201,
          params: EventParams,
          querystring: NoQuery,
          headers: WriteHeaders,
          body: corrects ? CorrectionBody : RetractionBody,
        },
      },
      (request, reply) => {
        const body = request.body as {
          known: string;
          effective?: string;
          precision?: "day" | "month";
          data?: Record<string, unknown>;
          description?: string;
          sources: EventDraft["sources"];
          confidence?: EventDraft["confidence"];
          id?: string;
        };
        const changes = corrects
          ? { effective: body.effective, precision: body.precision, data: body.data }
          : undefined;
        if (changes !== undefined && Object.values(changes).every((v) => v === undefined)) {
          throw new ProblemError(
            422,
            "event-rejected",
            "say what to correct: effective, precision or data",
            { field: "effective" },
          );
        }
        const result = appendCorrection(
          dir,
          {
            target: request.params.id,
            type,
            known: body.known,
            changes,
            description: body.description,
            sources: body.sources,
            confidence: body.confidence ?? "medium",
            id: body.id,
          },
          { expectedSeq: expectedSeqOf(request.headers["if-match"]), durable: context.durable },
        );
        return written(reply, result);
      },
    );
  }
}

/** 201 and where the new event is, or 200 when it was there already. */
function written(reply: FastifyReply, result: AppendResult): FastifyReply {
  const { outcome, event } = result;
  if (outcome === "appended") {
    reply.code(201).header("location", `/events/${encodeURIComponent(event.id)}`);
  }
  return reply.type("application/json; charset=utf-8").send(JSON.stringify({ outcome, event }));
}
