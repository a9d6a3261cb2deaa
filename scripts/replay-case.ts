/**
 * Narrates one company's case in date order, one line a step.
 *
 *   npm run replay-case -- xiaomi
 *   npm run replay-case -- "Luokung Technology" --step   # Enter between steps, in a terminal
 *   npm run replay-case -- amec --program dod-1260h --events DIR
 */
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { companyNamed, loadCompanyTimelines, RequestError } from "../src/app/index.js";
import { DEFAULT_EVENTS_DIR } from "../src/cli/defaultEventsDir.js";
import { runGuarded } from "../src/cli/runGuarded.js";
import { narrateCase } from "../src/report/index.js";

const USAGE = "Usage: npm run replay-case -- <company> [--program P] [--step] [--events DIR]";
const HELP = "npm run replay-case -- --help";

await runGuarded(HELP, async () => {
  const { positionals, values } = parseArgs({
    options: {
      program: { type: "string" },
      step: { type: "boolean" },
      events: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const query = positionals[0];
  if (query === undefined || positionals.length > 1) throw new RequestError("give one company");
  const dir = values.events ?? DEFAULT_EVENTS_DIR;
  const { id, company } = companyNamed(dir, query);
  const name = company?.name ?? id;
  const timelines = loadCompanyTimelines(dir, id, { program: values.program, steps: true });
  const [header, ...lines] = narrateCase(timelines);
  process.stdout.write(`${name} (${id}), step by step\n${header}\n`);
  const interactive = values.step === true && process.stdin.isTTY === true;
  const prompt = interactive
    ? createInterface({ input: process.stdin, output: process.stderr })
    : undefined;
  for (const [index, line] of lines.entries()) {
    process.stdout.write(`${line}\n`);
    if (prompt && index < lines.length - 1) await prompt.question("");
  }
  prompt?.close();
  return 0;
});
