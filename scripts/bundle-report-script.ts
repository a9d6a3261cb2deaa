/**
 * Bundles the report page's script (src/report/browser/) into
 * src/report/browser/bundle.generated.ts, which the report inlines into its page. `npm run build`
 * runs it first. `--check` writes nothing and exits 1 when the file is stale.
 *
 *   npm run bundle              # write src/report/browser/bundle.generated.ts
 *   npm run bundle -- --check   # exit 1 if it differs from a fresh bundle
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  bundleReportScript,
  REPORT_SCRIPT_MODULE,
  reportScriptModule,
} from "./reportScriptBundle.js";

const file = fileURLToPath(new URL(`../${REPORT_SCRIPT_MODULE}`, import.meta.url));
const text = reportScriptModule(await bundleReportScript());
const current = existsSync(file) ? readFileSync(file, "utf8") : undefined;

if (process.argv.includes("--check")) {
  if (current !== text) {
    process.stderr.write(`${REPORT_SCRIPT_MODULE} is stale: run npm run bundle\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`${REPORT_SCRIPT_MODULE} is up to date\n`);
  }
} else if (current === text) {
  process.stdout.write(`${REPORT_SCRIPT_MODULE} is up to date\n`);
} else {
  writeFileSync(file, text);
  process.stdout.write(`wrote ${REPORT_SCRIPT_MODULE}\n`);
}
