import type { z } from "zod";
import { RequestError } from "../../app/requestError.js";
import { RequestFileError } from "../../app/requestFile.js";
import { scenarioOf } from "../../app/scenarioOf.js";
import {
  ScenarioEditError,
  simulateCompany,
  simulationReportOf,
} from "../../app/simulateCompany.js";
import { IsoDateSchema } from "../../domain/eventSchema.js";
import {
  type HypotheticalEvent,
  HypotheticalEventSchema,
  type ScenarioEdit,
} from "../../simulate/scenario.js";
import type { SimulatedStream, Simulation } from "../../simulate/simulate.js";
import type { EffectStanding } from "../../simulate/compareEffects.js";
import type { Segment } from "../../simulate/compareTimelines.js";
import type { Command, CommandInput } from "../command.js";
import { effectJson, eventWords } from "../../report/effectText.js";
import { formatTable, yesNo } from "../../report/formatTable.js";
import { companyNamedIn, eventsDirOf } from "../loadTimelines.js";
import { dateOption, stringOption } from "../optionValues.js";
import { UsageError } from "../usageError.js";
import { writeOutputFile } from "../../app/writeOutputFile.js";

const EDIT_FLAGS = ["drop", "move", "insert", "replace"] as const;

export const simulateCommand: Command = {
  name: "simulate",
  summary: "what if: replay a company's case with events dropped, moved, replaced or added",
  help: `Usage: designations simulate <company> [--program P] [--scenario FILE] [--drop ID]
                              [--move ID=DATE] [--insert JSON] [--replace ID=JSON] [--until D]
                              [--report FILE] [--json] [--events DIR]

Replays the company's streams twice, as they happened and as the scenario edits them, and prints
both side by side, then every stretch of days where the status or enforceability differs, the
days each world held the designation enforceable, and where the legal effects (purchase ban,
divestment window, ...; see designations effects) differ. Nothing is written to the log; every
alternate answer is labelled simulated. Edits apply in the order given (the file's first). An
edit that names no event of the company (or one an earlier edit dropped), a program the log does
not have, another company, or a replacement on another stream than the event it replaces is bad
usage (exit 2), named by its flag or its file and field, and nothing is written.

  --scenario FILE   a scenario file: {"name", "company", "edits": [...]} (see scenarios/)
  --drop ID         leave an event out (and any correction of it)
  --move ID=DATE    give an event another effective date
  --replace ID=JSON put a hypothetical event in its place, e.g. ID='{"type": "InjunctionDenied",
                    "effective": "2021-03-12"}'
  --insert JSON     add a hypothetical event: {"type", "effective", "program"?, "description"?}
  --until D         count enforceable days up to D (default: today)
  --report FILE     also write the HTML report (see designations report) with two lanes per
                    stream: as it happened, and under it as simulated (a file: standard output
                    takes the text)
  --json            {"simulated": true, "scenario", "streams": [...]}, each stream with
                    "effects": {"actual", "alternate", "differences"}

Example: designations simulate xiaomi --drop xiaomi-dod-1237-0006`,
  options: {
    program: { type: "string" },
    scenario: { type: "string" },
    drop: { type: "string", multiple: true },
    move: { type: "string", multiple: true },
    insert: { type: "string", multiple: true },
    replace: { type: "string", multiple: true },
    until: { type: "string" },
    json: { type: "boolean" },
    report: { type: "string" },
  },
  positionals: { min: 1, max: 1 },
  run(input, io) {
    const report = stringOption(input.values, "report");
    if (report === "-") {
      throw new UsageError(
        "--report -: standard output takes the simulation's text (or --json); give --report a file",
      );
    }
    const dir = eventsDirOf(input.values, io);
    const { id: company } = companyNamedIn(input.positionals[0] as string, input.values, io);
    const tokens = orderedEditTokens(input.values, input.optionOrder);
    const edits = tokens.map(commandLineEdit);
    const file = stringOption(input.values, "scenario");
    const scenario = scenarioOf(company, file, edits);
    const until = dateOption(input.values, "until", io.today);
    let result: Simulation;
    try {
      result = simulateCompany(dir, scenario, {
        until,
        program: stringOption(input.values, "program"),
      });
    } catch (error) {
      if (!(error instanceof ScenarioEditError)) throw error;
      const fromFile = scenario.edits.length - edits.length;
      throw error.edit < fromFile
        ? new RequestFileError(
            [
              {
                file: file as string,
                field: `edits.${error.edit}.${error.field}`,
                message: error.reason,
              },
            ],
            "the scenario",
          )
        : new RequestError(`${flagText(tokens[error.edit - fromFile])}: ${error.reason}`);
    }
    if (report !== undefined) {
      writeOutputFile(report, simulationReportOf(dir, result, io.today), "--report");
    }
    if (input.values.json) {
      io.out(
        JSON.stringify({ simulated: true, scenario, streams: result.streams.map(streamJson) }),
      );
      return 0;
    }
    const wrote = report === undefined ? [] : [`Wrote the report of both worlds to ${report}`];
    io.out(
      [
        `SIMULATED: ${scenario.name}`,
        ...result.streams.map((stream) => streamText(stream)),
        ...wrote,
      ].join("\n\n"),
    );
    return 0;
  },
};

type EditToken = { flag: (typeof EDIT_FLAGS)[number]; value: string };

/**
 * An edit flag as an edit of the scenario, its content checked here: bad usage naming the flag,
 * the field of its JSON and the value found there. (Whether its id names an event is for
 * `simulateCompany` to say.)
 */
