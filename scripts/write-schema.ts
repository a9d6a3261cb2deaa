/**
 * Writes the JSON Schema of one log line to events/schema.json, so that other tools can validate
 * the log. `--check` writes nothing and exits 1 when the file is stale.
 *
 *   npm run schema            # write events/schema.json
 *   npm run schema -- --check # exit 1 if it differs from the zod schemas
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { eventJsonSchemaText } from "../src/domain/eventJsonSchema.js";

const file = fileURLToPath(new URL("../events/schema.json", import.meta.url));
const text = eventJsonSchemaText();
const current = existsSync(file) ? readFileSync(file, "utf8") : undefined;

if (process.argv.includes("--check")) {
  if (current !== text) {
    process.stderr.write(`${file} is stale: run npm run schema\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`${file} is up to date\n`);
  }
} else if (current === text) {
  process.stdout.write(`${file} is up to date\n`);
} else {
  writeFileSync(file, text);
  process.stdout.write(`wrote ${file}\n`);
}
