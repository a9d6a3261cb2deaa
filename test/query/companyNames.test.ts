import { describe, expect, it } from "vitest";
import type { Company } from "../../src/domain/companySchema.js";
import {
  foldCompanyName,
  LEGAL_FORM_WORDS,
  nameEntriesOf,
  namePartsOf,
  namesOf,
  normalizeCompanyName,
} from "../../src/query/companyNames.js";

function company(id: string, name: string, aliases: string[] = []): Company {
  return { id, name, aliases, identifiers: {} };
}

describe("normalizeCompanyName", () => {
  it.each([
    ["Xiaomi", "xiaomi"],
    ["XIAOMI", "xiaomi"],
    ["  Xiaomi   Group  ", "xiaomi group"],
    ["Xiaomi,  Group!!", "xiaomi group"],
    ["Micro-Fabrication_Equipment/China", "micro fabrication equipment china"],
    ["Société Générale", "societe generale"],
    ["Škoda Auto", "skoda auto"],
    ["AT&T", "at and t"],
    ["Procter & Gamble", "procter and gamble"],
    ["People's Bank", "peoples bank"],
    ["People’s Bank", "peoples bank"],
    ["ＸＩＡＯＭＩ", "xiaomi"],
    ["İstanbul Holding", "istanbul holding"],
  ])("folds case, accents, & and punctuation: %j is %j", (name, normalized) => {
    expect(normalizeCompanyName(name)).toBe(normalized);
  });

  it.each([...LEGAL_FORM_WORDS])("drops the legal-form word %j", (word) => {
    expect(normalizeCompanyName(`Acme ${word}`)).toBe("acme");
    expect(normalizeCompanyName(`Acme ${word.toUpperCase()}.`)).toBe("acme");
  });

  it.each([
    ["Xiaomi Corporation", "xiaomi"],
    ["Contemporary Amperex Technology Co., Limited", "contemporary amperex technology"],
    ["China Mobile Communications Group Co., Ltd.", "china mobile communications group"],
    ["Commercial Aircraft Corporation of China", "commercial aircraft of china"],
    ["Baidu, Inc.", "baidu"],
    ["Société Générale S.A.", "societe generale"],
    ["Siemens AG", "siemens"],
    ["Acme GmbH", "acme"],
    ["Acme LLC", "acme"],
    ["Acme Holdings plc", "acme holdings"],
  ])("drops legal forms wherever they are: %j is %j", (name, normalized) => {
    expect(normalizeCompanyName(name)).toBe(normalized);
  });

  it("keeps holding(s) and group, which tell companies apart", () => {
    expect(normalizeCompanyName("Tencent Holdings Ltd.")).toBe("tencent holdings");
    expect(normalizeCompanyName("China National Aviation Holding Co.")).toBe(
      "china national aviation holding",
    );
    expect(normalizeCompanyName("Hesai Group")).toBe("hesai group");
  });

  it("drops 'the' at the start only", () => {
    expect(normalizeCompanyName("The Boeing Company")).toBe("boeing");
    expect(normalizeCompanyName("Bank of the West")).toBe("bank of the west");
    expect(normalizeCompanyName("The")).toBe("the");
  });

  it("keeps a name made only of legal-form words rather than returning nothing", () => {
    expect(normalizeCompanyName("Limited")).toBe("limited");
    expect(normalizeCompanyName("Co., Ltd.")).toBe("co ltd");
  });

  it("closes up dotted acronyms, so S.A. is a legal form and U.S. one word", () => {
    expect(normalizeCompanyName("Acme S.A.")).toBe("acme");
    expect(normalizeCompanyName("U.S. Steel")).toBe("us steel");
  });

  it("keeps Chinese characters intact", () => {
    expect(normalizeCompanyName("小米")).toBe("小米");
    expect(normalizeCompanyName("小米科技有限责任公司")).toBe("小米科技有限责任公司");
    expect(normalizeCompanyName("中微公司 (AMEC)")).toBe("中微公司 amec");
  });

  it("keeps the voicing marks of kana", () => {
    expect(normalizeCompanyName("ガ")).toBe("ガ");
  });

  it("gives the empty string for nothing but punctuation", () => {
    expect(normalizeCompanyName("")).toBe("");
    expect(normalizeCompanyName(" .,- ")).toBe("");
  });
});

describe("foldCompanyName", () => {
  it("folds like normalizeCompanyName but keeps legal forms and 'the'", () => {
    expect(foldCompanyName("Xiaomi Corp.")).toBe("xiaomi corp");
    expect(foldCompanyName("The Boeing Company")).toBe("the boeing company");
    expect(foldCompanyName("Société Générale S.A.")).toBe("societe generale sa");
  });
});

