import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Company } from "../../src/domain/companySchema.js";
import { LogError } from "../../src/store/logError.js";
import {
  COMPANIES_FILE,
  companyRegistryIssues,
  readCompanies,
} from "../../src/store/readCompanies.js";
import { makeTempDir, removeDir, writeFile } from "./support/logFixtures.js";

let dir: string;
let file: string;

beforeEach(() => {
  dir = makeTempDir("designations-companies-");
  file = join(dir, COMPANIES_FILE);
});

afterEach(() => {
  removeDir(dir);
});

const XIAOMI: Company = {
  id: "xiaomi",
  name: "Xiaomi Corporation",
  aliases: ["Xiaomi", "Xiaomi Corp."],
  identifiers: { ticker: "1810.HK" },
};
const LUOKUNG: Company = {
  id: "luokung",
  name: "Luokung Technology Corp.",
  aliases: [],
  identifiers: {},
};

function writeRegistry(content: unknown): void {
  writeFile(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
}

/** The LogError `run` throws (and fails the test when it throws anything else, or nothing). */
function logErrorOf(run: () => unknown): LogError {
  try {
    run();
  } catch (error) {
    if (error instanceof LogError) return error;
    throw error;
  }
  throw new Error("expected a LogError, but nothing was thrown");
}

describe("readCompanies", () => {
  it("is empty when there is no companies.json", () => {
    expect(readCompanies(dir)).toEqual([]);
  });

  it("is empty when the events folder itself does not exist", () => {
    expect(readCompanies(join(dir, "no-such-folder"))).toEqual([]);
  });

  it("reads a valid registry, in file order", () => {
    writeRegistry([XIAOMI, LUOKUNG]);
    expect(readCompanies(dir)).toEqual([XIAOMI, LUOKUNG]);
  });

  it("reads an empty registry", () => {
    writeRegistry([]);
    expect(readCompanies(dir)).toEqual([]);
  });

  it("trims the names it reads", () => {
    writeRegistry([{ ...XIAOMI, name: "  Xiaomi Corporation ", aliases: [" Xiaomi "] }]);
    expect(readCompanies(dir)[0]).toMatchObject({
      name: "Xiaomi Corporation",
      aliases: ["Xiaomi"],
    });
  });

  it("rejects malformed JSON, naming the file", () => {
    writeRegistry('[{"id": "xiaomi", "name": "Xiaomi Corporation",');
    const error = logErrorOf(() => readCompanies(dir));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ file });
    expect(error.issues[0]?.message).toMatch(/^malformed JSON: /);
    expect(error.issues[0]?.line).toBeUndefined();
    expect(error.message).toContain(file);
  });

  it("rejects an entry without a name, naming the field", () => {
    const { name: _name, ...nameless } = XIAOMI;
    writeRegistry([nameless]);
    const error = logErrorOf(() => readCompanies(dir));
    expect(error.issues).toEqual([expect.objectContaining({ file, field: "0.name" })]);
    expect(error.message).toContain(`${file}: field "0.name": `);
  });

  it("rejects an empty name, naming the field of the right entry", () => {
    writeRegistry([XIAOMI, { ...LUOKUNG, name: "   " }]);
    const error = logErrorOf(() => readCompanies(dir));
    expect(error.issues.map((issue) => issue.field)).toEqual(["1.name"]);
  });

  it.each([
    ["an id that is not a slug", { ...XIAOMI, id: "Xiaomi Corp" }, "0.id"],
    ["an alias that is not a string", { ...XIAOMI, aliases: ["Xiaomi", 7] }, "0.aliases.1"],
    [
      "an identifier that is not a string",
      { ...XIAOMI, identifiers: { cik: 1 } },
      "0.identifiers.cik",
    ],
    ["missing aliases", { id: "xiaomi", name: "Xiaomi Corporation", identifiers: {} }, "0.aliases"],
  ])("rejects %s, naming the field", (_label, entry, field) => {
    writeRegistry([entry]);
    const error = logErrorOf(() => readCompanies(dir));
    expect(error.issues.map((issue) => issue.field)).toContain(field);
    for (const issue of error.issues) expect(issue.file).toBe(file);
  });

  it("rejects an unknown key in an entry", () => {
    writeRegistry([{ ...XIAOMI, ticker: "1810.HK" }]);
    const error = logErrorOf(() => readCompanies(dir));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.field).toBe("0.ticker");
    expect(error.issues[0]?.message).toContain("ticker");
  });

  it("rejects a registry that is not an array", () => {
    writeRegistry({ xiaomi: XIAOMI });
    const error = logErrorOf(() => readCompanies(dir));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ file, field: "(file)" });
  });

  it("reports every malformed entry, not just the first", () => {
    writeRegistry([{ ...XIAOMI, name: "" }, LUOKUNG, { ...LUOKUNG, id: "BAD ID" }]);
    const error = logErrorOf(() => readCompanies(dir));
    expect(error.issues.map((issue) => issue.field)).toEqual(["0.name", "2.id"]);
  });

  it("rejects an id used twice, naming the second entry", () => {
    writeRegistry([XIAOMI, LUOKUNG, { ...XIAOMI, name: "Xiaomi Group" }]);
    const error = logErrorOf(() => readCompanies(dir));
    expect(error.issues).toEqual([{ file, field: "2.id", message: "xiaomi is listed twice" }]);
  });
});

describe("companyRegistryIssues", () => {
  it("reports a company of the log without an entry, in companies.json", () => {
    writeRegistry([XIAOMI]);
    expect(companyRegistryIssues(dir, ["xiaomi", "acme"])).toEqual([
      { file, message: "acme has a stream but no entry: add its id, name and aliases" },
    ]);
  });

  it("reports each missing company once, however many streams it has", () => {
    writeRegistry([XIAOMI]);
    const issues = companyRegistryIssues(dir, ["acme", "xiaomi", "acme", "beta", "acme"]);
    expect(issues.map((issue) => issue.message)).toEqual([
      "acme has a stream but no entry: add its id, name and aliases",
      "beta has a stream but no entry: add its id, name and aliases",
    ]);
    for (const issue of issues) expect(issue.file).toBe(file);
  });

  it("reports nothing when every company of the log has an entry", () => {
    writeRegistry([XIAOMI, LUOKUNG]);
    expect(companyRegistryIssues(dir, ["xiaomi", "luokung", "xiaomi"])).toEqual([]);
    expect(companyRegistryIssues(dir, [])).toEqual([]);
  });

  it("does not mind entries without a stream", () => {
    writeRegistry([XIAOMI, LUOKUNG]);
    expect(companyRegistryIssues(dir, ["xiaomi"])).toEqual([]);
  });

  it("reports nothing when there is no registry", () => {
    expect(companyRegistryIssues(dir, ["xiaomi", "acme"])).toEqual([]);
  });

  it("returns the problems of a malformed registry instead of throwing", () => {
    writeRegistry("not json");
    const issues = companyRegistryIssues(dir, ["xiaomi"]);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.file).toBe(file);
    expect(issues[0]?.message).toMatch(/^malformed JSON: /);

    writeRegistry([XIAOMI, XIAOMI]);
    expect(companyRegistryIssues(dir, ["acme"])).toEqual([
      { file, field: "1.id", message: "xiaomi is listed twice" },
    ]);
  });
});
