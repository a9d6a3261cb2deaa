import { formatLogIssue } from "../app/errors.js";
import { isDatabaseUrl, onReplica, openLineStore, replicaDirFor } from "../app/replica.js";
import { plural } from "../report/formatTable.js";
import type { CliIo } from "./command.js";
import { runStoreCommand } from "./commands/storeCommand.js";
import { EXIT, reportError } from "./reportError.js";
import { COMMANDS, runCli } from "./runCli.js";
import { UsageError } from "./usageError.js";

/**
 * Runs one command line as `runCli` does, and what `runCli` cannot, being synchronous: a store
 * given by `--store DIR|URL`, and `store copy`. `--store DIR` is `--events DIR`. With
 * `--store postgres://...` the command runs on a replica folder of the database (in the cache,
 * under a lock: see `onReplica`), synced before it runs; what it appended is then pushed to the
 * database in one transaction, with each stream's version as it was synced (a conflict: exit 4,
 * nothing of it stored, the replica synced again). Its output is held until the push succeeds,
 * and names the store, not the replica. `verify` also checks the database's rows against their
 * lines. Returns the exit code.
 *
 * @example
 * await runWithStore(["status", "xiaomi", "--store", "postgres://localhost/designations"], io); // 0
 */
export async function runWithStore(argv: readonly string[], io: CliIo): Promise<number> {
  const help = argv.includes("--help") || argv.includes("-h");
  try {
    if (argv[0] === "store" && !help) return await runStoreCommand(argv.slice(1), io);
    if (COMMANDS.find((command) => command.name === argv[0])?.takesStore === true) {
      return runCli(argv, io);
    }
    const found = storeOption(argv);
    if (found === undefined || help) return runCli(found?.rest ?? argv, io);
    const { location, rest } = found;
    if (!isDatabaseUrl(location)) return runCli([...rest, "--events", location], io);
    return await runOnDatabase(location, rest, io);
  } catch (error) {
    const command = argv[0] !== undefined && !argv[0].startsWith("-") ? ` ${argv[0]}` : "";
    return reportError(error, io.err, `designations${command} --help`);
  }
}

async function runOnDatabase(url: string, rest: readonly string[], io: CliIo): Promise<number> {
  const store = openLineStore(url);
  const dir = replicaDirFor(store.location);
  const verify = rest[0] === "verify";
  // Messages name the store, not the folder it is read through.
  const named = (text: string) => text.split(dir).join(store.location.replace(/\/$/, ""));
  const out: string[] = [];
  try {
    const { result: code } = await onReplica(
      store,
      dir,
      (events) =>
        runCli([...rest, "--events", events], {
          ...io,
          out: (text) => out.push(named(text)),
          err: (text) => io.err(named(text)),
        }),
      { full: verify },
    );
    const issues = verify ? ((await store.integrityIssues?.()) ?? []) : [];
    if (issues.length > 0 && rest.includes("--json") && out.length === 1) {
      // One JSON answer: the rows' problems join the replica's.
      const answer = JSON.parse(out[0] ?? "{}") as { ok: boolean; problems: unknown[] };
      io.out(JSON.stringify({ ...answer, ok: false, problems: [...answer.problems, ...issues] }));
      return EXIT.badData;
    }
    for (const text of out) io.out(text);
    if (issues.length === 0) return code;
    io.err(`verify found ${plural(issues.length, "problem")} in the database's rows:`);
    for (const issue of issues) io.err(formatLogIssue(issue));
    return EXIT.badData;
  } finally {
    await store.close();
  }
}

/** `--store X` (or `--store=X`) taken out of the arguments; bad usage if given twice or with `--events`. */
function storeOption(argv: readonly string[]): { location: string; rest: string[] } | undefined {
  const rest: string[] = [];
  const locations: string[] = [];
  let events = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? "";
    if (arg === "--") {
      rest.push(...argv.slice(index));
      break;
    }
    if (arg === "--store") {
      const value = argv[index + 1];
      if (value === undefined) throw new UsageError("option '--store <value>' argument missing");
      locations.push(value);
      index++;
    } else if (arg.startsWith("--store=")) {
      locations.push(arg.slice("--store=".length));
    } else {
      if (arg === "--events" || arg.startsWith("--events=")) events = true;
      rest.push(arg);
    }
  }
  if (locations.length === 0) return undefined;
  if (locations.length > 1) throw new UsageError("--store is given more than once");
  if (events) throw new UsageError("--store and --events cannot be given together");
  return { location: locations[0] ?? "", rest };
}
