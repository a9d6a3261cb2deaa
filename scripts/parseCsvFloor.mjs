/* global process, Buffer */
// The floor of the screen benchmark, as a whole process like `screen` it is compared with: parse a
// CSV file with csv-parse exactly as `screen` reads one (src/app/screenInput.ts: the same options,
// the stream parser written to and read from in turn with 64 KiB chunks), count the records and
// nothing else (plain Node, no build).
//   node scripts/parseCsvFloor.mjs <file.csv>
import { closeSync, openSync, readSync } from "node:fs";
import { parse } from "csv-parse";

const CHUNK = 1 << 16;
const file = process.argv[2];
if (file === undefined) {
  process.stderr.write("Usage: node scripts/parseCsvFloor.mjs <file.csv>\n");
  process.exit(2);
}
const parser = parse({
  bom: true,
  relax_column_count: true,
  skip_empty_lines: true,
  info: true,
  raw: true,
  max_record_size: 128 * 1024,
});
let failure;
parser.on("error", (error) => {
  failure = error;
});
let records = 0;
const drain = () => {
  for (let next = parser.read(); next !== null; next = parser.read()) {
    if (next.record.length > 0 && next.info.lines > 0) records += 1;
  }
  if (failure !== undefined) throw failure;
};
const fd = openSync(file, "r");
const buffer = Buffer.allocUnsafe(CHUNK);
for (let read = readSync(fd, buffer, 0, CHUNK, null); read > 0;) {
  parser.write(Buffer.from(buffer.subarray(0, read)));
  drain();
  read = readSync(fd, buffer, 0, CHUNK, null);
}
closeSync(fd);
parser.end();
drain();
// The header is a record too: the rows are the others.
process.stdout.write(`${records - 1}\n`);