function commandLineEdit(token: EditToken): ScenarioEdit {
  const { flag, value } = token;
  if (value === "")
    throw new UsageError(
      `--${flag}: give ${flag === "insert" ? "an event as JSON" : "an event id"}`,
    );
  if (flag === "drop") return { drop: value };
  if (flag === "insert") return { insert: hypotheticalOf(token, jsonOf("--insert", value)) };
  const [id, rest] = splitOnce(value, `--${flag}`);
  if (flag === "replace") {
    return { replace: id, with: hypotheticalOf(token, jsonOf("--replace", rest)) };
  }
  const to = IsoDateSchema.safeParse(rest);
  if (!to.success) throw new UsageError(`${flagText(token)}: ${to.error.issues[0]?.message}`);
  return { move: id, to: to.data };
}

function hypotheticalOf(token: EditToken, json: unknown): HypotheticalEvent {
  const parsed = HypotheticalEventSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0] as z.core.$ZodIssue;
  // An unknown key is reported on the object that holds it: name the key itself.
  const path = issue.code === "unrecognized_keys" ? [...issue.path, ...issue.keys] : issue.path;
  const field = path.length === 0 ? "" : ` field "${path.join(".")}":`;
  let found: unknown = json;
  for (const key of issue.path) found = (found as Record<PropertyKey, unknown> | null)?.[key];
  const got =
    issue.code === "unrecognized_keys" || found === undefined
      ? ""
      : ` (got ${JSON.stringify(found)})`;
  throw new UsageError(`${flagText(token)}:${field} ${issue.message}${got}`);
}

/** `--drop xiaomi-dod-1237-0006`, as the user wrote it. */
function flagText(token: EditToken | undefined): string {
  return token === undefined ? "an edit flag" : `--${token.flag} ${token.value}`;
}

/** The edit flags with their values, in command-line order. */
function orderedEditTokens(values: CommandInput["values"], order: readonly string[]): EditToken[] {
  const used: Record<string, number> = {};
  return order
    .filter((flag): flag is (typeof EDIT_FLAGS)[number] =>
      (EDIT_FLAGS as readonly string[]).includes(flag),
    )
    .map((flag) => ({
      flag,
      value: ((values[flag] as string[] | undefined) ?? [])[
        (used[flag] = (used[flag] ?? -1) + 1)
      ] as string,
    }));
}

function splitOnce(value: string, flag: string): [string, string] {
  const at = value.indexOf("=");
  if (at <= 0) throw new UsageError(`${flag} takes ID=VALUE, got "${value}"`);
  return [value.slice(0, at), value.slice(at + 1)];
}

function jsonOf(flag: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `${flag}: not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function streamJson(stream: SimulatedStream) {
  const intervals = (timeline: SimulatedStream["actual"]) =>
    timeline.intervals.map(({ from, to, status, enforceable, event }) => ({
      from,
      to,
      status,
      enforceable,
      event,
    }));
  return {
    stream: stream.stream,
    program: stream.program,
    actual: intervals(stream.actual),
    alternate: intervals(stream.alternate),
    differences: stream.comparison.differences,
    enforceableDifferences: stream.comparison.enforceableDifferences,
    enforceableDays: stream.comparison.enforceableDays,
    effects: {
      actual: stream.effects.actual.map(effectJson),
      alternate: stream.effects.alternate.map(effectJson),
      differences: stream.effects.differences,
    },
  };
}

function streamText({ stream, comparison, effects }: SimulatedStream): string {
  const rows = comparison.segments.map((s) => [
    s.from ?? "...",
    s.to ?? "...",
    s.actual.status,
    yesNo(s.actual.enforceable),
    s.alternate.status,
    yesNo(s.alternate.enforceable),
    differs(s) ? "*" : "",
  ]);
  const table = formatTable(
    ["from", "to", "actual", "enforceable", "simulated", "enforceable", ""],
    rows,
  );
  const differences =
    comparison.differences.length === 0
      ? ["No differences: the simulated world is the actual one."]
      : [
          "Differences (* above):",
          ...comparison.differences.map(
            (s) =>
              `  ${s.from ?? "..."} to ${s.to ?? "..."}: actual ${world(s.actual)}; simulated ${world(s.alternate)}`,
          ),
        ];
  const { actual, alternate, until } = comparison.enforceableDays;
  const onlyIn = comparison.enforceableDifferences.map(
    (d) =>
      `Enforceable in the ${d.enforceableIn === "actual" ? "actual" : "simulated"} world only: ${d.from ?? "..."} to ${d.to ?? "..."}`,
  );
  return [
    `${stream}: actual and simulated, side by side`,
    table,
    ...differences,
    ...onlyIn,
    `Days enforceable up to ${until}: actual ${actual}, simulated ${alternate}`,
    ...effectsText(effects),
  ].join("\n");
}

function effectsText(effects: SimulatedStream["effects"]): string[] {
  if (effects.actual.length === 0 && effects.alternate.length === 0) return [];
  if (effects.differences.length === 0) return ["Legal effects: the same in both worlds."];
  return [
    "Legal effects that differ:",
    ...effects.differences.map(
      (d) =>
        `  ${d.kind} ${d.from} to ${d.to ?? "..."}: actual ${standingText(d.actual)}; simulated ${standingText(d.alternate)}`,
    ),
  ];
}

function standingText(standing: EffectStanding): string {
  if (standing.state === "none") return "not due";
  return standing.suspendedBy === undefined
    ? standing.state
    : `suspended (${eventWords(standing.suspendedBy)})`;
}

function differs(segment: Segment): boolean {
  return (
    segment.actual.status !== segment.alternate.status ||
    segment.actual.enforceable !== segment.alternate.enforceable
  );
}

function world(standing: Segment["actual"]): string {
  return `${standing.status}, ${standing.enforceable ? "enforceable" : "not enforceable"}`;
}
