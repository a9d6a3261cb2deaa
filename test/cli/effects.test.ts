import { describe, expect, it } from "vitest";
import { crashLines, runCli, tableRows } from "./support/runCli.js";

interface EffectJson {
  kind: string;
  from: string;
  to: string | null;
  inForce: boolean;
  suspendedBy?: { id: string; type: string; effective: string };
  rule: { id: string; citation: { instrument: string; section: string; date: string } };
}

interface EffectsJson {
  company: string;
  at?: string;
  timeline?: boolean;
  streams: { program: string; hasRules: boolean; effects: EffectJson[] }[];
}

/** The table rows (header first) of a text answer, without the heading and notes. */
function rowsOf(stdout: string): string[][] {
  return tableRows(stdout).filter((row) => /^(program|dod-|ofac-|bis-)/.test(row[0] ?? ""));
}

describe("designations effects", () => {
  it("shows Xiaomi's purchase ban on 2021-04-01 as suspended by the injunction, with its rule", async () => {
    const { code, stdout, stderr } = await runCli(["effects", "xiaomi", "--at", "2021-04-01"]);
    expect(code).toBe(0);
    expect(crashLines(stderr)).toEqual([]);
    const [header, ...rows] = rowsOf(stdout);
    expect(header).toEqual(["program", "effect", "state", "from", "to", "rule", "suspended by"]);
    const ban = rows.find((row) => row[1] === "purchase-ban");
    expect(ban).toEqual([
      "dod-1237",
      "purchase-ban",
      "suspended",
      "2021-03-15 9:30 a.m. ET",
      "2021-05-25",
      "EO 13959, sec. 1(a)(ii) (2020-11-12)",
      "InjunctionGranted xiaomi-dod-1237-0006 of 2021-03-12",
    ]);
    expect(stdout).toContain("on 2021-04-01");
  });

  it("prints JSON that parses, with the suspension and the citation", async () => {
    const { code, stdout } = await runCli(["effects", "xiaomi", "--at", "2021-04-01", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as EffectsJson;
    expect(json.company).toBe("xiaomi");
    expect(json.at).toBe("2021-04-01");
    const ban = json.streams[0]?.effects.find((e) => e.kind === "purchase-ban");
    expect(ban?.inForce).toBe(false);
    expect(ban?.suspendedBy?.id).toBe("xiaomi-dod-1237-0006");
    expect(ban?.rule.citation).toEqual({
      instrument: "EO 13959",
      section: "sec. 1(a)(ii)",
      date: "2020-11-12",
    });
  });

  it("shows no effects for Xiaomi after the vacatur", async () => {
    const { code, stdout } = await runCli(["effects", "xiaomi", "--at", "2021-06-01", "--json"]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as EffectsJson).streams[0]?.effects).toEqual([]);
  });

  it("lists Luokung's effects over time with --timeline: the clocks restart on the relisting", async () => {
    const { code, stdout } = await runCli(["effects", "luokung", "--timeline", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as EffectsJson;
    expect(json.timeline).toBe(true);
    const effects = json.streams[0]?.effects ?? [];
    const ban = effects.filter((e) => e.kind === "purchase-ban");
    expect(ban.map((e) => [e.from, e.to, e.inForce, e.suspendedBy?.id])).toEqual([
      ["2021-05-08", "2021-06-01", false, "luokung-dod-1237-0008"],
    ]);
    const text = await runCli(["effects", "luokung", "--timeline"]);
    expect(text.stdout).toContain("Relisted luokung-dod-1237-0005 (due to 2022-01-14)");
    expect(text.stdout).toContain("Delisted luokung-dod-1237-0009 (due to 2022-03-09)");
  });

  it("shows CNOOC's NS-CMIC purchase ban from 2021-08-02 12:01 a.m. EDT, and says the Entity List has no modelled effects", async () => {
    const { code, stdout } = await runCli(["effects", "cnooc", "--at", "2021-08-02"]);
    expect(code).toBe(0);
    const ban = rowsOf(stdout).find(
      (row) => row[0] === "ofac-ns-cmic" && row[1] === "purchase-ban",
    );
    expect(ban?.slice(2, 5)).toEqual(["in force", "2021-08-02 12:01 a.m. EDT", "..."]);
    expect(stdout).toContain("No legal effects are modelled for bis-entity-list.");
  });

  it("shows the DoD contracting ban in force on 2026-07-01 for a 1260H company, not the procurement ban", async () => {
    const { code, stdout } = await runCli(["effects", "catl", "--at", "2026-07-01", "--json"]);
    expect(code).toBe(0);
    const effects = (JSON.parse(stdout) as EffectsJson).streams[0]?.effects ?? [];
    expect(effects.map((e) => [e.kind, e.from, e.inForce])).toEqual([
      ["dod-contracting-ban", "2026-06-30", true],
    ]);
  });

  it("answers from what was known by --known-at: before the injunction, the ban was to be in force", async () => {
    const args = ["effects", "xiaomi", "--at", "2021-04-01", "--known-at", "2021-03-01", "--json"];
    const { code, stdout } = await runCli(args);
    expect(code).toBe(0);
    const ban = (JSON.parse(stdout) as EffectsJson).streams[0]?.effects.find(
      (e) => e.kind === "purchase-ban",
    );
    expect([ban?.from, ban?.inForce, ban?.suspendedBy]).toEqual(["2021-03-15", true, undefined]);
  });

  it("rejects an unknown company with exit 1", async () => {
    const { code, stderr } = await runCli(["effects", "no-such-company", "--at", "2021-04-01"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: .*no-such-company/m);
    expect(crashLines(stderr)).toEqual([]);
  });

  it("rejects a bad date with exit 2", async () => {
    const { code, stderr } = await runCli(["effects", "xiaomi", "--at", "2021-02-30"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--at");
    expect(crashLines(stderr)).toEqual([]);
  });

  it("has help with an example", async () => {
    const { code, stdout } = await runCli(["effects", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Example: designations effects xiaomi --at 2021-04-01");
  });
});

describe("designations status: the effects line", () => {
  it("adds the effects due on the date", async () => {
    const { code, stdout } = await runCli([
      "status",
      "xiaomi",
      "--program",
      "dod-1237",
      "--at",
      "2021-04-01",
    ]);
    expect(code).toBe(0);
    const line = stdout.split("\n").find((l) => l.startsWith("effects on 2021-04-01:"));
    expect(line).toBe(
      "effects on 2021-04-01: purchase-ban, divestment-window suspended (InjunctionGranted xiaomi-dod-1237-0006)",
    );
  });

  it("says none are in force when none are due", async () => {
    const { stdout } = await runCli(["status", "xiaomi", "--at", "2021-01-01"]);
    expect(stdout).toContain("effects on 2021-01-01: none in force");
  });

  it("names the program of each group for a company on several programs", async () => {
    const { stdout } = await runCli(["status", "cnooc", "--at", "2021-09-01"]);
    expect(stdout).toContain(
      "effects on 2021-09-01: ofac-ns-cmic: purchase-ban, divestment-window in force",
    );
  });

  it("adds each stream's effects to the JSON", async () => {
    const { stdout } = await runCli(["status", "catl", "--at", "2026-07-01", "--json"]);
    const json = JSON.parse(stdout) as { streams: { effects: EffectJson[] }[] };
    expect(json.streams[0]?.effects.map((e) => e.kind)).toEqual(["dod-contracting-ban"]);
  });
});

describe("designations simulate: effect differences", () => {
  it("shows the purchase ban Xiaomi would have had without the injunction", async () => {
    const { code, stdout } = await runCli([
      "simulate",
      "xiaomi",
      "--scenario",
      "scenarios/xiaomi-no-injunction.json",
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "purchase-ban 2021-03-15 to 2021-05-25: actual suspended (InjunctionGranted xiaomi-dod-1237-0006); simulated in force",
    );
  });

  it("puts the differences in the JSON", async () => {
    const { stdout } = await runCli([
      "simulate",
      "xiaomi",
      "--drop",
      "xiaomi-dod-1237-0006",
      "--json",
    ]);
    const json = JSON.parse(stdout) as {
      streams: { effects: { differences: { kind: string; from: string; to: string | null }[] } }[];
    };
    const bans = json.streams[0]?.effects.differences.filter((d) => d.kind === "purchase-ban");
    expect(bans?.map((d) => [d.from, d.to])).toEqual([["2021-03-15", "2021-05-25"]]);
  });
});
