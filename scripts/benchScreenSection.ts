/**
 * The screening part of docs/PERFORMANCE.md: `screen` of generated trade blotters
 * (scripts/generateBlotter.ts) against the repository's whole record, through the built CLI as a
 * whole process, against a floor measured in the same run on the same file
 * (scripts/parseCsvFloor.mjs: csv-parse alone, reading the file as `screen` reads a CSV). For
 * each size: wall time, rows a second, the ratio to the floor and peak memory, plain and with
 * `--known-at-trade`.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateBlotter } from "./generateBlotter.js";
import { measureProcess, type ProcessRun } from "./measureProcess.js";

/** The most a screen may take, as a multiple of the floor (parsing the same CSV alone). */
const MAX_RATIO = 3;
/** The most a screen's peak memory may grow from the smallest file to the largest, as a multiple. */
const MAX_MEMORY_GROWTH = 1.25;
/** The rows of the file screened first, to fill the timeline cache. */
const WARM_UP_ROWS = 20;

/**
 * The screens measured: plain, and as known on each row's date. (Runs with V8's old space held
 * small are no longer measured apart: `screen` holds its heap's growth itself, holdHeapGrowth.)
 */
const SCREENS: readonly { name: string; args: readonly string[] }[] = [
  { name: "screen", args: [] },
  { name: "screen --known-at-trade", args: ["--known-at-trade"] },
];
const FLOOR_NAME = "floor: csv-parse the file";

interface Measured {
  name: string;
  run: ProcessRun;
  /** The size of the answer written (`--out`), in bytes; 0 for the floor. */
  outBytes: number;
}

interface SizeRuns {
  rows: number;
  bytes: number;
  /** How many distinct securities the file names. */
  names: number;
  floor: Measured;
  screens: Measured[];
}

/**
 * Measures `screen` on generated files of each of `rows` rows and returns its section of the
 * doc. Throws when a run fails: the generated files have no bad rows, so every screen must exit 0.
 *
 * @example
 * screenSection({ cli: "dist/bin/designations.js", root: ".", rows: [100_000, 1_000_000], rounds: 1, written: "...", log: console.log });
 */
