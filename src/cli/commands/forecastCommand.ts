import { companyTimelines } from "../../query/companyQueries.js";
import { readAssumptions } from "../../app/readAssumptions.js";
import { RequestError } from "../../app/requestError.js";
import { sojournsFromAssumptions } from "../../simulate/assumptions.js";
import {
  type Forecast,
  forecast,
  ForecastLoopError,
  MAX_STEPS_PER_RUN,
} from "../../simulate/forecast.js";
import { sojournsFromHistory } from "../../simulate/sojournModel.js";
import type { CliIo, Command, OptionValues } from "../command.js";
import { formatTable, yesNo } from "../../report/formatTable.js";
import { companyNamedIn, loadTimelines } from "../loadTimelines.js";
import { dateOption, stringOption } from "../optionValues.js";
import { type Progress, progressBar } from "../progressBar.js";
import { UsageError } from "../usageError.js";

/** A forecast draws its progress bar only once it has taken this long. */
const PROGRESS_AFTER_MS = 1_000;

const MAX_STEPS = MAX_STEPS_PER_RUN.toLocaleString("en-US");

export const forecastCommand: Command = {
  name: "forecast",
  summary: "a Monte Carlo forecast of a stream's status on a future date, from the history",
  help: `Usage: designations forecast <company> --until D [--program P] [--runs N] [--seed S]
                              [--assumptions FILE] [--at D] [--json] [--events DIR]

Simulates the stream forward from its state today, many times: how long each status lasts and
which event ends it are drawn from the stays in that status in the log's history (or from
--assumptions), given how long the current one has already lasted. Prints the chance of each
status on D, when the designation stops being enforceable (10th, 50th and 90th percentile), and
on how many historical stays each figure rests. Same seed, same result. A simulation, not advice:
with few historical cases the figures are rough. No run draws more than ${MAX_STEPS} stays:
one that would goes round a loop of stays too short to reach D (0 or 1 day each, back to where
they began), and the forecast stops there and names the loop (exit 2 when the assumptions make
it, 1 when the history alone does). In a terminal, a progress bar shows once the forecast has
taken a second.

  --until D            the date to forecast (required)
  --runs N             number of runs (default 10000, at most 1000000)
  --seed S             seed of the random draws (default 1)
  --assumptions FILE   {"statuses": {"challenged": [{"event": "DesignationVacated", "share": 1,
                       "days": [30, 90]}], ...}}: replaces the history for the statuses it names;
                       "days" lists lengths of stay, one drawn each time (not a range), and the
                       event must be one that ends a stay in the status (changes it, or whether
                       the designation is enforceable)
  --at D               start from this day instead of today
  --json               {"simulated": true, "forecasts": [...]}

Example: designations forecast gowin --until 2027-12-31`,
  options: {
    until: { type: "string" },
    program: { type: "string" },
    runs: { type: "string" },
    seed: { type: "string" },
    assumptions: { type: "string" },
    at: { type: "string" },
    json: { type: "boolean" },
  },
  positionals: { min: 1, max: 1 },
  run({ positionals, values }, io) {
    if (stringOption(values, "until") === undefined) throw new UsageError("--until D is required");
    const until = dateOption(values, "until", "");
    const at = dateOption(values, "at", io.today);
    if (until <= at) throw new UsageError(`--until ${until} must come after ${at}`);
    const runs = wholeNumber(values, "runs", 10_000, 1, 1_000_000);
    const seed = wholeNumber(values, "seed", 1, 0, 2 ** 32 - 1);
    const file = stringOption(values, "assumptions");
    const assumptions = file === undefined ? undefined : readAssumptions(file);
    const all = loadTimelines(values, io);
    const { id: company } = companyNamedIn(
      positionals[0] as string,
      values,
      io,
      all.map((t) => t.company),
    );
    const model = {
      ...sojournsFromHistory(all, at),
      ...(assumptions === undefined ? {} : sojournsFromAssumptions(assumptions)),
    };
    const timelines = companyTimelines(all, company, stringOption(values, "program"));
    const progress = forecastProgress(io, runs * timelines.length);
    let forecasts: Forecast[];
    try {
      forecasts = timelines.map((timeline) =>
        forecast(timeline, {
          at,
          until,
          runs,
          seed,
          model,
          onRun: () => progress.advance(1, 1),
        }),
      );
    } catch (error) {
      throw error instanceof ForecastLoopError ? loopError(error, file) : error;
    } finally {
      progress.finish();
    }
    if (values.json) {
      io.out(JSON.stringify({ simulated: true, assumptions: file ?? null, forecasts }));
      return 0;
    }
    io.out(forecasts.map((result) => forecastText(result, file)).join("\n\n"));
    return 0;
  },
};

/** The forecast's progress bar: runs done of all, drawn once it has taken a second. */
function forecastProgress(io: CliIo, total: number): Progress {
  return progressBar(total, { ...io.progress, items: "runs", after: PROGRESS_AFTER_MS });
}

/**
 * The loop a run went round: bad usage of the assumptions file when an assumption is on it, else
 * a problem of the log's history (exit 1), with what to do about it.
 */
function loopError(error: ForecastLoopError, file: string | undefined): Error {
  if (error.assumed && file !== undefined) {
    return new RequestError(
      `${file}: the assumptions go round a loop: ${error.message}. Give a branch on the loop more days, or a status on it a way out.`,
    );
  }
  return new ForecastLoopError(
    error.stream,
    error.until,
    error.loop,
    "--assumptions can say how long these statuses last instead",
  );
}

function wholeNumber(
  values: OptionValues,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const text = stringOption(values, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`--${name}: "${text}" must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function percent(probability: number): string {
  return `${(probability * 100).toFixed(1)}%`;
}

function forecastText(result: Forecast, assumptions: string | undefined): string {
  const { from, enforceabilityEnds: ends } = result;
  const statuses = formatTable(
    ["status", "chance"],
    result.statusAtUntil.map((s) => [s.status, percent(s.probability)]),
  );
  const basis = formatTable(
    ["status", "stays", "ended", "still going", "streams"],
    result.basis.map((b) => [
      b.status,
      String(b.stays),
      String(b.ended),
      String(b.ongoing),
      String(b.sources),
    ]),
  );
  const endLine =
    ends.probability === 0
      ? `In no run does the designation stop being enforceable by ${result.until}.`
      : `The designation stops being enforceable by ${result.until} in ${percent(ends.probability)} of runs: 10th percentile ${ends.p10}, median ${ends.median}, 90th percentile ${ends.p90}.`;
  return [
    `FORECAST (simulated) of ${result.stream}, ${result.at} to ${result.until}: ${result.runs} runs, seed ${result.seed}${assumptions ? `, assumptions ${assumptions}` : ", from the log's history"}`,
    `On ${result.at}: ${from.status} since ${from.since}, enforceable: ${yesNo(from.enforceable)}.`,
    `Status on ${result.until}:`,
    statuses,
    endLine,
    "The figures rest on these stays (a stay still going on counts as lasting at least so long):",
    basis,
  ].join("\n");
}
