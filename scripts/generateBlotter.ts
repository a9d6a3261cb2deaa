/**
 * Writes a deterministic synthetic trade blotter (CSV) for benchmarks of `screen`: N rows with
 * the header `trade_id,trade_date,side,security,quantity,price`, trade dates spread over
 * 2020-01-01..2026-11-30, sides BUY, SELL and HOLD, and securities named as a custodian's file
 * names them: about 30% companies of the record (events/companies.json) written the custodian's
 * way ("XIAOMI CORP-CLASS B", "CHINA MOBILE LTD"), about 60% a pool of 2,000 other companies
 * ("PACIFIC SYSTEMS INC"), about 10% listed names misspelt (one letter changed). As in a real
 * blotter, names recur: the misspellings too are a fixed pool, so the file has a few thousand
 * distinct names however many rows it has. Written in chunks: memory holds the pools and the
 * set of names written, not the rows.
 *
 *   tsx scripts/generateBlotter.ts --out FILE [--rows N] [--seed S] [--events DIR]
 */
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { addDays } from "../src/domain/isoDate.js";
import { seededRandom } from "../src/simulate/random.js";

export interface BlotterOptions {
  /** The CSV file to write. */
  out: string;
  rows: number;
  seed: number;
  /** The events folder whose companies.json names the listed companies. */
  events: string;
}

const HEADER = "trade_id,trade_date,side,security,quantity,price";
const FIRST_DAY = "2020-01-01";
/** 2020-01-01..2026-11-30, both included. */
const DAYS = (Date.UTC(2026, 10, 30) - Date.UTC(2020, 0, 1)) / 86_400_000 + 1;
/** How many other (unlisted) companies the blotter trades, and how many misspellings recur. */
const OTHER_COMPANIES = 2_000;
const MISSPELLINGS = 1_000;
/** Written to the file in chunks of about this many bytes. */
const CHUNK = 1 << 20;

/** The suffixes a custodian puts after an issuer's name; "" most often. */
const SECURITY_SUFFIXES = ["", "", "", "-CLASS B", "-A", "-H", " LTD", "-SP ADR"];
/** Words separated by white space; "_" within a word is a space. */
function words(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/_/g, " "));
}
const FIRST_WORDS = words(`
  ACME ALPINE AMBER ANCHOR APEX ARROW ATLANTIC AURORA BAYSIDE BEACON BIRCH BLUE_RIVER BRIGHT
  CANYON CARDINAL CASCADE CEDAR CENTRAL CITADEL COASTAL COMPASS CRESCENT CRYSTAL DELTA EAGLE
  EASTERN ELM EVEREST FALCON FIRST FRONTIER GALAXY GRANITE GREAT_LAKES HARBOR HERITAGE
  HIGHLAND HORIZON IRONWOOD KESTREL KEYSTONE LAKESHORE LIBERTY MAPLE MERIDIAN MIDLAND NORTHERN
  NOVA OAKMONT OCEAN ORION PACIFIC PEAK PINNACLE PIONEER PRAIRIE QUANTUM REDWOOD RIDGE SILVER
  SOUTHERN SUMMIT TRIDENT UNITED VALLEY VANGUARD WESTERN WILLOW
`);
const SECOND_WORDS = words(`
  AEROSPACE AGRICULTURE ANALYTICS APPAREL AUTOMOTIVE BANCORP BEVERAGES BIOSCIENCES BRANDS
  CAPITAL CHEMICALS COMMUNICATIONS CONSTRUCTION DEVICES DIAGNOSTICS ENERGY ENGINEERING
  FINANCIAL FOODS FREIGHT GAMING HEALTH HOMES INDUSTRIES INSURANCE LABS LOGISTICS MATERIALS
  MEDIA MINING NETWORKS PHARMACEUTICALS PROPERTIES RAIL RETAIL ROBOTICS SOFTWARE STEEL SYSTEMS
  TEXTILES THERAPEUTICS UTILITIES
`);
const LEGAL_FORMS = ["INC", "INC", "CORP", "CORP", "PLC", "AG", "SA", "NV", "CO", "GROUP INC"];
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * Generates the blotter into `out`, a chunk at a time.
 *
 * @example
 * generateBlotter({ out: "/tmp/blotter.csv", rows: 100_000, seed: 1, events: "events" }); // { rows: 100000, bytes: ..., names: ... }
 */
