/**
 * vitest globalSetup: a throwaway PostgreSQL cluster for the tests of the PostgreSQL store, unless
 * `DESIGNATIONS_TEST_DATABASE_URL` names a server already (any database on it: each test file
 * creates databases of its own). The cluster is Debian's `postgresql` binaries, initdb'd into a
 * temporary folder (as the `postgres` user when we are root: PostgreSQL refuses to run as root),
 * listening on a free loopback port with trust authentication, stopped and removed at the end.
 * Missing binaries fail the run with what to install: these tests are never skipped.
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

const ENV = "DESIGNATIONS_TEST_DATABASE_URL";

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env[ENV];
  if (given !== undefined && given !== "") {
    project.provide("databaseUrl", given);
    return undefined;
  }
  const bin = postgresBin();
  const root = mkdtempSync(join(tmpdir(), "designations-pg-"));
  const data = join(root, "data");
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: readonly string[]) =>
    execFileSync(
      asRoot ? "runuser" : join(bin, command),
      asRoot ? ["-u", "postgres", "--", join(bin, command), ...args] : args,
      { stdio: ["ignore", "pipe", "pipe"], cwd: root },
    );
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(root, uid, gid);
  }
  const port = await freePort();
  try {
    run("initdb", [
      "-D",
      data,
      "-U",
      "postgres",
      "-A",
      "trust",
      "-E",
      "UTF8",
      "--locale=C",
      "--no-sync",
    ]);
    run("pg_ctl", [
      "-D",
      data,
      "-l",
      join(root, "server.log"),
      "-w",
      "-t",
      "60",
      "-o",
      `-p ${port} -c listen_addresses=127.0.0.1 -k ${root} -c fsync=off -c max_connections=200`,
      "start",
    ]);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    throw new Error(
      `could not start a PostgreSQL cluster for the tests: ${stderr || String(error)}`,
    );
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  process.env[ENV] = url;
  project.provide("databaseUrl", url);
  return () => {
    try {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
}

/** The newest installed PostgreSQL's bin folder; fails with what to install when there is none. */
function postgresBin(): string {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((version) => existsSync(join(base, version, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest === undefined) {
    throw new Error(
      `the PostgreSQL store's tests need PostgreSQL's binaries (${base}/<version>/bin/initdb), and there are none: install Debian's postgresql (apt-get install postgresql), or set ${ENV} to a server's URL`,
    );
  }
  return join(base, newest, "bin");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
