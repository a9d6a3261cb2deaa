/**
 * Writes a deterministic synthetic log in the project's own format and layout, for benchmarks:
 * N events over M streams, every line a valid, chained event, every stream a valid history
 * (walked through the machine's transition table), dates interleaved across streams.
 *
 *   tsx scripts/generate-log.ts --out DIR [--events N] [--streams M] [--seed S]
 */
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { addDays, lastDayOfMonth } from "../src/domain/isoDate.js";
import { nextState, transitionTable } from "../src/domain/transitionTable.js";
import { GENESIS, lineHash } from "../src/store/integrityChain.js";
import { seededRandom } from "../src/simulate/random.js";

const PROGRAMS = ["dod-1237", "dod-1260h", "ofac-ns-cmic", "bis-entity-list"];
const COURT_TYPES = new Set([
  "ChallengeFiled",
  "InjunctionGranted",
  "InjunctionDenied",
  "InjunctionLifted",
  "SettlementReached",
  "DesignationVacated",
  "JudgmentForGovernment",
  "ChallengeDismissed",
  "AppealFiled",
]);
/** How often each event type is chosen when the machine accepts it. */
const WEIGHTS: Record<string, number> = {
  Noted: 10,
  // Editions live on their program's own stream, never on a company's.
  EditionPublished: 0,
  Listed: 6,
  Relisted: 1,
  Delisted: 1,
  ChallengeFiled: 3,
  InjunctionGranted: 2,
  InjunctionDenied: 2,
  InjunctionLifted: 1,
  SettlementReached: 1,
  DesignationVacated: 1,
  JudgmentForGovernment: 1,
  ChallengeDismissed: 1,
  AppealFiled: 1,
};
const SOURCE = [
  {
    publisher: "Synthetic",
    title: "Generated for benchmarks",
    url: "https://example.org/synthetic",
  },
];

export interface GenerateOptions {
  out: string;
  events: number;
  streams: number;
  seed: number;
}

/**
 * Generates the log into `out`, one stream file at a time (nothing else kept in memory).
 *
 * @example
 * generateLog({ out: "/tmp/log", events: 100_000, streams: 1_000, seed: 1 }); // { events: 100000, bytes: ... }
 */
export function generateLog({ out, events, streams, seed }: GenerateOptions): {
  events: number;
  bytes: number;
} {
  const random = seededRandom(seed);
  const table = transitionTable();
  let written = 0;
  let bytes = 0;
  let recordedMs = Date.UTC(2026, 0, 1);
  for (let index = 0; index < streams; index += 1) {
    const count = Math.floor((events - written) / (streams - index));
    const company = `co-${String(index + 1).padStart(5, "0")}`;
    const program = PROGRAMS[index % PROGRAMS.length] as string;
    mkdirSync(join(out, program), { recursive: true });
    const fd = openSync(join(out, program, `${company}.jsonl`), "w");
    let state = table.initial;
    let date = addDays("2000-01-01", Math.floor(random() * 9000));
    let prev = GENESIS;
    const lines: string[] = [];
    for (let seq = 1; seq <= count; seq += 1) {
      const type = pickType(state, random);
      state = nextState(table, state, type);
      if (random() > 0.15) date = addDays(date, 1 + Math.floor(random() * 90));
      // Known only to the month: written as a 1st, moving forward so that the order holds.
      const month = random() < 0.03 && type !== "Noted";
      if (month) date = addDays(lastDayOfMonth(date), 1);
      const effective = date;
      recordedMs += 1 + Math.floor(random() * 1000);
      const data = COURT_TYPES.has(type)
        ? {
            description: `Synthetic ${type}.`,
            court: "U.S. District Court for the District of Columbia",
          }
        : type === "Noted"
          ? { description: "Synthetic note.", subject: "other" }
          : { description: `Synthetic ${type}.` };
      const event = {
        id: `${company}-${program}-${String(seq).padStart(4, "0")}`,
        stream: `${company}/${program}`,
        seq,
        type,
        effective,
        ...(type === "Noted" && random() < 0.2
          ? { known: addDays(effective, 1 + Math.floor(random() * 30)) }
          : {}),
        precision: month ? "month" : "day",
        recorded: new Date(recordedMs).toISOString(),
        data,
        sources: SOURCE,
        confidence: "medium",
        prev,
      };
      const line = JSON.stringify(event);
      prev = lineHash(line);
      lines.push(line);
    }
    const text = lines.length === 0 ? "" : `${lines.join("\n")}\n`;
    writeSync(fd, text);
    closeSync(fd);
    written += count;
    bytes += Buffer.byteLength(text);
  }
  return { events: written, bytes };
}

const accepted = new Map<number, string[]>();

function pickType(state: number, random: () => number): string {
  const table = transitionTable();
  let types = accepted.get(state);
  if (types === undefined) {
    types = table.eventTypes.filter(
      (type) => nextState(table, state, type) >= 0 && WEIGHTS[type] !== 0,
    );
    accepted.set(state, types);
  }
  const total = types.reduce((sum, type) => sum + (WEIGHTS[type] ?? 1), 0);
  let target = random() * total;
  for (const type of types) {
    target -= WEIGHTS[type] ?? 1;
    if (target < 0) return type;
  }
  return types.at(-1) as string;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      events: { type: "string" },
      streams: { type: "string" },
      seed: { type: "string" },
    },
  });
  if (values.out === undefined) {
    process.stderr.write(
      "Usage: tsx scripts/generate-log.ts --out DIR [--events N] [--streams M] [--seed S]\n",
    );
    process.exit(2);
  }
  const started = Date.now();
  const result = generateLog({
    out: values.out,
    events: Number(values.events ?? 100_000),
    streams: Number(values.streams ?? 1_000),
    seed: Number(values.seed ?? 1),
  });
  process.stdout.write(
    `wrote ${result.events} events, ${(result.bytes / 1e6).toFixed(1)} MB, in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
