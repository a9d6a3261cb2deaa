/**
 * A throwaway PostgreSQL cluster from Debian's `postgresql` binaries: initdb'd into a temporary
 * folder (as the `postgres` user when we are root: PostgreSQL refuses to run as root), listening
 * on a free loopback port with trust authentication. For the tests (vitest's global setup) and
 * the benchmark. Missing binaries fail with what to install.
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const TEST_DATABASE_ENV = "DESIGNATIONS_TEST_DATABASE_URL";

/**
 * Starts a cluster; `fsync: false` for tests (fast, not durable), true to measure as deployed.
 *
 * @example
 * const cluster = await startThrowawayCluster({ fsync: true }); ...; cluster.stop();
 */
export async function startThrowawayCluster(options: {
  fsync: boolean;
}): Promise<{ url: string; stop: () => void }> {
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
      `-p ${port} -c listen_addresses=127.0.0.1 -k ${root} -c fsync=${options.fsync ? "on" : "off"} -c max_connections=200`,
      "start",
    ]);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    throw new Error(`could not start a PostgreSQL cluster: ${stderr || String(error)}`);
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const stop = () => {
    try {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
  return { url, stop };
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
      `the PostgreSQL store's tests need PostgreSQL's binaries (${base}/<version>/bin/initdb), and there are none: install Debian's postgresql (apt-get install postgresql), or set ${TEST_DATABASE_ENV} to a server's URL`,
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
