/**
 * A realistic log of the size the whole repository's log is growing to: about 300 companies on
 * the DoD 1237 and 1260H lists, Treasury's NS-CCMC and NS-CMIC lists and the Entity List, some
 * 450 streams, listed on the lists' real edition dates, a few delisted, a few in court, every
 * company in a `companies.json` with a name, aliases and, for subsidiaries, the `parent` the lists
 * name. Deterministic (seeded), written in the log's own format (chained lines) without going
 * through `appendEvent`, which scans the whole log for each id and is too slow for this.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Company } from "../../../src/domain/companySchema.js";
import { GENESIS, lineHash } from "../../../src/store/integrityChain.js";
import { seededRandom } from "../../../src/simulate/random.js";

export interface WholeLog {
  companies: Company[];
  /** Every stream written, as `company/program`, sorted. */
  streams: string[];
  events: number;
}

const PLACES = [
  "China",
  "Beijing",
  "Shanghai",
  "Shenzhen",
  "Guangzhou",
  "Hangzhou",
  "Wuhan",
  "Chengdu",
  "Tianjin",
  "Harbin",
  "Nanjing",
  "Xi'an",
];
const TRADES = [
  "Aerospace",
  "Electronics",
  "Shipbuilding",
  "Nuclear Power",
  "Telecommunications",
  "Semiconductor",
  "Railway",
  "Construction",
  "Petroleum",
  "Chemical",
  "Optics",
  "Robotics",
  "Battery",
  "Satellite",
  "Software",
  "Heavy Machinery",
];
const FORMS = [
  "Group Co., Ltd.",
  "Corporation",
  "Technology Co., Ltd.",
  "Holdings Limited",
  "Industry Corporation",
  "Research Institute",
];

interface Edition {
  date: string;
  source: { publisher: string; title: string; url: string };
}

function edition(program: string, date: string, publisher: string): Edition {
  return {
    date,
    source: {
      publisher,
      title: `${program} list as of ${date}`,
      url: `https://example.org/${program}/${date}`,
    },
  };
}

const EDITIONS: Record<string, Edition[]> = {
  "dod-1237": ["2020-06-12", "2020-08-28", "2020-12-03", "2021-01-14"].map((d) =>
    edition("dod-1237", d, "Department of Defense"),
  ),
  "ofac-ns-ccmc": ["2020-11-12", "2021-01-14"].map((d) =>
    edition("ofac-ns-ccmc", d, "U.S. Department of the Treasury"),
  ),
  "ofac-ns-cmic": ["2021-06-03", "2021-12-16"].map((d) =>
    edition("ofac-ns-cmic", d, "U.S. Department of the Treasury"),
  ),
  "dod-1260h": ["2021-06-03", "2022-10-05", "2024-01-31", "2025-01-06"].map((d) =>
    edition("dod-1260h", d, "Federal Register"),
  ),
  "bis-entity-list": ["2020-12-18"].map((d) =>
    edition("bis-entity-list", d, "Bureau of Industry and Security"),
  ),
};
/** How likely a company is to be on each list. */
const ON_LIST: [string, number][] = [
  ["dod-1237", 0.25],
  ["ofac-ns-ccmc", 0.12],
  ["ofac-ns-cmic", 0.35],
  ["dod-1260h", 0.55],
  ["bis-entity-list", 0.06],
];
const COURT = "U.S. District Court for the District of Columbia";

/**
 * Writes the log into `dir` (which must exist): `companies.json` and one file per stream.
 *
 * @example
 * const log = writeWholeLog(mkdtempSync(...), 300); log.streams.length; // 450 or so
 */
export function writeWholeLog(dir: string, companyCount = 300, seed = 7): WholeLog {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const companies = companyRegistry(companyCount, random);
  const streams: string[] = [];
  let events = 0;
  let recorded = Date.UTC(2026, 0, 5);
  companies.forEach((company, index) => {
    // The first three parents are groups no list names themselves: registry entries only.
    if (index < 3) return;
    let programs = ON_LIST.filter(([, p]) => random() < p).map(([program]) => program);
    if (programs.length === 0) programs = [pick(ON_LIST)[0]];
    for (const program of programs) {
      const drafts = history(company, program, random, pick);
      let prev = GENESIS;
      const lines = drafts.map((draft, i) => {
        recorded += 1000 + Math.floor(random() * 60_000);
        const line = JSON.stringify({
          id: `${company.id}-${program}-${String(i + 1).padStart(4, "0")}`,
          stream: `${company.id}/${program}`,
          seq: i + 1,
          type: draft.type,
          effective: draft.effective,
          precision: "day",
          recorded: new Date(recorded).toISOString(),
          data: draft.data,
          sources: draft.sources,
          confidence: draft.type === "Noted" ? "medium" : "high",
          prev,
        });
        prev = lineHash(line);
        return line;
      });
      mkdirSync(join(dir, program), { recursive: true });
      writeFileSync(join(dir, program, `${company.id}.jsonl`), `${lines.join("\n")}\n`);
      streams.push(`${company.id}/${program}`);
      events += lines.length;
    }
  });
  writeFileSync(
    join(dir, "companies.json"),
    `[\n${companies.map((c) => `  ${JSON.stringify(c)}`).join(",\n")}\n]\n`,
  );
  return { companies, streams: streams.sort(), events };
}

