import { companyIdsOf } from "../../app/loadTimelines.js";
import { buildServer } from "../../server/buildServer.js";
import type { Command, OptionValues } from "../command.js";
import { eventsDirOf } from "../loadTimelines.js";
import { stringOption } from "../optionValues.js";
import { reportError } from "../reportError.js";
import { today } from "../today.js";
import { UsageError } from "../usageError.js";

export const serveCommand: Command = {
  name: "serve",
  summary: "answer over HTTP: a JSON API with its OpenAPI document, on a port of this machine",
  help: `Usage: designations serve [--port N] [--host H] [--events DIR]

Answers every question the commands answer over HTTP, as JSON in the shapes of their --json
(CSV and HTML where they offer them), until SIGINT or SIGTERM (then it closes and exits 0).
The OpenAPI 3.1 document is at /openapi.json, a reference page at /docs. Errors are RFC 9457
application/problem+json. Every GET answer carries an ETag and honours If-None-Match.

Writes (POST an event, a correction or a retraction) need the bearer token given in the
environment variable DESIGNATIONS_WRITE_TOKEN; without it the server is read-only.

  --port N      the port (default: 8080; 0: any free port)
  --host H      the address to listen on (default: 127.0.0.1, this machine only)
  --events DIR  the events folder (default: the repository's events/)

Example: designations serve --port 8080`,
  options: { port: { type: "string" }, host: { type: "string" } },
  positionals: { min: 0, max: 0 },
  run({ values }, io) {
    const port = portOption(values);
    const host = stringOption(values, "host") ?? "127.0.0.1";
    const eventsDir = eventsDirOf(values, io);
    companyIdsOf(eventsDir); // a missing events folder is told now, with exit code 1
    const help = "designations serve --help";
    buildServer({
      eventsDir,
      writeToken: process.env.DESIGNATIONS_WRITE_TOKEN || undefined,
      today: () => today(),
      // The operator learns of a bug (never the client), without a stack trace.
      logInternalError: (error) =>
        io.err(`internal error: ${error instanceof Error ? error.message : String(error)}`),
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
          void server.close().then(() => {
            process.exitCode = 0;
          });
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      })
      .catch((error: unknown) => {
        process.exitCode = reportError(error, io.err, help);
      });
    return 0;
  },
};

function portOption(values: OptionValues): number {
  const text = stringOption(values, "port");
  if (text === undefined) return 8080;
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
    throw new UsageError(`--port: "${text}" is not a port (a whole number from 0 to 65535)`);
  }
  return Number(text);
}
