import { statSync } from "node:fs";
import { join } from "node:path";
import { type Company, CompanyRegistrySchema } from "../domain/companySchema.js";
import { LogError, type LogIssue } from "./logError.js";
import { readJsonFile } from "./readJsonFile.js";

/** The registry's file name, beside the program folders. */
export const COMPANIES_FILE = "companies.json";

/**
 * The company registry `<dir>/companies.json`, or an empty one when there is no such file.
 * Throws `LogError` naming the field of a malformed entry, or an id used twice.
 *
 * @example
 * readCompanies("events").find((c) => c.id === "xiaomi")?.name; // "Xiaomi Corporation"
 */
export function readCompanies(dir: string): Company[] {
  const file = join(dir, COMPANIES_FILE);
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat === undefined) return [];
  // A long-lived process (the server) reads the registry once per version of the file: the
  // same frozen array comes back, and with it the name index built for it.
  const version = `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
  const cached = lastRead.get(file);
  if (cached?.version === version) return cached.companies;
  const companies = readJsonFile(file, CompanyRegistrySchema, "the company registry");
  const seen = new Set<string>();
  for (const [index, company] of companies.entries()) {
    if (seen.has(company.id)) {
      const issue = { file, field: `${index}.id`, message: `${company.id} is listed twice` };
      throw new LogError([issue], "the company registry");
    }
    seen.add(company.id);
  }
  Object.freeze(companies);
  lastRead.set(file, { version, companies });
  return companies;
}

const lastRead = new Map<string, { version: string; companies: Company[] }>();

/**
 * The registry's problems for `verify`: a malformed file, and (once there is a registry) a
 * company of the log that it does not describe.
 *
 * @example
 * companyRegistryIssues("events", ["xiaomi", "acme"]); // [{ file, message: "acme has a stream but ..." }]
 */
export function companyRegistryIssues(dir: string, companyIds: readonly string[]): LogIssue[] {
  let companies: Company[];
  try {
    companies = readCompanies(dir);
  } catch (error) {
    if (error instanceof LogError) return [...error.issues];
    throw error;
  }
  if (companies.length === 0) return [];
  const file = join(dir, COMPANIES_FILE);
  return [...new Set(companyIds)]
    .filter((id) => !companies.some((company) => company.id === id))
    .map((id) => ({
      file,
      message: `${id} has a stream but no entry: add its id, name and aliases`,
    }));
}