function companyRegistry(count: number, random: () => number): Company[] {
  const names = new Set<string>();
  const companies: Company[] = [];
  while (companies.length < count) {
    const place = PLACES[Math.floor(random() * PLACES.length)] as string;
    const trade = TRADES[Math.floor(random() * TRADES.length)] as string;
    const form = FORMS[Math.floor(random() * FORMS.length)] as string;
    const name = `${place} ${trade} ${form}`;
    if (names.has(name)) continue;
    names.add(name);
    const base = slug(`${place} ${trade} ${form.split(" ")[0]}`);
    const id = companies.some((c) => c.id === base) ? `${base}-${companies.length}` : base;
    const acronym = name
      .replace(/[^A-Za-z ]/g, "")
      .split(" ")
      .filter((word) => /^[A-Z]/.test(word))
      .map((word) => word[0])
      .join("");
    const aliases = [
      `${place} ${trade}`,
      ...(random() < 0.5 ? [`${acronym}-${companies.length}`] : []),
    ];
    companies.push({ id, name, aliases, identifiers: {} });
  }
  // Companies 0-24 head groups; about a quarter of the rest are their subsidiaries, a few of
  // those with subsidiaries of their own (grandchildren of the group's head).
  for (let index = 25; index < companies.length; index += 1) {
    const company = companies[index] as Company;
    const draw = random();
    if (draw < 0.25) company.parent = (companies[Math.floor(random() * 25)] as Company).id;
    else if (draw < 0.29) {
      const parents = companies.slice(25, index).filter((c) => c.parent !== undefined);
      if (parents.length > 0) {
        company.parent = (parents[Math.floor(random() * parents.length)] as Company).id;
      }
    }
  }
  return companies;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

interface Draft {
  type: string;
  effective: string;
  data: Record<string, unknown>;
  sources: { publisher: string; title: string; url: string }[];
}

/** A valid history of one stream: listed on an edition, sometimes delisted, sometimes in court. */
function history(
  company: Company,
  program: string,
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
): Draft[] {
  const editions = EDITIONS[program] as Edition[];
  const listing = pick(editions);
  const later = editions.filter((e) => e.date > listing.date);
  const authority = listing.source.publisher;
  const drafts: Draft[] = [
    {
      type: "Listed",
      effective: listing.date,
      data: {
        description: `${company.name} appears on the ${program} list of ${listing.date}.`,
        authority,
      },
      sources: [listing.source],
    },
  ];
  const caseSource = (step: string, date: string) => ({
    publisher: "CourtListener",
    title: `${company.name} v. ${program.startsWith("dod") ? "Department of Defense" : "Treasury"}: ${step}`,
    url: `https://example.org/court/${company.id}/${program}/${date}`,
  });
  const inCourt = (type: string, effective: string, what: string, docket: string): Draft => ({
    type,
    effective,
    data: { description: `${company.name}: ${what}.`, court: COURT, docket },
    sources: [caseSource(what, effective)],
  });
  const draw = random();
  let date = listing.date;
  const after = (min: number, spread: number) => {
    date = addDays(date, min + Math.floor(random() * spread));
    return date;
  };
  if (draw < 0.06) {
    const docket = `1:2${1 + Math.floor(random() * 4)}-cv-00${100 + Math.floor(random() * 800)}`;
    drafts.push(inCourt("ChallengeFiled", after(10, 60), "complaint filed", docket));
    const outcome = random();
    if (outcome < 0.4) {
      drafts.push(inCourt("InjunctionGranted", after(20, 50), "preliminary injunction", docket));
      if (outcome < 0.2) {
        drafts.push(inCourt("SettlementReached", after(20, 40), "parties settle", docket));
      }
      drafts.push(inCourt("DesignationVacated", after(10, 30), "designation vacated", docket));
    } else if (outcome < 0.8) {
      drafts.push(
        inCourt("JudgmentForGovernment", after(120, 300), "judgment for the government", docket),
      );
    }
  } else if (draw < 0.2 && later.length > 0) {
    const removal = pick(later);
    drafts.push({
      type: "Delisted",
      effective: removal.date,
      data: { description: `${company.name} is not on the list of ${removal.date}.`, authority },
      sources: [removal.source],
    });
  }
  if (random() < 0.2) {
    drafts.push({
      type: "Noted",
      effective: addDays(drafts.at(-1)?.effective ?? listing.date, 1 + Math.floor(random() * 5)),
      data: {
        description: `${company.name} says the listing is mistaken and it has no military ties.`,
        subject: "announcement",
      },
      sources: [
        {
          publisher: "Company announcement",
          title: `Statement of ${company.name}`,
          url: `https://example.org/news/${company.id}`,
        },
      ],
    });
  }
  return drafts;
}

function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
