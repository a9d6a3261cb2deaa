import { describe, expect, it } from "vitest";
import type { Company } from "../../src/domain/companySchema.js";
import { AmbiguousCompanyError, UnknownCompanyError } from "../../src/query/queryErrors.js";
import { resolveCompany } from "../../src/query/resolveCompany.js";
import { duplicateCompanyNames } from "../../src/query/duplicateCompanyNames.js";
import { matchCompanyName, UNCERTAIN_MAX_SCORE } from "../../src/query/matchCompanyName.js";
import {
  type CompanyHit,
  FUZZY_MAX_SCORE,
  searchCompanies,
} from "../../src/query/searchCompanies.js";

function company(id: string, name: string, aliases: string[] = []): Company {
  return { id, name, aliases, identifiers: {} };
}

/** A registry shaped like the repository's: full names, short names, acronyms, Chinese names. */
const REGISTRY: readonly Company[] = [
  company("xiaomi", "Xiaomi Corporation", ["Xiaomi", "Xiaomi Corp.", "小米"]),
  company("hesai", "Hesai Group"),
  company("cmcc", "China Mobile Communications Group Co., Ltd."),
  company("china-telecom", "China Telecommunications Corporation", ["China Telecom"]),
  company("china-unicom", "China United Network Communications Group Co., Ltd.", ["China Unicom"]),
  company("hikvision", "Hangzhou Hikvision Digital Technology Co., Ltd.", ["Hikvision"]),
  company("huawei", "Huawei Technologies Co., Ltd.", ["Huawei"]),
  company("luokung", "Luokung Technology Corp.", [
    "Luokung",
    "Luokong Technology Corporation (LKCO)",
  ]),
  company("megvii", "Beijing Megvii Technology Co., Ltd.", ["Megvii"]),
  company("dji", "SZ DJI Technology Co., Ltd.", ["DJI"]),
  company("cnooc", "China National Offshore Oil Corporation", ["CNOOC"]),
  company("cnooc-limited", "CNOOC Limited", ["CNOOC Ltd."]),
  company("tencent", "Tencent Holdings Ltd.", ["Tencent"]),
  company("amec", "Advanced Micro-Fabrication Equipment Inc. China", ["AMEC", "中微公司"]),
];

function search(query: string): CompanyHit[] {
  return searchCompanies(query, REGISTRY);
}

function hit(id: string, matched: string, how: CompanyHit["how"], score = 0): CompanyHit {
  const entry = REGISTRY.find((c) => c.id === id) as Company;
  return { id, name: entry.name, matched, how, score };
}

describe("searchCompanies: exact names", () => {
  it("finds an id", () => {
    expect(search("xiaomi")).toEqual([hit("xiaomi", "xiaomi", "id")]);
    expect(search("cnooc-limited")[0]).toEqual(hit("cnooc-limited", "cnooc-limited", "id"));
  });

  it("finds the full name, and says it was the name", () => {
    expect(search("Xiaomi Corporation")).toEqual([hit("xiaomi", "Xiaomi Corporation", "name")]);
  });

  it("finds an alias, and names the alias as written", () => {
    expect(search("Xiaomi Corp.")).toEqual([hit("xiaomi", "Xiaomi Corp.", "alias")]);
    expect(search("xiaomi-corp")).toEqual([hit("xiaomi", "Xiaomi Corp.", "alias")]);
    expect(search("China Telecom")[0]).toEqual(hit("china-telecom", "China Telecom", "alias"));
  });

  it("finds a name without its legal suffix, or with another one", () => {
    const hikvision = "Hangzhou Hikvision Digital Technology Co., Ltd.";
    expect(search("Hangzhou Hikvision Digital Technology")).toEqual([
      hit("hikvision", hikvision, "name"),
    ]);
    expect(search("hangzhou hikvision digital technology corporation")).toEqual([
      hit("hikvision", hikvision, "name"),
    ]);
    expect(search("Tencent Holdings")).toEqual([hit("tencent", "Tencent Holdings Ltd.", "name")]);
  });

  it("finds the acronym of a name of the form X (Y), and X alone", () => {
    const lkco = "Luokong Technology Corporation (LKCO)";
    expect(search("LKCO")[0]).toEqual(hit("luokung", lkco, "alias"));
    expect(search("Luokong Technology")).toEqual([hit("luokung", lkco, "alias")]);
  });

  it("finds a name in Chinese characters", () => {
    expect(search("小米")).toEqual([hit("xiaomi", "小米", "alias")]);
    expect(search("中微公司")).toEqual([hit("amec", "中微公司", "alias")]);
  });

  it("says id only for an id typed as it is, and a name or alias for the same letters", () => {
    expect(search("Xiaomi")).toEqual([hit("xiaomi", "Xiaomi", "alias")]);
    expect(search("CNOOC Limited")[0]).toEqual(hit("cnooc-limited", "CNOOC Limited", "name"));
  });

  it("puts the entry written alike before one alike only once normalised", () => {
    // "CNOOC Limited" normalises to "cnooc", which is also cnooc's alias.
    expect(search("CNOOC Limited")).toEqual([
      hit("cnooc-limited", "CNOOC Limited", "name"),
      hit("cnooc", "CNOOC", "alias"),
    ]);
    expect(search("cnooc")).toEqual([
      hit("cnooc", "cnooc", "id"),
      hit("cnooc-limited", "CNOOC Limited", "name"),
    ]);
  });

  it("finds nothing for an empty or punctuation-only query", () => {
    expect(search("")).toEqual([]);
    expect(search(" -.,")).toEqual([]);
  });
});

