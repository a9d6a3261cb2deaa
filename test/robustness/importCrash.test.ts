import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { buildSync } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../../src/simulate/random.js";
import { inspectLog } from "../../src/store/readLog.js";
import { treeOf } from "../cli/support/eventsDirs.js";
import { runInProcess } from "../cli/support/inProcess.js";
import { crashLines, MAIN, runCliProcess } from "../cli/support/runCli.js";
import { makeTempDir, removeDir } from "../store/support/logFixtures.js";

/*
 * An import of 1,000 events without ids, killed with SIGKILL while it writes and then run again,
 * must leave the log the uninterrupted import leaves: the same stream files, the same events in
 * the same order, equal in every field but `recorded` and `prev` (they depend on the time).
 *
 * Each kill run picks k in [1, STREAMS - 1] from a seeded PRNG and kills the import once k stream
 * files exist. Reproduce a failure with IMPORT_CRASH_SEED=<seed> (every message names the seed
 * and k); IMPORT_CRASH_SUMMARY=1 prints where the kills landed.
 */

const SEED = Number(process.env.IMPORT_CRASH_SEED ?? 2021_01_14);
const STREAMS = 100;
const EVENTS = 1_000;
/** Kill runs that must land (a run whose import ends before the kill is retried with a new k). */
const KILL_RUNS = 20;
const MAX_ATTEMPTS = 2 * KILL_RUNS;
/** Children at a time: the CI machine has two cores, and an import waits on fsync. */
const CONCURRENCY = 3;

const root = makeTempDir("designations-import-crash-");
/**
 * The CLI bundled into one file, built from the sources at the start of the test: a child starts
 * from it in a fifth of the time `node --import tsx` takes, which counts over some 50 children.
 * The reference import runs the sources through tsx, as every other CLI test does; the equal logs
 * show that the bundle behaves as they do.
 */
const bundle = join(root, "designations.mjs");

beforeAll(() => {
  buildSync({
    entryPoints: [MAIN],
    outfile: bundle,
    bundle: true,
    platform: "node",
    format: "esm",
    logLevel: "error",
    // Dependencies written as CommonJS call require(), which an ES module lacks.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
  });
}, 60_000);

afterAll(() => {
  removeDir(root);
});

const COURT = "U.S. District Court for the District of Columbia";
const LISTING = new Set(["Listed", "Relisted", "Delisted"]);

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/**
 * The types a stream may take next, by the lifecycle machine (`src/domain/lifecycleMachine.ts`):
 * its listing (unlisted, listed, removed) and its litigation (none, pending, enjoined, lost,
 * closed).
 */
function nextTypes(listing: string, litigation: string): string[] {
  if (listing === "unlisted") return ["Listed"];
  const types = ["Noted"];
  if (listing === "listed") types.push("Relisted", "Delisted");
  if (listing === "removed") types.push("Listed");
  if (listing === "listed" && ["none", "lost", "closed"].includes(litigation)) {
    types.push("ChallengeFiled");
  }
  if (litigation === "pending") {
    types.push("InjunctionGranted", "InjunctionDenied", "JudgmentForGovernment");
  }
  if (litigation === "enjoined") types.push("InjunctionLifted", "ChallengeDismissed");
  if (litigation === "lost") types.push("AppealFiled");
  return types;
}

const AFTER: Record<string, [listing?: string, litigation?: string]> = {
  Listed: ["listed"],
  Relisted: ["listed"],
  Delisted: ["removed"],
  ChallengeFiled: [undefined, "pending"],
  InjunctionGranted: [undefined, "enjoined"],
  InjunctionDenied: [undefined, "pending"],
  InjunctionLifted: [undefined, "pending"],
  JudgmentForGovernment: [undefined, "lost"],
  ChallengeDismissed: [undefined, "closed"],
  AppealFiled: [undefined, "pending"],
};

/**
 * The lines of an import file: `total` lines without ids over `count` streams (companies on
 * dod-1237, every other one also on dod-1260h), each stream a valid history of at least 3 events,
 * the streams' lines interleaved. Some lines repeat the line before them word for word (a second
 * identical note), so that ids must tell identical lines apart. The first line of each stream
 * names its company for the registry.
 */
