/* global process */
// The benchmark's floor, as a whole process like the commands it is compared with: read every
// stream file of an events folder and JSON.parse every line, nothing else (plain Node, no build).
//   node scripts/floor.mjs <events folder>
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? "events";
let parsed = 0;
for (const program of readdirSync(dir, { withFileTypes: true })) {
  if (!program.isDirectory()) continue;
  for (const name of readdirSync(join(dir, program.name))) {
    if (!name.endsWith(".jsonl")) continue;
    const text = readFileSync(join(dir, program.name, name), "utf8");
    let start = 0;
    while (start < text.length) {
      const end = text.indexOf("\n", start);
      if (JSON.parse(text.slice(start, end)) !== null) parsed += 1;
      start = end + 1;
    }
  }
}
process.stdout.write(`${parsed}\n`);
