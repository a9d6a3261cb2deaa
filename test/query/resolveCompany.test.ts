import { describe, expect, it } from "vitest";
import type { Company } from "../../src/domain/companySchema.js";
import { AmbiguousCompanyError, UnknownCompanyError } from "../../src/query/queryErrors.js";
import { resolveCompany } from "../../src/query/resolveCompany.js";

function company(id: string, name: string, aliases: string[] = []): Company {
  return { id, name, aliases, identifiers: {} };
}

/** A registry shaped like the repository's, small enough to reason about. */
const COMPANIES: Company[] = [
  company("xiaomi", "Xiaomi Corporation", ["Xiaomi", "Xiaomi Corp.", "小米"]),
  company("luokung", "Luokung Technology Corp.", [
    "Luokung",
    "Luokung Tech. Corp.",
    "Luokong Technology Corporation",
  ]),
  company("comac", "Commercial Aircraft Corporation of China", ["COMAC"]),
  company("cnah", "China National Aviation Holding Co.", ["CNAH"]),
  company("cnooc", "China National Offshore Oil Corporation", ["CNOOC"]),
  company("cnooc-limited", "CNOOC Limited", ["CNOOC Ltd."]),
];
const LOG_IDS = COMPANIES.map((c) => c.id);

function resolve(query: string, logIds: readonly string[] = LOG_IDS): string {
  return resolveCompany(query, COMPANIES, logIds);
}

/** The error `resolve` throws (and fails the test when it throws none). */
function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error("expected an error, but none was thrown");
}

describe("resolveCompany: exact names", () => {
  it("resolves an id", () => {
    expect(resolve("xiaomi")).toBe("xiaomi");
    expect(resolve("cnooc-limited")).toBe("cnooc-limited");
  });

  it("resolves the full name", () => {
    expect(resolve("Xiaomi Corporation")).toBe("xiaomi");
    expect(resolve("Luokung Technology Corp.")).toBe("luokung");
  });

  it("resolves any alias, including a misspelled one and one in another script", () => {
    expect(resolve("Luokong Technology Corporation")).toBe("luokung");
    expect(resolve("COMAC")).toBe("comac");
    expect(resolve("小米")).toBe("xiaomi");
  });

  it.each([
    ["xiaomi corp", "xiaomi"],
    ["Xiaomi Corp.", "xiaomi"],
    ["XIAOMI CORP", "xiaomi"],
    ["  xiaomi   corp ", "xiaomi"],
    ["xiaomi-corp", "xiaomi"],
    ["xiaomi, corporation!", "xiaomi"],
    ["CNOOC LIMITED", "cnooc-limited"],
    ["cnooc limited", "cnooc-limited"],
    ["Cnooc_Limited", "cnooc-limited"],
    ["luokung tech corp", "luokung"],
  ])("ignores case and punctuation: %j is %s", (query, id) => {
    expect(resolve(query)).toBe(id);
  });
});

describe("resolveCompany: partial names", () => {
  it("resolves a name that only one company's names contain", () => {
    expect(resolve("Luokung Tech")).toBe("luokung");
    expect(resolve("offshore oil")).toBe("cnooc");
    expect(resolve("aviation")).toBe("cnah");
  });

  it("lets an exact match win over partial matches of other companies", () => {
    // "CNOOC" is an alias of cnooc, and also part of "CNOOC Limited" (and of "cnooc-limited").
    expect(resolve("CNOOC")).toBe("cnooc");
    expect(resolve("cnooc.")).toBe("cnooc");
    // Partial matching alone would find both, so the exact one is what decides.
    expect(errorOf(() => resolve("cnoo"))).toBeInstanceOf(AmbiguousCompanyError);
  });

  it("lets an exact match win even when its own names also match partially elsewhere", () => {
    const companies = [
      company("acme", "Acme", []),
      company("acme-holdings", "Acme Holdings", []),
      company("acme-labs", "Acme Labs", []),
    ];
    const ids = companies.map((c) => c.id);
    expect(resolveCompany("acme", companies, ids)).toBe("acme");
    expect(resolveCompany("ACME!", companies, ids)).toBe("acme");
    expect(resolveCompany("acme hold", companies, ids)).toBe("acme-holdings");
  });
});