describe("searchCompanies: partial names", () => {
  it("finds the names that hold the query's words, whole words first", () => {
    expect(search("offshore oil")).toEqual([
      hit("cnooc", "China National Offshore Oil Corporation", "partial", 0.1),
    ]);
    expect(search("Hikvision Digital Tech")).toEqual([
      hit("hikvision", "Hangzhou Hikvision Digital Technology Co., Ltd.", "partial", 0.2),
    ]);
  });

  it("offers every company a word fits, in the registry's order, for an ambiguous query", () => {
    const hits = search("china");
    expect(hits.map((h) => [h.id, h.how, h.score])).toEqual([
      ["cmcc", "partial", 0.1],
      ["china-telecom", "partial", 0.1],
      ["china-unicom", "partial", 0.1],
      ["cnooc", "partial", 0.1],
      ["amec", "partial", 0.1],
    ]);
    expect(hits.at(-1)?.matched).toBe("Advanced Micro-Fabrication Equipment Inc. China");
  });

  it("finds a company one of whose names the query holds", () => {
    expect(search("Tencent Music Entertainment")).toEqual([
      hit("tencent", "Tencent", "partial", 0.3),
    ]);
  });

  it("gives one hit per company, however many of its names fit", () => {
    const ids = search("xiao").map((h) => h.id);
    expect(ids).toEqual(["xiaomi"]);
  });

  it("stops at the limit", () => {
    expect(searchCompanies("china", REGISTRY, { limit: 2 }).map((h) => h.id)).toEqual([
      "cmcc",
      "china-telecom",
    ]);
    expect(searchCompanies("china", REGISTRY, { limit: 0 })).toEqual([]);
  });
});

describe("searchCompanies: misspellings", () => {
  it.each([
    ["Xiaomy", "xiaomi"],
    ["Hikvison", "hikvision"],
    ["Huaweii", "huawei"],
    ["China Moblie", "cmcc"],
    ["Tencnet", "tencent"],
    ["Megvil", "megvii"],
  ])("finds %j, a near spelling of %s, first", (query, id) => {
    const [first] = search(query);
    expect(first?.id).toBe(id);
    expect(first?.how).toBe("fuzzy");
    expect(first?.score).toBeGreaterThan(0);
    expect(first?.score).toBeLessThanOrEqual(FUZZY_MAX_SCORE);
  });

  it("names the name or alias that came nearest, as written", () => {
    expect(search("Hikvison")).toEqual([hit("hikvision", "Hikvision", "fuzzy", 0.125)]);
    expect(search("Xiaomy")).toEqual([hit("xiaomi", "Xiaomi Corporation", "fuzzy", 0.167)]);
  });

  it.each(["apple", "banana", "oracle", "lenovo", "qwerty", "Xiaomi Phone Store"])(
    "finds nothing for an unrelated word: %j",
    (query) => {
      expect(search(query).filter((h) => h.how === "fuzzy")).toEqual([]);
    },
  );

  it("does not search short queries fuzzily", () => {
    expect(search("dij")).toEqual([]);
    expect(search("djj")).toEqual([]);
  });
});

