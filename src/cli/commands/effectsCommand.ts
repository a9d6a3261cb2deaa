import type { EffectPeriod } from "../../domain/programRules/effect.js";
import { rulesOfProgram } from "../../domain/programRules/programRules.js";
import { effectsAt, effectsOf } from "../../query/effectsOf.js";
import { statusAt } from "../../query/statusAt.js";
import type { EventRef, Timeline } from "../../domain/timeline.js";
import type { Command } from "../command.js";
import {
  citationText,
  endedByText,
  endText,
  eventWords,
  startText,
} from "../../report/effectText.js";
import { formatTable } from "../../report/formatTable.js";
import { effectsStreamJson } from "../../report/answerJson.js";
import { companyTimelinesOf } from "../loadTimelines.js";
import { dateOption, VIEW_HELP, VIEW_OPTIONS, viewOption } from "../optionValues.js";
import { UNCERTAIN_NOTE, viewText } from "../statusJson.js";

export const effectsCommand: Command = {
  name: "effects",
  summary: "what a company's listings mean in law on a date: securities and DoD contracting bans",
  help: `Usage: designations effects <company> [--program P] [--at YYYY-MM-DD | --timeline]
                            [--known-at D] [--recorded-at T] [--json] [--events DIR]

The legal effects due on a date, each in force or suspended: purchase-ban, divestment-window and
holding-ban (EO 13959 as amended by EO 13974 for dod-1237 and ofac-ns-ccmc, to 2021-06-03;
EO 14032 for ofac-ns-cmic), dod-contracting-ban and dod-procurement-ban (FY2024 NDAA sec. 805,
for dod-1260h). Each with its start (and the order's time of day), its end if known, the rule
it comes from, and, when suspended, the event that suspended it: an injunction in force
suspends every effect; a vacatur or a removal ends them; a relisting restarts their clocks. The
BIS lists carry no modelled effects.

  --program P   only this program (e.g. dod-1237)
  --at D        the date to ask about (default: today); the whole day counts
  --timeline    every effect period over time instead, with what ended it early
${VIEW_HELP}
  --json        {"company", "at", "streams": [{"program", "effects": [...]}]}; with --timeline
                "timeline": true and no "at"
  --events DIR  the events folder (default: the repository's events/)

Example: designations effects xiaomi --at 2021-04-01`,
  options: {
    program: { type: "string" },
    at: { type: "string" },
    timeline: { type: "boolean" },
    json: { type: "boolean" },
    ...VIEW_OPTIONS,
  },
  positionals: { min: 1, max: 1 },
  conflicts: [["at", "timeline"]],
  run({ positionals, values }, io) {
    const at = dateOption(values, "at", io.today);
    const whole = values.timeline === true;
    const { company, label, timelines } = companyTimelinesOf(positionals[0] as string, values, io);
    const streams = timelines.map((timeline) => {
      const all = effectsOf(timeline);
      return { timeline, effects: whole ? all : effectsAt(all, at) };
    });
    const { knownAt, recordedAt } = viewOption(values);
    if (values.json) {
      const json = streams.map(({ timeline, effects }) => effectsStreamJson(timeline, effects));
      const when = whole ? { timeline: true } : { at };
      io.out(JSON.stringify({ company, ...when, knownAt, recordedAt, streams: json }));
      return 0;
    }
    const heading = whole
      ? `${label}: legal effects over time`
      : `${label}: legal effects on ${at}`;
    const lines = [heading + viewText({ knownAt, recordedAt }), effectsTable(streams, whole)];
    const without = timelines.filter((t) => rulesOfProgram(t.program) === undefined);
    if (without.length > 0) {
      lines.push(`No legal effects are modelled for ${without.map((t) => t.program).join(", ")}.`);
    }
    if (!whole && timelines.some((t) => statusAt(t, at).uncertain)) lines.push(UNCERTAIN_NOTE);
    io.out(lines.join("\n"));
    return 0;
  },
};

function effectsTable(
  streams: readonly { timeline: Timeline; effects: readonly EffectPeriod[] }[],
  whole: boolean,
): string {
  const rows = streams.flatMap(({ timeline, effects }) => {
    const uncertain = new Set(timeline.intervals.filter((i) => i.uncertain).map((i) => i.from));
    const mark = (text: string, date: string | null) =>
      date !== null && uncertain.has(date) ? `${text} ~` : text;
    return effects.map((effect) => [
      timeline.program,
      effect.kind,
      effect.inForce ? "in force" : "suspended",
      mark(startText(effect), effect.from),
      mark(endText(effect), effect.to),
      citationText(effect.rule.citation),
      effect.suspendedBy ? suspensionText(effect.suspendedBy) : "-",
      ...(whole ? [endedByText(effect)] : []),
    ]);
  });
  if (rows.length === 0) {
    return whole ? "No effects at any time." : "No effects in force or suspended on that date.";
  }
  const header = ["program", "effect", "state", "from", "to", "rule", "suspended by"];
  const table = formatTable(whole ? [...header, "ended early by"] : header, rows);
  const marked = rows.some((row) => row[3]?.endsWith(" ~") || row[4]?.endsWith(" ~"));
  return marked ? `${table}\n${UNCERTAIN_DATE_NOTE}` : table;
}

const UNCERTAIN_DATE_NOTE =
  "~ the event that sets this date is dated only to the month (the date is that month's 1st)";

function suspensionText(event: EventRef): string {
  return `${eventWords(event)} of ${event.effective}`;
}