export function screenSection(options: {
  cli: string;
  root: string;
  rows: readonly number[];
  rounds: number;
  written: string;
  log: (text: string) => void;
}): string {
  const { cli, root, log } = options;
  const floorScript = join(root, "scripts/parseCsvFloor.mjs");
  const events = join(root, "events");
  const scratch = mkdtempSync(join(tmpdir(), "bench-screen-"));
  const out = join(scratch, "out.csv");
  // A cache of its own: filled by the warm-up below, then used by every run.
  const env = { DESIGNATIONS_CACHE: join(scratch, "cache") };
  const screen = (name: string, file: string, args: readonly string[]): Measured => {
    rmSync(out, { force: true });
    const run = measureProcess(
      [cli, "screen", file, ...args, "--out", out, "--events", events],
      env,
    );
    mustSucceed(`${name} of ${file}`, run);
    const outBytes = statSync(out).size;
    rmSync(out, { force: true });
    return { name, run, outBytes };
  };
  try {
    // Warm: every stream verified once and its timeline cached, as from a user's second command.
    const tiny = join(scratch, "warm-up.csv");
    generateBlotter({ out: tiny, rows: WARM_UP_ROWS, seed: 2, events });
    for (const { name, args } of SCREENS) screen(name, tiny, args);
    log(`screen warmed up on ${WARM_UP_ROWS} rows`);
    const measured: SizeRuns[] = [];
    for (const rows of options.rows) {
      const file = join(scratch, `blotter-${rows}.csv`);
      const generated = generateBlotter({ out: file, rows, seed: 1, events });
      log(
        `${fmt(rows)} rows naming ${fmt(generated.names)} securities (${mib(generated.bytes)} MiB) generated`,
      );
      const floor = bestOf(options.rounds, () => {
        const run = measureProcess([floorScript, file]);
        mustSucceed(`the floor of ${file}`, run);
        return { name: FLOOR_NAME, run, outBytes: 0 };
      });
      log(`  floor ${fmt(floor.run.ms)} ms ${fmt(floor.run.peakMb)} MB`);
      const screens = SCREENS.map(({ name, args }) => {
        const best = bestOf(options.rounds, () => screen(name, file, args));
        log(
          `  ${name} ${fmt(best.run.ms)} ms (${(best.run.ms / floor.run.ms).toFixed(2)} x the floor) ${fmt(best.run.peakMb)} MB`,
        );
        return best;
      });
      rmSync(file, { force: true });
      measured.push({ rows, bytes: generated.bytes, names: generated.names, floor, screens });
    }
    return sectionText(options.written, options.rounds, measured);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function mustSucceed(what: string, run: ProcessRun): void {
  if (run.code !== 0) {
    throw new Error(`${what} failed (exit ${run.code}): ${run.error ?? "no message"}`);
  }
}

/** The fastest of `count` runs. */
function bestOf(count: number, measure: () => Measured): Measured {
  let best: Measured | undefined;
  for (let i = 0; i < Math.max(1, count); i += 1) {
    const current = measure();
    if (best === undefined || current.run.ms < best.run.ms) best = current;
  }
  return best as Measured;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const perSecond = (rows: number, run: ProcessRun) => rows / (run.ms / 1000);
const ratioMet = (ratio: number) => ratio <= MAX_RATIO;

function sectionText(written: string, rounds: number, sizes: readonly SizeRuns[]): string {
  const rows = sizes.flatMap((size) =>
    [size.floor, ...size.screens].map((m) => {
      const ratio = m.run.ms / size.floor.run.ms;
      const isFloor = m === size.floor;
      const target = isFloor ? "-" : `<= ${MAX_RATIO} x: ${ratioMet(ratio) ? "met" : "missed"}`;
      return `| ${fmt(size.rows)} | ${m.name} | ${fmt(m.run.ms)} | ${fmt(perSecond(size.rows, m.run))} | ${ratio.toFixed(2)} | ${fmt(m.run.peakMb)} | ${isFloor ? "-" : mib(m.outBytes)} | ${target} |`;
    }),
  );
  const files = sizes
    .map((size) => `${fmt(size.rows)} rows: ${mib(size.bytes)} MiB, ${fmt(size.names)} securities`)
    .join("; ");
  return [
    "## Screening files (`screen`)",
    "",
    written,
    "",
    `The built CLI's \`screen\` (\`node dist/bin/designations.js screen FILE --out OUT --events events\`) as a whole process, screening a generated trade blotter (scripts/generateBlotter.ts, seed 1: \`trade_id,trade_date,side,security,quantity,price\`, trade dates over 2020-01-01..2026-11-30, sides BUY, SELL and HOLD; the securities about 30% companies of the record written as a custodian writes them, such as "XIAOMI CORP-CLASS B", 60% a pool of 2,000 other companies, 10% a pool of 1,000 listed names misspelt by one letter) against the repository's whole record (events/). Files: ${files}. The timeline cache is warm: a cache folder of the benchmark's own, filled by screening a ${WARM_UP_ROWS}-row file (plain and \`--known-at-trade\`) before anything is measured. The time is from spawn to exit (start-up and loading the record included), rows/s the file's rows over that time, peak MB the process's peak resident set, out MiB the answer written. The floor is a plain Node process that parses the same file with csv-parse exactly as \`screen\` reads a CSV (the same options, the stream parser written to and read from in turn in 64 KiB chunks) and counts the records (scripts/parseCsvFloor.mjs), measured in the same run. ${rounds > 1 ? `Best of ${rounds} runs.` : "One run each."}`,
    "",
    `Targets: each screen within ${MAX_RATIO} x the floor's time on the same file, and memory that does not grow with the rows: a screen's peak at the largest file at most ${MAX_MEMORY_GROWTH} x its peak at the smallest.`,
    "",
    "| rows | run | ms | rows/s | x floor | peak MB | out MiB | target |",
    "|---:|---|---:|---:|---:|---:|---:|---|",
    ...rows,
    ...memoryTable(sizes),
    "",
    ...missedNotes(sizes),
  ].join("\n");
}

/** Each run's peak memory at the smallest file and the largest. */
function memoryTable(sizes: readonly SizeRuns[]): string[] {
  const [small, large] = [sizes[0], sizes.at(-1)];
  if (small === undefined || large === undefined || small === large) return [];
  const lines = [small.floor, ...small.screens].map((m, index) => {
    const other = index === 0 ? large.floor : (large.screens[index - 1] as Measured);
    const growth = other.run.peakMb / m.run.peakMb;
    const target =
      index === 0
        ? "-"
        : `<= ${MAX_MEMORY_GROWTH} x: ${growth <= MAX_MEMORY_GROWTH ? "met" : "missed"}`;
    return `| ${m.name} | ${fmt(m.run.peakMb)} | ${fmt(other.run.peakMb)} | ${growth.toFixed(2)} | ${target} |`;
  });
  return [
    "",
    `## Memory from ${fmt(small.rows)} to ${fmt(large.rows)} rows (${(large.rows / small.rows).toFixed(0)} x the rows)`,
    "",
    `| run | peak MB, ${fmt(small.rows)} rows | peak MB, ${fmt(large.rows)} rows | x | target |`,
    "|---|---:|---:|---:|---|",
    ...lines,
  ];
}

/**
 * Where a screen's time goes, beyond the floor's parse: said once when a time target is missed.
 * From CPU profiles (`node --cpu-prof`) of `screen` on the 100,000- and 1,000,000-row files.
 */
const TIME_COST =
  "Where the time goes (CPU profiles of `screen` on these files, `node --cpu-prof`): the floor's own csv-parse is about a third of it. The rest: start-up (Node, then the bin: one bundled module, and the record's timelines from the cache), a fixed cost; matching each distinct name once (an exact lookup, then the registry's names for partial words, then near spellings by edit distance among the names whose length and letters allow one; remembered, so a cost of the distinct names, not of the rows); and per row the answer, kept with its match for the stretch of days around its date on which nothing it reads changes, so that most rows only look it up; the CSV row, the file's own text and the answer's cells kept as CSV; and the garbage these leave. At 100,000 rows the fixed and per-name costs weigh most (they do not shrink with the file); at 1,000,000 the per-row ones. `--known-at-trade` answers every row twice (today, and as known on its date: about as many answers worked out again for each), and writes three more cells a row.";

/** Where a screen's memory goes: said once when a memory target is missed. */
const MEMORY_COST = `What \`screen\` keeps is bounded: it holds no rows (csv-parse is fed 64 KiB at a time, the answer written to its temporary file in parts of 64 KiB), only what it has learnt of the distinct names and days, each kind to a fixed limit (names matched, answers kept by company and by match for stretches of days, readings of uncertain names, standings, streams as known on a date: 20,000 each, most of them the ones used lately, in two generations; the answer's CSV texts, two generations of 10,000), and it holds V8's heap to 20% over what is alive (src/cli/holdHeapGrowth.ts). Those stores fill as a long file visits more companies on more days, so the peak still rises somewhat from the smaller file to the larger.`;

function missedNotes(sizes: readonly SizeRuns[]): string[] {
  const notes: string[] = [];
  for (const { name } of SCREENS) {
    const missed = sizes.flatMap((size) => {
      const m = size.screens.find((screen) => screen.name === name) as Measured;
      const ratio = m.run.ms / size.floor.run.ms;
      return ratioMet(ratio)
        ? []
        : [
            `${fmt(size.rows)} rows: ${fmt(m.run.ms)} ms, ${fmt(perSecond(size.rows, m.run))} rows/s, ${ratio.toFixed(2)} x the floor's ${fmt(size.floor.run.ms)} ms`,
          ];
    });
    if (missed.length > 0) {
      notes.push(
        `- **${name}** missed the time target (${missed.join("; ")}, against <= ${MAX_RATIO} x).`,
      );
    }
  }
  const timeMissed = notes.length > 0;
  const [small, large] = [sizes[0], sizes.at(-1)];
  let memoryMissed = false;
  if (small !== undefined && large !== undefined && small !== large) {
    small.screens.forEach((m, index) => {
      const other = large.screens[index] as Measured;
      const growth = other.run.peakMb / m.run.peakMb;
      if (growth <= MAX_MEMORY_GROWTH) return;
      memoryMissed = true;
      notes.push(
        `- **${m.name}** missed the memory target: ${fmt(m.run.peakMb)} MB at ${fmt(small.rows)} rows, ${fmt(other.run.peakMb)} MB at ${fmt(large.rows)} rows (${growth.toFixed(2)} x, against <= ${MAX_MEMORY_GROWTH} x).`,
      );
    });
  } else {
    notes.push("- Memory growth not measured: one file size only.");
  }
  if (notes.length === 0) return ["Every target was met."];
  return [
    ...notes,
    ...(timeMissed ? ["", TIME_COST] : []),
    ...(memoryMissed ? ["", MEMORY_COST] : []),
  ];
}
