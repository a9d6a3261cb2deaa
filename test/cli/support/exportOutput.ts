import { parse } from "csv-parse/sync";

/** The columns of a timelines export. */
export const HEADER = [
  "company",
  "program",
  "status",
  "enforceable",
  "valid_from",
  "valid_to",
  "uncertain",
  "event_id",
  "known_at",
  "source_url",
];

/** Xiaomi's intervals as CSV lines, derived by hand from events/dod-1237/xiaomi.jsonl. */
export const XIAOMI_LINES = [
  "xiaomi,dod-1237,listed,true,2021-01-14,2021-01-29,false,xiaomi-dod-1237-0001,2021-01-14,https://www.siliconexpert.com/blog/more-china-based-companies-added-to-the-u-s-defense-blacklist/",
  "xiaomi,dod-1237,challenged,true,2021-01-29,2021-03-12,false,xiaomi-dod-1237-0002,2021-01-29,https://info.5y1.org/1222-meaning-angel_1_59d699.html",
  "xiaomi,dod-1237,enjoined,false,2021-03-12,2021-05-11,false,xiaomi-dod-1237-0006,2021-03-12,https://law.justia.com/cases/federal/district-courts/district-of-columbia/dcdce/1:2021cv00280/226816/21/",
  "xiaomi,dod-1237,settled,false,2021-05-11,2021-05-25,false,xiaomi-dod-1237-0009,2021-05-11,https://www.thompsonhinesmartrade.com/2021/05/dod-agrees-to-drop-chinese-company-from-ccmc-list/",
  "xiaomi,dod-1237,vacated,false,2021-05-25,,false,xiaomi-dod-1237-0011,2021-05-25,https://www.news18.com/news/tech/xiaomi-is-no-longer-on-the-us-blacklist-here-is-what-has-happened-so-far-3777752.html",
];

/** The CSV lines of a company (none of the log's fields hold a line break). */
export function linesOfCompany(csv: string, company: string, program?: string): string[] {
  const start = program === undefined ? `${company},` : `${company},${program},`;
  return csv.split("\r\n").filter((line) => line.startsWith(start));
}

export type Row = Record<string, string>;

/** A CSV export parsed back, one object per record by its header. */
export function csvRows(text: string): Row[] {
  return parse(text, { columns: true }) as Row[];
}

/** A JSON lines export parsed back. */
export function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
