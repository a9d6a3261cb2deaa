import { existsSync } from "node:fs";
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
  if (!existsSync(file)) return [];
  const companies = readJsonFile(file, CompanyRegistrySchema, "the company registry");
  const seen = new Set<string>();
  for (const [index, company] of companies.entries()) {
    if (seen.has(company.id)) {
      const issue = { file, field: `${index}.id`, message: `${company.id} is listed twice` };
      throw new LogError([issue], "the company registry");
    }
    seen.add(company.id);
  }
  return companies;
}

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
