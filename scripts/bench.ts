/**
 * Measures what users run: the real commands of the built CLI (the package's bin, dist/bin/designations.js, as `designations`
 * runs), each as a whole process, on generated logs, against a floor measured in the same run
 * (scripts/floor.mjs: a plain Node process that reads every line and JSON.parses it). For each
 * command: wall time, its ratio to the floor, and peak memory. Writes docs/PERFORMANCE.md.
 *
 *   npm run bench                  # 100,000, 1,000,000 and 3,000,000 events; screens of 100,000
 *                                  # and 1,000,000 rows
 *   npm run bench -- --quick       # 100,000 events only, about a minute
 *   npm run bench -- --sizes 1000000 --rounds 3
 *   npm run bench -- --part server  # the HTTP API only (its section of the doc is rewritten)
 *   npm run bench -- --part commands
 *   npm run bench -- --part screen  # `screen` of 100,000- and 1,000,000-row files only
 *   npm run bench -- --part screen --rows 2000,20000
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, freemem, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { appendEvent } from "../src/app/appendEvents.js";
import { generateLog } from "./generate-log.js";
import { cleanUpMeasurements, measureProcess, type ProcessRun } from "./measureProcess.js";
import { screenSection } from "./benchScreenSection.js";
import { serverSection } from "./benchServerSection.js";

const root = fileURLToPath(new URL("..", import.meta.url));
/** The package's `designations` bin, as `npm run build` makes it (scripts/bundleCli.ts). */
const CLI = join(
  root,
  (
    JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      bin: { designations: string };
    }
  ).bin.designations,
);
const FLOOR = join(root, "scripts/floor.mjs");
const { values } = parseArgs({
  options: {
    quick: { type: "boolean" },
    sizes: { type: "string" },
    rounds: { type: "string" },
    part: { type: "string" },
    rows: { type: "string" },
  },
});
const part = values.part ?? "all";
if (!["all", "commands", "server", "screen"].includes(part)) {
  throw new Error(`--part: "${part}" must be all, commands, server or screen`);
}
const measures = (name: string) => part === "all" || part === name;
const sizes = values.sizes
  ? values.sizes.split(",").map(Number)
  : values.quick
    ? [100_000]
    : [100_000, 1_000_000, 3_000_000];
const rounds = Number(values.rounds ?? 2);
/** The rows of the files `screen` is measured on (--rows). */
const screenRows = values.rows
  ? values.rows.split(",").map(Number)
  : values.quick
    ? [100_000]
    : [100_000, 1_000_000];

/** A command users run, with what it is held to. */
interface Command {
  name: string;
  args: (dir: string, out: string) => string[];
  /** The most it may take, as a multiple of the floor (none: no target). */
  maxRatio?: number;
  /** The most memory it may take, in MB. */
  maxMb: number;
}

const COMMANDS: readonly Command[] = [
  {
    name: "list --at 2024-01-01",
    args: (d) => ["list", "--at", "2024-01-01", "--events", d],
    maxRatio: 2,
    maxMb: 300,
  },
  { name: "replay", args: (d) => ["replay", "--events", d], maxMb: 300 },
  { name: "verify", args: (d) => ["verify", "--events", d], maxRatio: 4, maxMb: 300 },
  {
    name: "export --format csv",
    args: (d, o) => ["export", "--format", "csv", "--events", d, "--out", join(o, "export.csv")],
    maxRatio: 2,
    maxMb: 300,
  },
  {
    name: "report",
    args: (d, o) => ["report", "--events", d, "--out", join(o, "report.html")],
    maxRatio: 10,
    maxMb: 1024,
  },
];

interface Row {
  size: number;
  name: string;
  run: ProcessRun;
  ratio: number;
  target: string;
  met: boolean;
}

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** The best of `rounds` runs (by time; the memory of that run). */
function bestOf(count: number, run: () => ProcessRun): ProcessRun {
  let best: ProcessRun | undefined;
  for (let i = 0; i < count; i += 1) {
    const current = run();
    if (current.code !== 0) return current;
    if (best === undefined || current.ms < best.ms) best = current;
  }
  return best as ProcessRun;
}

function rowOf(
  size: number,
  name: string,
  run: ProcessRun,
  floorMs: number,
  command?: Command,
): Row {
  const ratio = run.ms / floorMs;
  const targets: string[] = [];
  let met = run.code === 0;
  if (command?.maxRatio !== undefined) {
    targets.push(`<= ${command.maxRatio} x`);
    met &&= ratio <= command.maxRatio;
  }
  if (command !== undefined) {
    targets.push(`< ${command.maxMb} MB`);
    met &&= run.peakMb < command.maxMb;
  }
  return { size, name, run, ratio, target: targets.join(", ") || "-", met };
}