function importLines(random: () => number, count: number, total: number): string[] {
  const streams: { company: string; program: string }[] = [];
  for (let index = 0; streams.length < count; index += 1) {
    const company = `company-${String(index).padStart(3, "0")}`;
    streams.push({ company, program: "dod-1237" });
    if (index % 2 === 0 && streams.length < count) {
      streams.push({ company, program: "dod-1260h" });
    }
  }
  const counts = streams.map(() => 3);
  for (let extra = total - 3 * count; extra > 0; extra -= 1) {
    const index = Math.floor(random() * count);
    counts[index] = (counts[index] ?? 0) + 1;
  }
  const queues = streams.map(({ company, program }, index) => {
    const lines: Record<string, unknown>[] = [];
    let listing = "unlisted";
    let litigation = "none";
    let effective = addDays("2020-01-01", Math.floor(random() * 400));
    while (lines.length < (counts[index] ?? 0)) {
      const previous = lines.at(-1);
      if (previous?.type === "Noted" && random() < 0.3) {
        lines.push({ ...previous });
        continue;
      }
      effective = addDays(effective, 3 + Math.floor(random() * 30));
      const types = nextTypes(listing, litigation);
      const type = types[Math.floor(random() * types.length)] ?? "Noted";
      const description = `${company} ${type} on ${effective}.`;
      const data = LISTING.has(type)
        ? { description, authority: "Department of Defense" }
        : type === "Noted"
          ? { description, subject: random() < 0.5 ? "hearing" : "other" }
          : { description, court: COURT };
      lines.push({
        company,
        program,
        type,
        effective,
        ...(random() < 0.2 ? { known: addDays(effective, 1 + Math.floor(random() * 2)) } : {}),
        data,
        sources: [
          {
            publisher: "Test Gazette",
            title: `${type} of ${company}`,
            url: `https://example.org/${company}/${program}/${lines.length + 1}`,
          },
        ],
        confidence: random() < 0.8 ? "high" : "medium",
        ...(lines.length === 0 ? { companyName: `Company ${company.slice(8)} Ltd.` } : {}),
      });
      [listing = listing, litigation = litigation] = AFTER[type] ?? [];
    }
    return lines;
  });
  const lines: string[] = [];
  while (lines.length < total) {
    const open = queues.filter((queue) => queue.length > 0);
    const queue = open[Math.floor(random() * open.length)];
    lines.push(JSON.stringify(queue?.shift()));
  }
  return lines;
}

/** A registry that already knows one of the companies: the import adds the others. */
const REGISTRY = `[\n  ${JSON.stringify({ id: "company-000", name: "Company 000 Ltd.", aliases: [], identifiers: {} })}\n]\n`;

/** A fresh events folder with the registry, under the test's folder. */
function freshEvents(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "companies.json"), REGISTRY);
  return dir;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `designations import <file> --events <events>` as a child process of the bundled CLI. */
function startImport(file: string, events: string) {
  const child = spawn(process.execPath, [bundle, "import", file, "--events", events], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<Exit>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, exited };
}

/** The stream files under an events folder, by path relative to it (`<program>/<company>.jsonl`). */
function streamFiles(events: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(events, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const name of readdirSync(join(events, entry.name))) {
      if (name.endsWith(".jsonl")) files.push(`${entry.name}/${name}`);
    }
  }
  return files.sort();
}

/** Every file under an events folder, by relative path. */
function allFiles(events: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(relative(events, path));
    }
  };
  walk(events);
  return files.sort();
}

/** Each stream file's events, without `recorded` and `prev`, by relative path. */
function logContent(events: string): Record<string, Record<string, unknown>[]> {
  const content: Record<string, Record<string, unknown>[]> = {};
  for (const file of streamFiles(events)) {
    content[file] = readFileSync(join(events, file), "utf8")
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => {
        const {
          recorded: _recorded,
          prev: _prev,
          ...rest
        } = JSON.parse(line) as Record<string, unknown>;
        return rest;
      });
  }
  return content;
}

/** How many lines each stream file holds, by relative path. */
function lineCounts(events: string): Map<string, number> {
  return new Map(
    streamFiles(events).map((file) => {
      const text = readFileSync(join(events, file), "utf8");
      return [file, text.match(/\n/g)?.length ?? 0];
    }),
  );
}

const TORN = /truncate -s (\d+) '([^']+)'/;

/**
 * Repairs the torn last line a kill may leave, as its message says: truncating the file to its
 * last complete line. Rare: only a kill that lands inside the kernel's copy of a write of several
 * pages cuts it (the second test below makes one on purpose). Returns how many it repaired.
 */