export function generateBlotter({ out, rows, seed, events }: BlotterOptions): {
  rows: number;
  bytes: number;
  /** How many distinct securities the rows name. */
  names: number;
} {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const listed = listedNames(events);
  const others = otherNames(random);
  const misspelt = Array.from({ length: MISSPELLINGS }, () => misspell(pick(listed), random));
  const names = new Set<string>();
  const fd = openSync(out, "w");
  let bytes = 0;
  let text = `${HEADER}\n`;
  const flush = () => {
    writeSync(fd, text);
    bytes += Buffer.byteLength(text);
    text = "";
  };
  try {
    for (let row = 1; row <= rows; row += 1) {
      const kind = random();
      const security =
        kind < 0.3
          ? custodianName(pick(listed), pick(SECURITY_SUFFIXES))
          : kind < 0.9
            ? pick(others)
            : pick(misspelt);
      names.add(security);
      const date = addDays(FIRST_DAY, Math.floor(random() * DAYS));
      const sideDraw = random();
      const side = sideDraw < 0.5 ? "BUY" : sideDraw < 0.8 ? "SELL" : "HOLD";
      const quantity = 100 * (1 + Math.floor(random() * 2_000));
      const price = (0.5 + random() * 300).toFixed(2);
      text += `T-${String(row).padStart(7, "0")},${date},${side},${csvCell(security)},${quantity},${price}\n`;
      if (text.length >= CHUNK) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return { rows, bytes, names: names.size };
}

/** The record's companies' names as a custodian writes them: upper case, short legal forms. */
function listedNames(events: string): string[] {
  const companies = JSON.parse(readFileSync(join(events, "companies.json"), "utf8")) as {
    name: string;
  }[];
  return companies.map((company) =>
    company.name
      .toUpperCase()
      .replace(/[.,()"]/g, "")
      .replace(/\bCORPORATION\b/g, "CORP")
      .replace(/\bCOMPANY\b/g, "CO")
      .replace(/\bLIMITED\b/g, "LTD")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

/** A listed name with a security's suffix ("-CLASS B"), never " LTD" twice. */
function custodianName(name: string, suffix: string): string {
  return suffix === " LTD" && name.endsWith(" LTD") ? name : `${name}${suffix}`;
}

/** `OTHER_COMPANIES` distinct clean names: two words and a legal form. */
function otherNames(random: () => number): string[] {
  const names = new Set<string>();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  while (names.size < OTHER_COMPANIES) {
    names.add(`${pick(FIRST_WORDS)} ${pick(SECOND_WORDS)} ${pick(LEGAL_FORMS)}`);
  }
  return [...names];
}

/** The name with one of its letters changed to another letter. */
function misspell(name: string, random: () => number): string {
  const letters = [...name].flatMap((char, index) => (/[A-Z]/.test(char) ? [index] : []));
  if (letters.length === 0) return name;
  const at = letters[Math.floor(random() * letters.length)] as number;
  const others = LETTERS.replace(name[at] as string, "");
  return `${name.slice(0, at)}${others[Math.floor(random() * others.length)]}${name.slice(at + 1)}`;
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      rows: { type: "string" },
      seed: { type: "string" },
      events: { type: "string" },
    },
  });
  if (values.out === undefined) {
    process.stderr.write(
      "Usage: tsx scripts/generateBlotter.ts --out FILE [--rows N] [--seed S] [--events DIR]\n",
    );
    process.exit(2);
  }
  const started = Date.now();
  const result = generateBlotter({
    out: values.out,
    rows: Number(values.rows ?? 100_000),
    seed: Number(values.seed ?? 1),
    events: values.events ?? fileURLToPath(new URL("../events", import.meta.url)),
  });
  process.stdout.write(
    `wrote ${result.rows} rows naming ${result.names} securities, ${(result.bytes / 1e6).toFixed(1)} MB, in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
