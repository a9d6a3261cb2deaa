import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import type { IsoDate } from "../domain/isoDate.js";
import { PROBLEM_TYPE, ProblemError, problemOf } from "./problem.js";
import { readRoutes } from "./readRoutes.js";
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

  const today = options.today ?? localToday;
  readRoutes(app, { eventsDir: options.eventsDir, today });
  writeRoutes(app, { eventsDir: options.eventsDir, writeToken: options.writeToken });
  app.get("/openapi.json", { schema: { hide: true } }, (_request, reply) =>
    reply.type("application/json; charset=utf-8").send(JSON.stringify(app.swagger())),
  );
  await app.ready();
  return app;
}

/** Today on the local calendar, `YYYY-MM-DD` (not the UTC date). */
function localToday(): IsoDate {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