describe("searchCompanies: the index of a registry", () => {
  it("answers for the array it is given, not for one searched before", () => {
    const before = searchCompanies("robotics", REGISTRY);
    const grown = [...REGISTRY, company("acme", "Acme Robotics")];
    expect(before).toEqual([]);
    expect(searchCompanies("robotics", grown)).toEqual([
      { id: "acme", name: "Acme Robotics", matched: "Acme Robotics", how: "partial", score: 0.1 },
    ]);
    expect(searchCompanies("acme robtics", grown)[0]?.id).toBe("acme");
    expect(searchCompanies("robotics", REGISTRY)).toEqual([]);
  });

  it("keeps the index of an array: an entry pushed onto it later is not searched", () => {
    const registry = [...REGISTRY];
    expect(searchCompanies("robotics", registry)).toEqual([]);
    registry.push(company("acme", "Acme Robotics"));
    expect(searchCompanies("robotics", registry)).toEqual([]);
    expect(searchCompanies("robotics", [...registry])).toHaveLength(1);
  });
});

describe("matchCompanyName", () => {
  it("is certain of a printed name that is exactly one entry's id, name or alias", () => {
    expect(matchCompanyName("XIAOMI CORP", REGISTRY)).toEqual({
      kind: "certain",
      id: "xiaomi",
      how: "alias",
    });
    expect(matchCompanyName("Xiaomi Corporation", REGISTRY)).toEqual({
      kind: "certain",
      id: "xiaomi",
      how: "name",
    });
    expect(matchCompanyName("Hesai Group Co., Ltd.", REGISTRY)).toEqual({
      kind: "certain",
      id: "hesai",
      how: "name",
    });
  });

  it("is certain of one printed alias that fits, and of X (Y) by its Y", () => {
    expect(matchCompanyName("Some Unheard-of Name", REGISTRY, ["Hikvision"])).toEqual({
      kind: "certain",
      id: "hikvision",
      how: "alias",
    });
    expect(matchCompanyName("Luokung Information Technology (LKCO)", REGISTRY)).toEqual({
      kind: "certain",
      id: "luokung",
      how: "alias",
    });
  });

  it("prefers the entry written alike to one alike only once normalised", () => {
    expect(matchCompanyName("CNOOC Ltd.", REGISTRY)).toEqual({
      kind: "certain",
      id: "cnooc-limited",
      how: "alias",
    });
  });

  it("is uncertain, with every entry, when the name fits several exactly", () => {
    expect(matchCompanyName("CNOOC Corp", REGISTRY)).toEqual({
      kind: "uncertain",
      candidates: [
        { id: "cnooc", name: "China National Offshore Oil Corporation", score: 0 },
        { id: "cnooc-limited", name: "CNOOC Limited", score: 0 },
      ],
    });
    const shared = [
      company("alpha", "Alpha Industries", ["Star"]),
      company("beta", "Beta", ["Star"]),
    ];
    expect(matchCompanyName("STAR", shared)).toMatchObject({
      kind: "uncertain",
      candidates: [{ id: "alpha" }, { id: "beta" }],
    });
  });

  it("is uncertain, with candidates, of a name that only partly fits", () => {
    const hesai = matchCompanyName("Hesai Technology Co., Ltd.", REGISTRY);
    expect(hesai).toEqual({
      kind: "uncertain",
      candidates: [{ id: "hesai", name: "Hesai Group", score: 0.3 }],
    });
    const mobile = matchCompanyName("China Mobile Limited", REGISTRY);
    expect(mobile).toEqual({
      kind: "uncertain",
      candidates: [{ id: "cmcc", name: "China Mobile Communications Group Co., Ltd.", score: 0.1 }],
    });
  });

  it("is uncertain of a near spelling, scored by Fuse", () => {
    // Without the id "hesai" among its names, Hesai Group fits only word by word.
    const registry = REGISTRY.map((c) => (c.id === "hesai" ? company("hesai-group", c.name) : c));
    const match = matchCompanyName("Hesai Technology Co., Ltd.", registry);
    expect(match.kind).toBe("uncertain");
    const candidates = match.kind === "uncertain" ? match.candidates : [];
    expect(candidates.map((c) => c.id)).toEqual(["hesai-group"]);
    expect(candidates[0]?.score).toBeGreaterThan(0.3);
    expect(candidates[0]?.score).toBeLessThanOrEqual(UNCERTAIN_MAX_SCORE);
  });

  it("finds none when no entry comes near", () => {
    const withoutHuawei = REGISTRY.filter((c) => c.id !== "huawei");
    expect(matchCompanyName("Huawei Investment & Holding Co., Ltd.", withoutHuawei)).toEqual({
      kind: "none",
    });
    expect(matchCompanyName("Banana Republic LLC", REGISTRY)).toEqual({ kind: "none" });
    // With Huawei in the registry, its short name is within the printed one.
    expect(matchCompanyName("Huawei Investment & Holding Co., Ltd.", REGISTRY)).toEqual({
      kind: "uncertain",
      candidates: [{ id: "huawei", name: "Huawei Technologies Co., Ltd.", score: 0.3 }],
    });
  });
});

