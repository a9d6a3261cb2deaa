import { join } from "node:path";
import { type Company, CompanyRegistrySchema } from "../domain/companySchema.js";
import { withFileLock } from "./fileLock.js";
import { COMPANIES_FILE, readCompanies } from "./readCompanies.js";
import { writeFileWhole } from "./writeFileWhole.js";

/**
 * Changes the company registry `<dir>/companies.json` under its lock: `change` gets the entries
 * as they are on disk now and returns the new ones, which replace the file whole (a temporary
 * file created exclusively, flushed, then renamed over it), one entry a line. A registry that
 * would not read back is refused before anything is written.
 *
 * @example
 * updateCompanies("events", (companies) => [...companies, { id: "acme", name: "Acme", aliases: [], identifiers: {} }]);
 */
export function updateCompanies(
  dir: string,
  change: (companies: Company[]) => Company[],
): Company[] {
  const file = join(dir, COMPANIES_FILE);
  return withFileLock(`${file}.lock`, () => {
    const next = CompanyRegistrySchema.parse(change(readCompanies(dir)));
    const text = `[\n${next.map((company) => `  ${JSON.stringify(company)}`).join(",\n")}\n]\n`;
    writeFileWhole(file, text);
    return next;
  });
}
