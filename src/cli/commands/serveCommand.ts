import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { companyIdsOf } from "../../app/loadTimelines.js";
import { isDatabaseUrl, openLineStore, redactedUrl, replicaDirFor } from "../../app/replica.js";
import type { ReplicaFollower } from "../../server/replicaFollower.js";
import type { Command, OptionValues } from "../command.js";
import { eventsDirOf } from "../loadTimelines.js";
import { stringOption } from "../optionValues.js";
import { reportError } from "../reportError.js";
import { today } from "../today.js";
import { UsageError } from "../usageError.js";

export const serveCommand: Command = {
  name: "serve",
  summary: "answer over HTTP: a JSON API with its OpenAPI document, on a port of this machine",
  help: `Usage: designations serve [--port N] [--host H] [--events DIR | --store DIR|URL]

Answers every question the commands answer over HTTP, as JSON in the shapes of their --json
(CSV and HTML where they offer them), until SIGINT or SIGTERM (then it closes and exits 0).
The OpenAPI 3.1 document is at /openapi.json, a reference page at /docs. Errors are RFC 9457
application/problem+json. Every GET answer carries an ETag and honours If-None-Match.

Writes (POST an event, a correction or a retraction) need the bearer token given in the
environment variable DESIGNATIONS_WRITE_TOKEN; without it the server is read-only.

  --port N      the port (default: 8080; 0: any free port)
  --host H      the address to listen on (default: 127.0.0.1, this machine only)
  --events DIR  the events folder (default: the repository's events/)
  --store URL   a shared store, postgres://user:password@host/database: the server answers
                from a replica folder of its own that follows the database (notified of every
                append), and answers a write once the database holds it (409, or 412 with
                If-Match, when another writer was first); several servers on one database agree

Example: designations serve --port 8080`,
  options: { port: { type: "string" }, host: { type: "string" }, store: { type: "string" } },
  positionals: { min: 0, max: 0 },
  takesStore: true,
  conflicts: [["store", "events"]],
  run({ values }, io) {
    const port = portOption(values);
    const host = stringOption(values, "host") ?? "127.0.0.1";
    const store = stringOption(values, "store");
    const database = store !== undefined && isDatabaseUrl(store);
    const eventsDir = database ? serverReplica(store) : (store ?? eventsDirOf(values, io));
    if (!database) companyIdsOf(eventsDir); // a missing events folder is told now, exit code 1
    const help = "designations serve --help";
    let follower: ReplicaFollower | undefined;
    // The server's modules (Fastify and its plugins) are loaded only to serve: every other
    // command starts without them.
    Promise.all([import("../../server/buildServer.js"), import("../../server/replicaFollower.js")])
      .then(async ([{ buildServer }, { ReplicaFollower }]) => {
        if (database) follower = new ReplicaFollower(openLineStore(store), eventsDir);
        await follower?.start();
        return buildServer({
          eventsDir,
          follower,
          writeToken: process.env.DESIGNATIONS_WRITE_TOKEN || undefined,
          today: () => today(),
          // The operator learns of a bug (never the client), without a stack trace.
          logInternalError: (error) =>
            io.err(`internal error: ${error instanceof Error ? error.message : String(error)}`),
        });
      })
      .then(async (server) => {
        const address = await server.listen({ port, host }).catch(async (error: unknown) => {
          await server.close();
          throw error;
        });
        io.out(`listening on ${address}`);
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          void server
            .close()
            .then(() => follower?.close())
            .then(() => {
              if (database) rmSync(eventsDir, { recursive: true, force: true });
              process.exitCode = 0;
            });
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      })
      .catch(async (error: unknown) => {
        process.exitCode = reportError(error, io.err, help);
        await follower?.close().catch(() => undefined);
        if (database) rmSync(eventsDir, { recursive: true, force: true });
      });
    return 0;
  },
};

/** A replica folder of the database for this server alone, removed when it stops. */
function serverReplica(url: string): string {
  const shared = replicaDirFor(redactedUrl(url));
  mkdirSync(dirname(shared), { recursive: true });
  return mkdtempSync(`${shared}-serve-`);
}

function portOption(values: OptionValues): number {
  const text = stringOption(values, "port");
  if (text === undefined) return 8080;
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
    throw new UsageError(`--port: "${text}" is not a port (a whole number from 0 to 65535)`);
  }
  return Number(text);
}
