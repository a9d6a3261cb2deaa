import { parseArgs } from "node:util";
import type { CliIo, Command, CommandInput } from "./command.js";
import { appendCommand } from "./commands/appendCommand.js";
import { correctCommand, retractCommand } from "./commands/correctCommand.js";
import { forecastCommand } from "./commands/forecastCommand.js";
import { importCommand } from "./commands/importCommand.js";
import { importEditionCommand } from "./commands/importEditionCommand.js";
import { editionsCommand } from "./commands/editionsCommand.js";
import { changesCommand } from "./commands/changesCommand.js";
import { listCommand } from "./commands/listCommand.js";
import { outcomesCommand } from "./commands/outcomesCommand.js";
import { overviewCommand } from "./commands/overviewCommand.js";
import { replayCommand } from "./commands/replayCommand.js";
import { reportCommand } from "./commands/reportCommand.js";
import { screenCommand } from "./commands/screenCommand.js";
import { searchCommand } from "./commands/searchCommand.js";
import { exportCommand } from "./commands/exportCommand.js";
import { simulateCommand } from "./commands/simulateCommand.js";
import { statsCommand } from "./commands/statsCommand.js";
import { statusCommand } from "./commands/statusCommand.js";
import { storeCommand } from "./commands/storeCommand.js";
import { effectsCommand } from "./commands/effectsCommand.js";
import { timelineCommand } from "./commands/timelineCommand.js";
import { verifyCommand } from "./commands/verifyCommand.js";
import { serveCommand } from "./commands/serveCommand.js";
import { EXIT, reportError } from "./reportError.js";
import { grouped, LIMITS } from "../domain/limits.js";
import { UsageError } from "./usageError.js";

export const COMMANDS: readonly Command[] = [
  statusCommand,
  searchCommand,
  timelineCommand,
  effectsCommand,
  screenCommand,
  listCommand,
  changesCommand,
  editionsCommand,
  replayCommand,
  exportCommand,
  reportCommand,
  statsCommand,
  simulateCommand,
  outcomesCommand,
  forecastCommand,
  appendCommand,
  correctCommand,
  retractCommand,
  importCommand,
  importEditionCommand,
  verifyCommand,
  storeCommand,
  serveCommand,
];

const COMMON_OPTIONS = {
  events: { type: "string" },
  // A store by URL is opened asynchronously, by runWithStore, before runCli (never here).
  store: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export { EXIT };

/**
 * Runs one command line (without `node` and the script) and returns its exit code. Never exits
 * the process and never throws for bad input: messages go to `io.err`.
 *
 * @example
 * runCli(["status", "xiaomi", "--at", "2021-04-01"], io); // 0, and io.out got the answer
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  const [first, ...rest] = argv;
  if (first === "--help" || first === "-h" || first === "help") {
    io.out(generalHelp());
    return EXIT.ok;
  }
  const named = COMMANDS.find((command) => command.name === first);
  const command = named ?? overviewCommand;
  const args = named ? rest : [...argv];
  try {
    if (!named && first !== undefined && !first.startsWith("-")) {
      throw new UsageError(`unknown command "${first}"`);
    }
    const input = parseInput(command, args);
    if (input.values.help) {
      io.out(command === overviewCommand ? generalHelp() : command.help);
      return EXIT.ok;
    }
    return command.run(input, io);
  } catch (error) {
    return report(error, command, io);
  }
}

function parseInput(command: Command, args: string[]): CommandInput {
  refuseUnusableArguments(args);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      options: { ...COMMON_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const values = parsed.values as CommandInput["values"];
  const optionOrder = (parsed.tokens ?? []).flatMap((token) =>
    token.kind === "option" ? [token.name] : [],
  );
  const options: Command["options"] = { ...COMMON_OPTIONS, ...command.options };
  const repeated = optionOrder.find(
    (name, index) => options[name]?.multiple !== true && optionOrder.indexOf(name) !== index,
  );
  // parseArgs keeps the last of a repeated option; which one was meant is the user's to say.
  if (repeated !== undefined) throw new UsageError(`--${repeated} is given more than once`);
  const conflict = command.conflicts?.find(
    ([a, b]) => optionOrder.includes(a) && optionOrder.includes(b),
  );
  if (conflict !== undefined) {
    throw new UsageError(`--${conflict[0]} and --${conflict[1]} cannot be given together`);
  }
  if (values.help) return { positionals: parsed.positionals, values, optionOrder };
  if (values.store !== undefined && command.takesStore !== true) {
    throw new UsageError(
      "--store is taken by runWithStore (src/cli/runWithStore.ts); runCli takes --events",
    );
  }
  const { min, max } = command.positionals;
  const count = parsed.positionals.length;
  if (count < min) throw new UsageError(`missing argument: ${command.help.split("\n")[0]}`);
  if (count > max) throw new UsageError(`unexpected argument "${parsed.positionals[max]}"`);
  return { positionals: parsed.positionals, values, optionOrder };
}

/**
 * An argument over `LIMITS.argumentChars`, or with a NUL (no path or text can hold one), is bad
 * usage, named without being repeated.
 */
function refuseUnusableArguments(args: readonly string[]): void {
  args.forEach((arg, index) => {
    const tooLong = arg.length > LIMITS.argumentChars;
    if (!tooLong && !arg.includes("\0")) return;
    const before = args[index - 1];
    const what = arg.startsWith("--")
      ? `option ${arg.slice(0, 40)}...`
      : before?.startsWith("--") && !before.includes("=")
        ? `the value of ${before}`
        : `argument ${index + 1}`;
    throw new UsageError(
      tooLong
        ? `${what} is ${grouped(arg.length)} characters long; an argument may be at most ${grouped(LIMITS.argumentChars)}`
        : `${what} holds a NUL character, which no name or text may hold`,
    );
  });
}

function report(error: unknown, command: Command, io: CliIo): number {
  const help =
    command === overviewCommand ? "designations --help" : `designations ${command.name} --help`;
  return reportError(error, io.err, help);
}

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `designations: what was a company's legal status on a given date, and why?

Usage: designations <command> [options]
       designations            every tracked stream's status today

Commands:
${lines.join("\n")}

Every command takes --events DIR (default: the repository's events/), or --store DIR|URL
(an events folder, or a PostgreSQL database: postgres://...), and --help.
Exit codes: 0 fine, 1 bad data, a rejected event or an unknown company, 2 bad usage,
3 internal error, 4 concurrency conflict (--expected-seq did not match).

Example: designations status xiaomi --at 2021-04-01`;
}
