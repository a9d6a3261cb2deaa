import type { IsoDate } from "../../domain/isoDate.js";
import { type CompanyHit, searchCompanies } from "../../query/searchCompanies.js";
import { statusAt } from "../../query/statusAt.js";
import type { StreamStatus } from "../../query/streamStatus.js";
import type { Command, OptionValues } from "../command.js";
import { formatTable, yesNo } from "../../report/formatTable.js";
import { searchListJson } from "../../report/answerJson.js";
import { eventsDirOf } from "../loadTimelines.js";
import { knownCompanies } from "../../app/companies.js";
import { loadCompanyTimelines } from "../../app/loadTimelines.js";
import { stringOption } from "../optionValues.js";
import { EXIT } from "../reportError.js";
import { statusText, UNCERTAIN_NOTE } from "../statusJson.js";
import { UsageError } from "../usageError.js";

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 1000;

export const searchCommand: Command = {
  name: "search",
  summary: "find companies by any of their names, misspelt or in part, with their lists today",
  help: `Usage: designations search <text> [--limit N] [--json] [--events DIR]

The companies that <text> may name, best first: an id, full name or alias, compared without
case, punctuation, accents or legal forms (Co., Ltd., Corporation...); then the names that hold
every word given; then near spellings ("Xiaomy"), each with its score (0 best, up to 1). For
each company, every list it is on and its status there today. The words of <text> may be given
unquoted. Exit code 1 when no company matches.

  --limit N     at most N companies (default: ${DEFAULT_LIMIT})
  --json        {"query", "at", "hits": [{"id", "name", "matched", "how", "score",
                "lists": [{"program", "status", "enforceable", "since"}]}]}; "how" is id, name,
                alias, partial or fuzzy, "matched" the name or alias that matched
  --events DIR  the events folder (default: the repository's events/)

Example: designations search xiaomy`,
  options: {
    limit: { type: "string" },
    json: { type: "boolean" },
  },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY },
  run({ positionals, values }, io) {
    const query = positionals.join(" ");
    const limit = limitOption(values);
    const dir = eventsDirOf(values, io);
    const all = searchCompanies(query, knownCompanies(dir));
    const hits = all.slice(0, limit).map((hit) => ({ hit, lists: listsOf(dir, hit.id, io.today) }));
    if (values.json) {
      const json = hits.map(({ hit, lists }) => ({ ...hit, lists: lists.map(searchListJson) }));
      io.out(JSON.stringify({ query, at: io.today, hits: json }));
      return hits.length > 0 ? EXIT.ok : EXIT.badData;
    }
    if (hits.length === 0) {
      io.err(`no company matches "${query}"`);
      return EXIT.badData;
    }
    const heading =
      all.length === 1
        ? `1 company matches "${query}"; its lists on ${io.today}:`
        : `${all.length} companies match "${query}"; their lists on ${io.today}:`;
    const lines = [heading, hitsTable(hits)];
    if (all.length > hits.length) {
      lines.push(`(the first ${hits.length} shown; --limit ${all.length} shows all)`);
    }
    if (hits.some(({ lists }) => lists.some((s) => s.uncertain))) lines.push(UNCERTAIN_NOTE);
    io.out(lines.join("\n"));
    return EXIT.ok;
  },
};

function limitOption(values: OptionValues): number {
  const text = stringOption(values, "limit");
  if (text === undefined) return DEFAULT_LIMIT;
  const limit = Number(text);
  if (!/^\d+$/.test(text) || limit < 1 || limit > MAX_LIMIT) {
    throw new UsageError(`--limit: "${text}" must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  return limit;
}

function listsOf(dir: string, id: string, today: IsoDate): StreamStatus[] {
  return loadCompanyTimelines(dir, id).map((timeline) => statusAt(timeline, today));
}

/** `alias "Xiaomi Corp."`, `fuzzy "Xiaomi", score 0.167`: how a hit matched. */
function matchText(hit: CompanyHit): string {
  const what = hit.matched === hit.name || hit.how === "id" ? "" : ` "${hit.matched}"`;
  const score = hit.how === "fuzzy" ? `, score ${hit.score}` : "";
  return `${hit.how}${what}${score}`;
}

function hitsTable(hits: readonly { hit: CompanyHit; lists: StreamStatus[] }[]): string {
  const rows = hits.flatMap(({ hit, lists }) => {
    const first = [hit.id, hit.name, matchText(hit)];
    if (lists.length === 0) return [[...first, "-", "on no list", "-", "-"]];
    return lists.map((s, index) => [
      ...(index === 0 ? first : ["", "", ""]),
      s.program,
      statusText(s),
      yesNo(s.enforceable),
      s.since ?? "-",
    ]);
  });
  return formatTable(
    ["company", "name", "match", "program", "status", "enforceable", "since"],
    rows,
  );
}
