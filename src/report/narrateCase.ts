import type { Step, Timeline } from "../domain/timeline.js";
import { formatTable, yesNo } from "./formatTable.js";

/**
 * A case told step by step, one line a step in date order: date, event, status before → after,
 * enforceable before → after, court and docket, judge, and the first source's publisher. The
 * first line is the header; several programs of one company are told together.
 *
 * @example
 * narrateCase(companyTimelines(timelines, "xiaomi"))[1];
 * // "2021-01-14  dod-1237  Listed  unlisted → listed  no → yes  -  -  SiliconExpert"
 */
export function narrateCase(timelines: readonly Timeline[]): string[] {
  const steps = timelines
    .flatMap((timeline) => timeline.steps.map((step) => ({ program: timeline.program, step })))
    .sort((a, b) =>
      a.step.event.effective < b.step.event.effective
        ? -1
        : a.step.event.effective > b.step.event.effective
          ? 1
          : 0,
    );
  const rows = steps.map(({ program, step }) => row(program, step));
  const header = [
    "date",
    "program",
    "event",
    "status",
    "enforceable",
    "court, docket",
    "judge",
    "source",
  ];
  return formatTable(header, rows).split("\n");
}

function row(program: string, { event, before, after }: Step): string[] {
  const data = event.data as { court?: string; docket?: string; judge?: string; subject?: string };
  const court = [data.court, data.docket].filter(Boolean).join(", ") || "-";
  const type = event.type === "Noted" && data.subject ? `Noted (${data.subject})` : event.type;
  const date = event.precision === "month" ? `${event.effective.slice(0, 7)} ~` : event.effective;
  return [
    date,
    program,
    type,
    `${before.status} → ${after.status}`,
    `${yesNo(before.enforceable)} → ${yesNo(after.enforceable)}`,
    court,
    data.judge ?? "-",
    event.sources[0]?.publisher ?? "-",
  ];
}