describe("resolveCompany: ambiguous names", () => {
  it("throws AmbiguousCompanyError listing every candidate's id and name", () => {
    const error = errorOf(() => resolve("china"));
    expect(error).toBeInstanceOf(AmbiguousCompanyError);
    const ambiguous = error as AmbiguousCompanyError;
    expect(ambiguous.query).toBe("china");
    expect(ambiguous.candidates).toEqual([
      { id: "comac", name: "Commercial Aircraft Corporation of China" },
      { id: "cnah", name: "China National Aviation Holding Co." },
      { id: "cnooc", name: "China National Offshore Oil Corporation" },
    ]);
    expect(ambiguous.message).toBe(
      [
        '"china" could be any of 3 companies; say which:',
        "  comac  Commercial Aircraft Corporation of China",
        "  cnah   China National Aviation Holding Co.",
        "  cnooc  China National Offshore Oil Corporation",
      ].join("\n"),
    );
  });

  it("keeps the query as the user typed it in the message", () => {
    const error = errorOf(() => resolve("CNOO"));
    expect(error).toBeInstanceOf(AmbiguousCompanyError);
    expect(error.message).toMatch(/^"CNOO" could be any of 2 companies; say which:\n/);
    expect(error.message).toContain("  cnooc          China National Offshore Oil Corporation");
    expect(error.message).toContain("  cnooc-limited  CNOOC Limited");
  });

  it("treats an alias shared by two companies as ambiguous", () => {
    const companies = [
      company("alpha", "Alpha Industries", ["Star"]),
      company("beta", "Beta Group", ["Star"]),
    ];
    const error = errorOf(() => resolveCompany("star", companies, ["alpha", "beta"]));
    expect(error).toBeInstanceOf(AmbiguousCompanyError);
    expect((error as AmbiguousCompanyError).candidates.map((c) => c.id)).toEqual(["alpha", "beta"]);
  });
});

describe("resolveCompany: unknown names", () => {
  it("throws UnknownCompanyError with the known ids, sorted", () => {
    const error = errorOf(() => resolve("huawei"));
    expect(error).toBeInstanceOf(UnknownCompanyError);
    const unknown = error as UnknownCompanyError;
    expect(unknown.company).toBe("huawei");
    expect(unknown.known).toEqual([...LOG_IDS].sort());
  });

  it("lists the known ids in the message when there are 8 or fewer", () => {
    expect(errorOf(() => resolve("huawei")).message).toBe(
      'unknown company "huawei"; the log has: cnah, cnooc, cnooc-limited, comac, luokung, xiaomi',
    );
    const eight = Array.from({ length: 8 }, (_, i) => company(`c${i + 1}`, `Company ${i + 1}`));
    const error = errorOf(() =>
      resolveCompany(
        "huawei",
        eight,
        eight.map((c) => c.id),
      ),
    );
    expect(error.message).toBe(
      'unknown company "huawei"; the log has: c1, c2, c3, c4, c5, c6, c7, c8',
    );
  });

  it("counts the companies instead of listing them when there are more than 8", () => {
    const nine = Array.from({ length: 9 }, (_, i) => company(`c${i + 1}`, `Company ${i + 1}`));
    const error = errorOf(() =>
      resolveCompany(
        "huawei",
        nine,
        nine.map((c) => c.id),
      ),
    );
    expect(error).toBeInstanceOf(UnknownCompanyError);
    expect((error as UnknownCompanyError).known).toHaveLength(9);
    expect(error.message).toBe(
      'unknown company "huawei": no id, name or alias of the 9 companies of the log fits; designations list shows them',
    );
  });

  it("says so when there are no companies at all", () => {
    const error = errorOf(() => resolveCompany("xiaomi", [], []));
    expect(error).toBeInstanceOf(UnknownCompanyError);
    expect(error.message).toBe('unknown company "xiaomi"; the log has: (no companies)');
  });

  it("does not treat an empty or punctuation-only query as a partial match of everything", () => {
    for (const query of ["", "   ", "...", "-"]) {
      expect(errorOf(() => resolve(query))).toBeInstanceOf(UnknownCompanyError);
    }
  });
});

describe("resolveCompany: ids of the log the registry does not describe", () => {
  it("resolves them by id", () => {
    expect(resolve("acme", [...LOG_IDS, "acme"])).toBe("acme");
    expect(resolveCompany("acme", [], ["acme"])).toBe("acme");
    expect(resolveCompany("ACME", [], ["acme"])).toBe("acme");
  });

  it("matches them partially by id and offers them as candidates under their id", () => {
    expect(resolveCompany("new", [], ["brand-new-co", "acme"])).toBe("brand-new-co");
    const error = errorOf(() =>
      resolveCompany(
        "acme",
        [company("acme-holdings", "Acme Holdings")],
        ["acme-holdings", "acme-labs"],
      ),
    );
    expect(error).toBeInstanceOf(AmbiguousCompanyError);
    expect((error as AmbiguousCompanyError).candidates).toEqual([
      { id: "acme-holdings", name: "Acme Holdings" },
      { id: "acme-labs", name: "acme-labs" },
    ]);
  });

  it("counts them among the known companies of an unknown name", () => {
    const error = errorOf(() => resolveCompany("huawei", COMPANIES, [...LOG_IDS, "acme"]));
    expect(error).toBeInstanceOf(UnknownCompanyError);
    expect((error as UnknownCompanyError).known).toContain("acme");
  });

  it("still resolves registry companies that have no stream", () => {
    expect(resolveCompany("Xiaomi Corp.", COMPANIES, [])).toBe("xiaomi");
  });
});