describe("namePartsOf", () => {
  it("splits a trailing acronym in parentheses off the name", () => {
    expect(namePartsOf("China Mobile Limited (CMCC)")).toEqual([
      "China Mobile Limited (CMCC)",
      "China Mobile Limited",
      "CMCC",
    ]);
  });

  it("splits off a trailing name in Chinese characters", () => {
    expect(namePartsOf("China Mobile (中国移动)")).toEqual([
      "China Mobile (中国移动)",
      "China Mobile",
      "中国移动",
    ]);
  });

  it("does not take a trailing place for a name of the company", () => {
    expect(namePartsOf("Huawei Technologies Co., Ltd. (Shenzhen)")).toEqual([
      "Huawei Technologies Co., Ltd. (Shenzhen)",
      "Huawei Technologies Co., Ltd.",
    ]);
  });

  it("leaves a name without a trailing parenthetical alone", () => {
    expect(namePartsOf("Xiaomi Corporation")).toEqual(["Xiaomi Corporation"]);
    expect(namePartsOf("China Unicom (Hong Kong) Limited")).toEqual([
      "China Unicom (Hong Kong) Limited",
    ]);
  });
});

describe("namesOf", () => {
  it("gives the id (hyphens as spaces), the name and each alias, normalised, once each", () => {
    const xiaomi = company("xiaomi", "Xiaomi Corporation", ["Xiaomi", "Xiaomi Corp.", "小米"]);
    expect(namesOf(xiaomi)).toEqual(["xiaomi", "小米"]);
    const catl = company("catl", "Contemporary Amperex Technology Co., Limited", ["CATL"]);
    expect(namesOf(catl)).toEqual(["catl", "contemporary amperex technology"]);
    const cnooc = company("cnooc-limited", "CNOOC Limited", ["CNOOC Ltd."]);
    expect(namesOf(cnooc)).toEqual(["cnooc"]);
    const state = company("china-state-construction", "China State Construction Group Co.");
    expect(namesOf(state)).toEqual(["china state construction", "china state construction group"]);
  });

  it("answers to both X and Y for a name of the form X (Y)", () => {
    const mobile = company("china-mobile", "China Mobile Limited (CMCC)", ["中国移动"]);
    expect(namesOf(mobile)).toEqual(["china mobile", "china mobile cmcc", "cmcc", "中国移动"]);
    const luokung = company("luokung", "Luokung Technology Corp.", [
      "Luokong Technology Corporation (LKCO)",
    ]);
    expect(namesOf(luokung)).toEqual([
      "luokung",
      "luokung technology",
      "luokong technology lkco",
      "luokong technology",
      "lkco",
    ]);
  });
});

describe("nameEntriesOf", () => {
  it("keeps each name as written, with where it comes from and both compared forms", () => {
    const xiaomi = company("xiaomi", "Xiaomi Corporation", ["Xiaomi", "Xiaomi Corp."]);
    expect(nameEntriesOf(xiaomi)).toEqual([
      { written: "xiaomi", source: "id", normalized: "xiaomi", folded: "xiaomi" },
      {
        written: "Xiaomi Corporation",
        source: "name",
        normalized: "xiaomi",
        folded: "xiaomi corporation",
      },
      { written: "Xiaomi", source: "alias", normalized: "xiaomi", folded: "xiaomi" },
      { written: "Xiaomi Corp.", source: "alias", normalized: "xiaomi", folded: "xiaomi corp" },
    ]);
  });

  it("leaves out a name or alias that compares like an earlier one, but not like the id", () => {
    const acme = company("acme", "ACME", ["Acme", "acme!", "Acme Inc."]);
    expect(nameEntriesOf(acme).map((e) => [e.written, e.source])).toEqual([
      ["acme", "id"],
      ["ACME", "name"],
      ["Acme Inc.", "alias"],
    ]);
  });

  it("gives the parts of an X (Y) name under the name as written", () => {
    const mobile = company("cm", "China Mobile Limited (CMCC)");
    expect(nameEntriesOf(mobile).map((e) => [e.written, e.source, e.folded])).toEqual([
      ["cm", "id", "cm"],
      ["China Mobile Limited (CMCC)", "name", "china mobile limited cmcc"],
      ["China Mobile Limited (CMCC)", "name", "china mobile limited"],
      ["China Mobile Limited (CMCC)", "name", "cmcc"],
    ]);
  });
});
