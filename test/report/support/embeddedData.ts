import type { ReportData } from "../../../src/report/reportData.js";

/**
 * The data a report page embeds for its script (`#report-data`), parsed back.
 *
 * @example
 * embeddedData(html).lanes.map((lane) => lane[0]); // ["xiaomi/dod-1237"]
 */
export function embeddedData(html: string): ReportData {
  const json = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)?.[1];
  if (json === undefined) throw new Error("the page embeds no report data");
  return JSON.parse(json) as ReportData;
}

/** Each lane of the page as `<stream> <world>`, in the page's order. */
export function laneNames(html: string): string[] {
  return embeddedData(html).lanes.map(
    (lane) => `${lane[0]} ${lane[3] === 1 ? "simulated" : "actual"}`,
  );
}
