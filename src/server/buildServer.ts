import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { AppendRejectedError, ConcurrencyError } from "../app/errors.js";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import type { IsoDate } from "../domain/isoDate.js";
import { PROBLEM_TYPE, ProblemError, problemOf } from "./problem.js";
import { readRoutes } from "./readRoutes.js";
import type { ReplicaFollower } from "./replicaFollower.js";
import { screenRoute } from "./screenRoute.js";
import { writeRoutes } from "./writeRoutes.js";

/** How to build the server. */
export interface ServerOptions {
  /** The events folder it answers from and writes to. */
  eventsDir: string;
  /** The bearer token writes need; without it the server is read-only (writes are 403). */
  writeToken?: string;
  /** Today's date, asked on each request (default: the local calendar's). */
  today?: () => IsoDate;
  /** The largest request body in bytes (default 256 KiB): a larger one is 413. */
  bodyLimit?: number;
  /**
   * The replica of a shared store (PostgreSQL) that `eventsDir` is: each request finds it synced,
   * and a write is answered once the store holds it.
   */
  follower?: ReplicaFollower;
  /** Where an internal error (a 500 that is not a bad log) is told, with its stack; default: nowhere. */
  logInternalError?: (error: unknown) => void;
}

/** The default request body limit: far above any event (a log line is at most 128 KiB). */
export const DEFAULT_BODY_LIMIT = 256 * 1024;

/**
 * The HTTP API (Fastify): every question the CLI answers, as JSON in the CLI's `--json` shapes
 * (CSV and HTML where the CLI offers them), writes with a bearer token, errors as RFC 9457
 * problem details, ETags from the stream heads, and the OpenAPI 3.1 document generated from the
 * request schemas at `/openapi.json` with a reference page at `/docs`. Not listening yet: call
 * `listen` on it.
 *
 * @example
 * const server = await buildServer({ eventsDir: "events" });
 * await server.listen({ port: 8080, host: "127.0.0.1" });
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    routerOptions: { maxParamLength: 500 },
    // Errors before routing (a URL that does not decode, a bad media type): problems too.
    frameworkErrors: (error, _request, reply) => {
      const problem = problemOf(error);
      void (reply as unknown as FastifyReply)
        .code(problem.status)
        .type(PROBLEM_TYPE)
        .send(JSON.stringify(problem));
    },
  });
  // JSON bodies only: any other media type is a 415.
  app.removeContentTypeParser(["text/plain"]);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error, request, reply) => {
    const problem = problemOf(error, request.query);
    if (problem.status === 500 && problem.type.endsWith(":internal-error")) {
      options.logInternalError?.(error);
    }
    return reply.code(problem.status).type(PROBLEM_TYPE).send(JSON.stringify(problem));
  });
  app.setNotFoundHandler((request, reply) => {
    const problem = problemOf(
      new ProblemError(
        404,
        "not-found",
        `no such resource: ${request.method} ${request.url.slice(0, 500)}`,
      ),
    );
    return reply.code(404).type(PROBLEM_TYPE).send(JSON.stringify(problem));
  });

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "designations",
        description:
          "Point-in-time legal status of companies on US government lists, from a sourced event log. Errors are RFC 9457 application/problem+json.",
        version: "0.1.0",
      },
      components: {
        securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });

  if (options.follower !== undefined) followStore(app, options.follower);
  const today = options.today ?? localToday;
  readRoutes(app, { eventsDir: options.eventsDir, today });
  writeRoutes(app, {
    eventsDir: options.eventsDir,
    writeToken: options.writeToken,
    durable: options.follower === undefined,
  });
  screenRoute(app, { eventsDir: options.eventsDir, today });
  app.get("/openapi.json", { schema: { hide: true } }, (_request, reply) =>
    reply.type("application/json; charset=utf-8").send(JSON.stringify(app.swagger())),
  );
  await app.ready();
  return app;
}

/**
 * Requests take turns on the replica (see `ReplicaFollower`); a write's answer waits for the
 * push, and becomes a 409 (or 412 with If-Match) problem when another writer was first, with
 * nothing of it kept.
 */
function followStore(app: FastifyInstance, follower: ReplicaFollower): void {
  const turns = new WeakMap<FastifyRequest, Awaited<ReturnType<ReplicaFollower["begin"]>>>();
  app.addHook("preHandler", async (request) => {
    // A screen is posted, but only reads.
    const write = request.method === "POST" && request.routeOptions.url !== "/screen";
    turns.set(request, await follower.begin(write));
  });
  app.addHook("onSend", async (request, reply, payload) => {
    const turn = turns.get(request);
    if (turn === undefined) return payload;
    try {
      await turn.finish();
      return payload;
    } catch (error) {
      const first = error instanceof ConcurrencyError || error instanceof AppendRejectedError;
      const conditional = request.headers["if-match"] !== undefined;
      const problem = problemOf(
        first
          ? new ProblemError(
              conditional ? 412 : 409,
              "concurrency-conflict",
              `another writer appended first and nothing of this was stored: ${error.message}; read the stream again and send it again`,
            )
          : error,
      );
      reply.code(problem.status).type(PROBLEM_TYPE).removeHeader("location");
      return JSON.stringify(problem);
    }
  });
  const release = async (request: FastifyRequest) => turns.get(request)?.release();
  app.addHook("onResponse", release);
  app.addHook("onRequestAbort", release);
}

/** Today on the local calendar, `YYYY-MM-DD` (not the UTC date). */
function localToday(): IsoDate {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