function measureSize(size: number): Row[] {
  const dir = mkdtempSync(join(tmpdir(), "bench-log-"));
  const out = mkdtempSync(join(tmpdir(), "bench-out-"));
  try {
    const streams = Math.max(1_000, size / 100);
    generateLog({ out: dir, events: size, streams, seed: 1 });
    log(`${size} events over ${streams} streams generated`);
    const floor = bestOf(rounds, () => measureProcess([FLOOR, dir]));
    log(`  floor ${floor.ms.toFixed(0)} ms`);
    const rows: Row[] = [rowOf(size, "floor: read + JSON.parse every line", floor, floor.ms)];
    for (const command of COMMANDS) {
      // Cold: an empty timeline cache, so every file is verified in full (as after a clone or an
      // edit); warm: as it is run again, each file trusted while unchanged since verified.
      const cache = mkdtempSync(join(tmpdir(), "bench-cache-"));
      const env = { DESIGNATIONS_CACHE: cache };
      const cold = measureProcess([CLI, ...command.args(dir, out)], env);
      const warm = bestOf(rounds, () => measureProcess([CLI, ...command.args(dir, out)], env));
      rmSync(cache, { recursive: true, force: true });
      log(
        `  ${command.name} cold ${cold.ms.toFixed(0)} ms ${cold.peakMb.toFixed(0)} MB, warm ${warm.ms.toFixed(0)} ms ${warm.peakMb.toFixed(0)} MB${warm.error ? ` (${warm.error})` : ""}`,
      );
      rows.push(rowOf(size, `${command.name} (cold)`, cold, floor.ms));
      rows.push(rowOf(size, command.name, warm, floor.ms, command));
    }
    rows.push(...statusRows(size, dir, floor.ms));
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

/** `status` of one company, with an empty cache, then again after one append. */
function statusRows(size: number, dir: string, floorMs: number): Row[] {
  const cache = mkdtempSync(join(tmpdir(), "bench-cache-"));
  const env = { DESIGNATIONS_CACHE: cache };
  const status = () => measureProcess([CLI, "status", "co-00001", "--events", dir], env);
  const command: Command = { name: "status", args: () => [], maxMb: 300 };
  const cold = status();
  appendEvent(dir, {
    company: "co-00001",
    program: "dod-1237",
    type: "Noted",
    effective: "2026-11-20",
    data: { subject: "other", description: "Benchmark append." },
    sources: [{ publisher: "bench", title: "bench", url: "https://example.org/bench" }],
    confidence: "low",
  });
  const warm = status();
  rmSync(cache, { recursive: true, force: true });
  log(`  status cold ${cold.ms.toFixed(0)} ms, after one append ${warm.ms.toFixed(0)} ms`);
  return [
    rowOf(size, "status of one company, first time", cold, floorMs, command),
    rowOf(size, "status of one company, after one append", warm, floorMs, command),
  ];
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

function table(rows: readonly Row[]): string {
  const lines = rows.map((r) => {
    const outcome =
      r.run.code === 0
        ? r.target === "-"
          ? ""
          : r.met
            ? "met"
            : "missed"
        : `failed: ${r.run.error ?? `exit ${r.run.code}`}`;
    return `| ${fmt(r.size)} | ${r.name} | ${fmt(r.run.ms)} | ${r.ratio.toFixed(2)} | ${fmt(r.run.peakMb)} | ${r.target} | ${outcome} |`;
  });
  return [
    "| events | command | ms | x floor | peak MB | target | |",
    "|---:|---|---:|---:|---:|---|---|",
    ...lines,
  ].join("\n");
}

/** How each command's time grows from the smallest log to the largest, against the floor's. */
function scaling(rows: readonly Row[]): string[] {
  if (sizes.length < 2) return [];
  const [small, large] = [sizes[0] as number, sizes.at(-1) as number];
  const names = [...new Set(rows.map((r) => r.name))];
  const lines = names.map((name) => {
    const a = rows.find((r) => r.size === small && r.name === name);
    const b = rows.find((r) => r.size === large && r.name === name);
    if (!a || !b || a.run.code !== 0 || b.run.code !== 0) return `| ${name} | - |`;
    return `| ${name} | ${(b.run.ms / a.run.ms).toFixed(1)} |`;
  });
  return [
    "",
    `## Growth from ${fmt(small)} to ${fmt(large)} events (${(large / small).toFixed(0)} x the events)`,
    "",
    "| command | x the time |",
    "|---|---:|",
    ...lines,
  ];
}

/** Why a command costs what it does: said for each command whose target was missed. */
const COSTS: Record<string, string> = {
  "list --at 2024-01-01":
    "`list` reads each stream's verified timeline from the cache (a stat, the file's last line and the cache shard); its time beyond the floor is the CLI's start-up (loading its modules) and reading the shards.",
  replay:
    "`replay` prints every step of the whole log in date order across streams, so it keeps a summary of every step until it can sort them; memory grows with the events. The output is written in chunks.",
  verify:
    "`verify` parses every line through the zod schema and hashes it (SHA-256) for the chain: the schema is most of its time (JSON.parse alone is the floor). Its memory is the set of every id, to find duplicates across files.",
  "export --format csv":
    "`export` parses every verified file with JSON.parse (the floor's work), folds it with its steps to find each interval's opening event, and builds the CSV one stream at a time, but keeps the whole text to write the file at once (whole or not at all): its memory grows with the rows.",
  report:
    "`report` folds every stream with its steps and turns each lane into the page's JSON as it goes; the page itself, which holds every event, is what its memory holds at the end.",
};

function missedNotes(rows: readonly Row[]): string[] {
  const missed = rows.filter((row) => row.target !== "-" && !row.met);
  if (missed.length === 0) return ["Every target was met."];
  const names = [...new Set(missed.map((row) => row.name))];
  return names.map((name) => {
    const figures = missed
      .filter((row) => row.name === name)
      .map(
        (row) =>
          `${fmt(row.size)} events: ${fmt(row.run.ms)} ms, ${row.ratio.toFixed(2)} x the floor, ${fmt(row.run.peakMb)} MB against ${row.target}`,
      )
      .join("; ");
    return `- **${name}** missed (${figures}). ${COSTS[name] ?? ""}`;
  });
}

const DOC = join(root, "docs/PERFORMANCE.md");
const previous = existsSync(DOC) ? readFileSync(DOC, "utf8") : "";
const machine = `${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory (${(freemem() / 2 ** 30).toFixed(0)} GiB free), Node ${process.version}, ${process.platform} ${process.arch}`;
const written = `Written by \`npm run bench${process.argv.slice(2).length > 0 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}\` (scripts/bench.ts) on ${new Date().toISOString().slice(0, 10)}; every figure below is measured, none typed in. Machine: ${machine}.`;

const commands = measures("commands") ? commandsSection() : keptSection(previous, "commands");
const server = measures("server")
  ? await serverSection({ cli: CLI, root, quick: values.quick === true, written, log })
  : keptSection(previous, "server");
// The best of 3 runs of each screen unless --rounds says otherwise: on a shared 2-core machine one
// run of the same screen varies by 10-20%.
const screen = measures("screen")
  ? screenSection({
      cli: CLI,
      root,
      rows: screenRows,
      rounds: Number(values.rounds ?? 3),
      written,
      log,
    })
  : keptSection(previous, "screen");
cleanUpMeasurements();
const doc = [
  "# Performance",
  "",
  "<!-- bench:commands -->",
  commands,
  "<!-- /bench:commands -->",
  "",
  "<!-- bench:server -->",
  server,
  "<!-- /bench:server -->",
  "",
  "<!-- bench:screen -->",
  screen,
  "<!-- /bench:screen -->",
  "",
].join("\n");
mkdirSync(join(root, "docs"), { recursive: true });
writeFileSync(DOC, doc);
process.stdout.write("wrote docs/PERFORMANCE.md\n");

/** A section of the doc as the last run that measured it wrote it. */
function keptSection(text: string, name: string): string {
  const marked = new RegExp(`<!-- bench:${name} -->\\n([\\s\\S]*?)<!-- /bench:${name} -->`).exec(
    text,
  );
  if (marked?.[1] !== undefined) return marked[1].trimEnd();
  // A doc from before the sections: all of it is the commands'.
  if (name === "commands" && text.startsWith("# Performance")) {
    return text.slice("# Performance".length).trim();
  }
  return `Not measured yet: \`npm run bench -- --part ${name}\`.`;
}

function commandsSection(): string {
  const all: Row[] = [];
  for (const size of sizes) all.push(...measureSize(size));
  process.stdout.write(`${table(all)}\n`);
  return [
    written,
    "",
    "Each command is the built CLI (`node dist/bin/designations.js`, the package's `designations` bin: one esbuild bundle, scripts/bundleCli.ts) as a whole process on a generated log (scripts/generate-log.ts, 100 events a stream), its output thrown away; the time is from spawn to exit, the memory the process's peak resident set. The floor is a plain Node process that reads every line and JSON.parses it (scripts/floor.mjs), measured in the same run. Best of " +
      `${rounds} runs; \`status\` once each (the first run fills the timeline cache).`,
    "",
    table(all),
    ...scaling(all),
    "",
    "## Cold and warm",
    "",
    "Every command reads the log through one path (docs/ARCHITECTURE.md): a stream file is verified in full (zod schema, seq, SHA-256 chain, torn line, fold) the first time it is read and whenever it changes, and trusted afterwards while it keeps its size, modification time and last line (the timeline cache). A *cold* run starts with an empty cache, as after a clone or with every file changed; the targets are held to the *warm* runs, which are what a user meets from the second command on (an append re-verifies only the stream it changed). `verify` checks every file in full, cold or warm.",
    "",
    "## What each command costs, and what stands in the way of a missed target",
    "",
    ...missedNotes(all),
  ].join("\n");
}