describe("duplicateCompanyNames", () => {
  it("groups the entries that share a normalised name", () => {
    expect(duplicateCompanyNames(REGISTRY)).toEqual([
      { name: "cnooc", ids: ["cnooc", "cnooc-limited"] },
    ]);
  });

  it("reports an entry twice under different legal forms, and a shared alias", () => {
    const registry = [
      company("hesai", "Hesai Group", ["Star"]),
      company("acme", "Acme Robotics", ["star"]),
      company("hesai-group-co", "Hesai Group Co., Ltd."),
      company("xiaomi", "Xiaomi Corporation", ["Xiaomi", "Xiaomi Corp."]),
    ];
    expect(duplicateCompanyNames(registry)).toEqual([
      { name: "hesai group", ids: ["hesai", "hesai-group-co"] },
      { name: "star", ids: ["hesai", "acme"] },
    ]);
  });

  it("lets a parent and its subsidiary share a name, but not a third entry", () => {
    const subsidiary = { ...company("cnooc-limited", "CNOOC Limited"), parent: "cnooc" };
    const registry = [company("cnooc", "China National Offshore Oil Corporation", ["CNOOC"])];
    expect(duplicateCompanyNames([...registry, subsidiary])).toEqual([]);
    const third = company("cnooc-corp", "CNOOC Corp.");
    expect(duplicateCompanyNames([...registry, subsidiary, third])).toEqual([
      { name: "cnooc", ids: ["cnooc", "cnooc-limited", "cnooc-corp"] },
    ]);
  });

  it("finds none in a registry whose names are all distinct", () => {
    expect(duplicateCompanyNames(REGISTRY.filter((c) => c.id !== "cnooc-limited"))).toEqual([]);
  });
});

describe("resolveCompany: near spellings", () => {
  const ids = REGISTRY.map((c) => c.id);

  it("resolves a lone near spelling", () => {
    expect(resolveCompany("Xiaomy", REGISTRY, ids)).toBe("xiaomi");
    expect(resolveCompany("China Moblie", REGISTRY, ids)).toBe("cmcc");
    expect(resolveCompany("Hikvison", REGISTRY, ids)).toBe("hikvision");
  });

  it("resolves a query that holds one company's name", () => {
    expect(resolveCompany("Tencent Music Entertainment", REGISTRY, ids)).toBe("tencent");
  });

  it("calls near spellings that score alike ambiguous, best first", () => {
    // "Tencnet" is two letters from "tencent", and from "ted net" inside China Unicom's name.
    let error: unknown;
    try {
      resolveCompany("Tencnet", REGISTRY, ids);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AmbiguousCompanyError);
    expect((error as AmbiguousCompanyError).candidates.map((c) => c.id)).toEqual([
      "tencent",
      "china-unicom",
    ]);
  });

  it("offers at most 10 candidates", () => {
    const many = Array.from({ length: 12 }, (_, i) => company(`acme-${i}`, `Acme Unit ${i}`));
    let error: unknown;
    try {
      resolveCompany("acme", many, []);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AmbiguousCompanyError);
    expect((error as AmbiguousCompanyError).candidates).toHaveLength(10);
    expect((error as AmbiguousCompanyError).candidates[0]?.id).toBe("acme-0");
  });

  it("still knows no unrelated word", () => {
    expect(() => resolveCompany("banana", REGISTRY, ids)).toThrow(UnknownCompanyError);
  });
});
