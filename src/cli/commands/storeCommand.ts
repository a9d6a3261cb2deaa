import { parseArgs } from "node:util";
import { copyStore } from "../../app/copyStore.js";
import { isDatabaseUrl, openLineStore, type LineStore } from "../../app/replica.js";
import type { CliIo, Command } from "../command.js";
import { plural } from "../../report/formatTable.js";
import { UsageError } from "../usageError.js";

const HELP = `Usage: designations store copy --from DIR|URL --to DIR|URL

Copies a log from one store to another: every stream's lines exactly as stored (so the integrity
chain is the same) and the company registry. A store is an events folder or a PostgreSQL URL
(postgres://user:password@host:port/database; its schema is created on first use). The target
must be empty: a folder that does not exist or holds no stream and no companies.json, or a
database without events. A folder target also gets schema.json, written from the code's schemas.
A folder copied to PostgreSQL and back is the same bytes.

  --from DIR|URL  the store to copy from
  --to DIR|URL    the empty store to copy to

Example: designations store copy --from events --to postgres://localhost/designations`;

/**
 * \`designations store\`: its help and usage for \`--help\`; the copy itself is asynchronous and runs
 * in \`runStoreCommand\` (from \`runWithStore\`).
 */
export const storeCommand: Command = {
  name: "store",
  summary: "copy a log between stores (an events folder, a PostgreSQL database)",
  help: HELP,
  options: { from: { type: "string" }, to: { type: "string" } },
  positionals: { min: 1, max: 1 },
  run() {
    throw new UsageError(
      "store copy runs through the designations command (runWithStore), not runCli",
    );
  },
};

/**
 * Runs \`store copy --from A --to B\` (the arguments after \`store\`) and returns the exit code;
 * errors are thrown for the caller to report.
 *
 * @example
 * await runStoreCommand(["copy", "--from", "events", "--to", "postgres://localhost/designations"], io); // 0
 */
export async function runStoreCommand(args: readonly string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{
      options: typeof storeCommand.options;
      allowPositionals: true;
      args: string[];
    }>
  >;
  try {
    parsed = parseArgs({
      args: [...args],
      options: storeCommand.options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const [action, extra] = parsed.positionals;
  if (action !== "copy") {
    throw new UsageError(
      action === undefined ? "missing argument: store copy" : `unknown store command "${action}"`,
    );
  }
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
  const { from, to } = parsed.values as { from?: string; to?: string };
  if (from === undefined || to === undefined) {
    throw new UsageError(`store copy needs --from and --to`);
  }
  if (from === to) throw new UsageError("--from and --to name the same store");
  const stores: LineStore[] = [];
  try {
    const source = openLineStore(from);
    stores.push(source);
    const target = openLineStore(to);
    stores.push(target);
    const copied = await copyStore(source, target, isDatabaseUrl(to) ? {} : { schemaFolder: to });
    const registry = copied.registry ? " and the company registry" : "";
    io.out(
      `copied ${plural(copied.streams, "stream")}, ${plural(copied.events, "event")}${registry} from ${source.location} to ${target.location}`,
    );
    return 0;
  } finally {
    for (const store of stores) await store.close();
  }
}
