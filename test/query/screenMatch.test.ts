import { describe, expect, it } from "vitest";
import type { Company } from "../../src/domain/companySchema.js";
import { issuerNameOf } from "../../src/query/issuerName.js";
import { matchScreenName } from "../../src/query/screenMatch.js";

const company = (id: string, name: string, aliases: string[] = []): Company => ({
  id,
  name,
  aliases,
  identifiers: {},
});

const REGISTRY: readonly Company[] = [
  company("xiaomi", "Xiaomi Corporation", ["Xiaomi Corp."]),
  company("hikvision", "Hangzhou Hikvision Digital Technology Co., Ltd."),
  company("china-mobile-limited", "China Mobile Limited"),
  company("china-mobile-group", "China Mobile Communications Group"),
  company("china-telecom-a", "China Telecom Corporation Limited"),
  company("china-telecom-b", "China Telecom Corp."),
  company("guizhou-space-appliance", "Guizhou Space Appliance Co., Ltd"),
];

describe("issuerNameOf", () => {
  it.each([
    ["XIAOMI CORP-CLASS B", "XIAOMI CORP"],
    ["XIAOMI CORP CL B", "XIAOMI CORP"],
    ["HIKVISION DIGITAL-A", "HIKVISION DIGITAL"],
    ["CNOOC LTD-H", "CNOOC LTD"],
    ["BAIDU INC - SPON ADR", "BAIDU INC"],
    ["ALIBABA GROUP HOLDING-SP ADR", "ALIBABA GROUP HOLDING"],
    ["CHINA TELECOM CORP LTD H SHARES", "CHINA TELECOM CORP LTD"],
    ["NESTLE SA-REG", "NESTLE SA-REG"],
    ["ACME CORP COMMON STOCK", "ACME CORP"],
    ["CHINA MOBILE LTD", "CHINA MOBILE LTD"],
    ["X-A", "X-A"],
  ])("%s is issued by %s", (security, issuer) => {
    expect(issuerNameOf(security)).toBe(issuer);
  });
});

describe("matchScreenName", () => {
  it("an id as written is certain, how: id; a name that folds like an id is a name", () => {
    expect(matchScreenName("xiaomi", REGISTRY)).toMatchObject({ how: "id", certain: true });
    expect(matchScreenName("China Mobile Limited", REGISTRY)).toMatchObject({
      how: "name",
      certain: true,
      company: { id: "china-mobile-limited" },
    });
  });

  it("a security's name is read as its issuer's, and says so", () => {
    expect(matchScreenName("XIAOMI CORP-CLASS B", REGISTRY)).toMatchObject({
      how: "alias",
      certain: true,
      read: "XIAOMI CORP",
      company: { id: "xiaomi", matched: "Xiaomi Corp." },
    });
  });

  it("an exact name of two companies is uncertain, with the other as a candidate", () => {
    const match = matchScreenName("CHINA TELECOM", REGISTRY);
    expect(match.certain).toBe(false);
    expect([match.company?.id, ...match.candidates.map((c) => c.id)].sort()).toEqual([
      "china-telecom-a",
      "china-telecom-b",
    ]);
  });

  it("partial words and near spellings are uncertain, with their scores", () => {
    expect(matchScreenName("HIKVISION DIGITAL-A", REGISTRY)).toMatchObject({
      how: "partial",
      certain: false,
      read: "HIKVISION DIGITAL",
      company: { id: "hikvision", score: 0.1 },
    });
    const fuzzy = matchScreenName("Xiaomy Corp", REGISTRY);
    expect(fuzzy).toMatchObject({ how: "fuzzy", certain: false, company: { id: "xiaomi" } });
    expect(fuzzy.company?.score).toBeGreaterThan(0);
  });

  it("a near spelling of one word of a longer name is no match ('Apple' is not 'Space Appliance')", () => {
    expect(matchScreenName("APPLE INC", REGISTRY)).toEqual({
      how: "none",
      certain: false,
      candidates: [],
    });
  });
});
