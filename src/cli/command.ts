import type { ParseArgsConfig } from "node:util";
import type { IsoDate } from "../domain/isoDate.js";
import type { ProgressStream } from "./progressBar.js";

/** Where a command writes, and the date it takes for "today". */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  today: IsoDate;
  /** The events folder used when `--events` is not given. */
  defaultEventsDir: string;
  /**
   * Where progress bars are drawn and the clock they read: by default stderr (drawn only when it
   * is a terminal) and `Date.now`; tests pass their own.
   */
  progress?: { stream?: ProgressStream; now?: () => number };
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface CommandInput {
  positionals: string[];
  values: OptionValues;
  /** The names of the options as they came on the command line, repeats included. */
  optionOrder: string[];
}

/** One subcommand of the CLI: its flags, its help text, and what it does. Returns the exit code. */
export interface Command {
  name: string;
  summary: string;
  /** The help text: usage line, flags, an example. */
  help: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  positionals: { min: number; max: number };
  /** Pairs of options that contradict each other: giving both is bad usage. */
  conflicts?: readonly (readonly [string, string])[];
  /**
   * Whether the command opens `--store` itself (a server); any other command gets a store by URL
   * from `runWithStore`, which runs it on a replica folder.
   */
  takesStore?: boolean;
  run(input: CommandInput, io: CliIo): number;
}