function repairTornLines(events: string, where: string): number {
  const { issues } = inspectLog(events);
  for (const issue of issues) {
    const match = TORN.exec(issue.message);
    expect(
      match,
      `${where}: only a torn last line may show after a kill: ${issue.message}`,
    ).not.toBeNull();
    truncateSync(match?.[2] ?? "", Number(match?.[1]));
  }
  return issues.length;
}

/** Runs the jobs `limit` at a time, resolving with their results in order. */
async function pooled<T>(count: number, limit: number, job: (index: number) => Promise<T>) {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) results[index] = await job(index);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return results;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe("an import of 1,000 events without ids, killed with SIGKILL and run again", () => {
  it(
    "completes on the re-run into the log the uninterrupted import leaves, which verifies",
    { timeout: 240_000 },
    async () => {
      const random = seededRandom(SEED);
      const importFile = join(root, "import.jsonl");
      writeFileSync(importFile, `${importLines(random, STREAMS, EVENTS).join("\n")}\n`);

      const referenceDir = freshEvents("reference");
      const reference = await runCliProcess(["import", importFile, "--events", referenceDir]);
      expect(reference.stderr).toBe("");
      expect(reference.code).toBe(0);
      expect(reference.stdout).toBe(
        `imported ${EVENTS} events into ${STREAMS} streams; 0 already in the log\n`,
      );
      const expectedFiles = allFiles(referenceDir);
      const expectedContent = logContent(referenceDir);
      const expectedRegistry = readFileSync(join(referenceDir, "companies.json"), "utf8");
      expect(streamFiles(referenceDir)).toHaveLength(STREAMS);

      // The kills: each attempt picks its k before it starts, so a seed gives the same ks.
      const ks = Array.from(
        { length: MAX_ATTEMPTS },
        () => 1 + Math.floor(random() * (STREAMS - 1)),
      );
      /** One attempt: a fresh log, the import, its kill once k stream files exist. */
      const killRun = async (index: number, k: number) => {
        const dir = freshEvents(`kill-${index}`);
        const { child, exited } = startImport(importFile, dir);
        let over = false;
        void exited.then(() => {
          over = true;
        });
        while (!over) {
          if (streamFiles(dir).length >= k) {
            child.kill("SIGKILL");
            break;
          }
          await pause(1);
        }
        const exit = await exited;
        const where = `seed ${SEED}, attempt ${index}, k ${k}`;
        if (exit.signal !== "SIGKILL") {
          // The import ended before the kill reached it: it must have ended well; no kill run.
          expect(exit.stderr, where).toBe("");
          expect(exit.code, where).toBe(0);
          return undefined;
        }
        const locks = allFiles(dir).filter((file) => file.endsWith(".lock")).length;
        return { index, k, dir, where, files: streamFiles(dir).length, locks };
      };
      const kills: NonNullable<Awaited<ReturnType<typeof killRun>>>[] = [];
      let started = 0;
      let running = 0;
      const worker = async () => {
        while (kills.length < KILL_RUNS && started < MAX_ATTEMPTS) {
          // No attempt beyond those that may still be needed.
          if (kills.length + running >= KILL_RUNS) {
            await pause(5);
            continue;
          }
          const index = started++;
          running += 1;
          const kill = await killRun(index, ks[index] ?? 1);
          running -= 1;
          if (kill !== undefined) kills.push(kill);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      kills.sort((a, b) => a.index - b.index);
      const endedFirst = started - kills.length;
      expect(
        kills.length,
        `seed ${SEED}: kill runs that landed (${endedFirst} imports ended before their kill)`,
      ).toBeGreaterThanOrEqual(KILL_RUNS);

      // The re-runs, each after the state its kill left (with any torn last line repaired).
      const torn = kills.map(({ dir, where }) => repairTornLines(dir, where));
      // What each kill left in the log: events, and streams with all their events.
      const left = kills.map(({ dir }) => {
        const counts = lineCounts(dir);
        const events = [...counts.values()].reduce((sum, count) => sum + count, 0);
        const whole = [...counts].filter(
          ([file, count]) => count === expectedContent[file]?.length,
        );
        return { events, streams: whole.length };
      });
      const reruns = await pooled(kills.length, CONCURRENCY, async (index) => {
        const { dir } = kills[index] ?? { dir: "" };
        return startImport(importFile, dir).exited;
      });

      kills.forEach(({ dir, where }, index) => {
        const rerun = reruns[index];
        const { events, streams } = left[index] ?? { events: 0, streams: 0 };
        expect(crashLines(rerun?.stderr ?? ""), where).toEqual([]);
        expect(rerun?.stderr, where).toBe("");
        expect(rerun?.code, where).toBe(0);
        // Every event the kill left in the log was skipped, and only those were.
        expect(rerun?.stdout, where).toBe(
          `imported ${plural(EVENTS - events, "event")} into ${plural(STREAMS - streams, "stream")}; ${events} already in the log\n`,
        );
        const verify = runInProcess(["verify"], { events: dir });
        expect(verify.err, where).toBe("");
        expect(verify.code, where).toBe(0);
        expect(allFiles(dir), where).toEqual(expectedFiles);
        expect(logContent(dir), where).toEqual(expectedContent);
        expect(readFileSync(join(dir, "companies.json"), "utf8"), where).toBe(expectedRegistry);
      });

      if (process.env.IMPORT_CRASH_SUMMARY) {
        const summary = kills.map(
          ({ k, files, locks }, index) =>
            `k ${k}: ${files} stream files, ${left[index]?.streams} whole, ${left[index]?.events} events, ${locks} lock files${torn[index] ? ", a torn line repaired" : ""}`,
        );
        console.info(
          `seed ${SEED}: ${kills.length} kills in ${started} attempts (${endedFirst} ended first)\n${summary.join("\n")}`,
        );
      }
    },
  );

  it("a kill that cut a write leaves a torn line: the re-run names it and its repair, writes nothing, and completes once it is repaired", () => {
    const random = seededRandom(SEED + 1);
    const importFile = join(root, "small.jsonl");
    const lines = importLines(random, 4, 24);
    writeFileSync(importFile, `${lines.join("\n")}\n`);
    const referenceDir = freshEvents("small-reference");
    expect(runInProcess(["import", importFile], { events: referenceDir }).code).toBe(0);

    // The streams in the order the import writes them: by their first line in the file.
    const order = [
      ...new Set(
        lines.map((line) => {
          const { company, program } = JSON.parse(line) as { company: string; program: string };
          return `${program}/${company}.jsonl`;
        }),
      ),
    ];
    // The import was killed while it wrote its second stream, in the kernel's copy of that one
    // write: its first two lines made it whole, the third in part; the later streams never began.
    // It died holding the stream's lock.
    const dir = freshEvents("small-torn");
    cpSync(join(referenceDir, "companies.json"), join(dir, "companies.json"));
    const [first = "", second = ""] = order;
    mkdirSync(join(dir, first, ".."), { recursive: true });
    mkdirSync(join(dir, second, ".."), { recursive: true });
    cpSync(join(referenceDir, first), join(dir, first));
    const text = readFileSync(join(referenceDir, second), "utf8");
    const [one = "", two = ""] = text.split("\n");
    const whole = Buffer.byteLength(`${one}\n${two}\n`);
    writeFileSync(join(dir, second), Buffer.from(text).subarray(0, whole + 40));
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(join(dir, `${second}.lock`), String(dead));
    const torn = treeOf(dir);

    const refused = runInProcess(["import", importFile], { events: dir });

    const file = join(dir, second);
    expect(refused.code).toBe(1);
    expect(refused.out).toBe("");
    expect(refused.err).toBe(
      [
        `error: refusing to append to ${file}, which fails verification:`,
        `${file}:3: torn last line: it has no newline at its end, the trace of an interrupted write. Remove it (truncate -s ${whole} '${file}') and append that event again`,
        "Repair the file first (restore it from version control, or for a torn last line remove that line as shown), then run designations verify.",
      ].join("\n"),
    );
    expect(crashLines(refused.err)).toEqual([]);
    expect(treeOf(dir)).toEqual(torn);

    // The repair the message gives; then the import completes the second stream and the rest.
    truncateSync(file, whole);
    const rerun = runInProcess(["import", importFile], { events: dir });

    const firstCount = logContent(referenceDir)[first]?.length ?? 0;
    expect(rerun.err).toBe("");
    expect(rerun.code).toBe(0);
    expect(rerun.out).toBe(
      `imported ${24 - firstCount - 2} events into 3 streams; ${firstCount + 2} already in the log`,
    );
    expect(runInProcess(["verify"], { events: dir }).code).toBe(0);
    expect(allFiles(dir)).toEqual(allFiles(referenceDir));
    expect(logContent(dir)).toEqual(logContent(referenceDir));
  });
});
