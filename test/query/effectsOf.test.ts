import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import type { FactEvent } from "../../src/domain/eventSchema.js";
import type { LifecycleEventType } from "../../src/domain/eventTypes.js";
import { addDays } from "../../src/domain/isoDate.js";
import type { EffectPeriod } from "../../src/domain/programRules/effect.js";
import { cachedTimeline } from "../../src/app/timelineCache.js";
import { readLog } from "../../src/store/readLog.js";
import { effectsAt, effectsOf } from "../../src/query/effectsOf.js";
import { foldStream } from "../../src/replay/foldStream.js";
import { replayLogStrict } from "../../src/replay/replayLog.js";
import type { Timeline } from "../../src/domain/timeline.js";
import { makeEvent, resetEventSeq } from "../support/events.js";

const EVENTS = fileURLToPath(new URL("../../events", import.meta.url));
const timelines = replayLogStrict(readLog(EVENTS));

function timelineOf(stream: string): Timeline {
  const found = timelines.find((timeline) => timeline.stream === stream);
  if (found === undefined) throw new Error(`no stream ${stream}`);
  return found;
}

/** A synthetic stream's timeline from `[type, effective]` pairs. */
function synthetic(stream: string, ...steps: [LifecycleEventType, string][]): Timeline {
  const facts = steps.map(([type, effective]) => makeEvent(type, effective, { stream }));
  return foldStream(stream, facts as FactEvent[]);
}

/** Each effect as [kind, from, to, "in force" or the id of the event that suspended it]. */
const spans = (effects: readonly EffectPeriod[]) =>
  effects.map((e) => [e.kind, e.from, e.to, e.inForce ? "in force" : e.suspendedBy?.id]);

const ofKind = (effects: readonly EffectPeriod[], kind: EffectPeriod["kind"]) =>
  effects.filter((e) => e.kind === kind);

/** Every day from `from` to `to`, both included. */
function days(from: string, to: string): string[] {
  const all: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) all.push(day);
  return all;
}

beforeEach(() => resetEventSeq());

describe("effectsOf: Xiaomi on DoD 1237 (EO 13959)", () => {
  const xiaomi = timelineOf("xiaomi/dod-1237");

  it("has the purchase ban due 2021-03-15, suspended by the injunction of 2021-03-12 until the vacatur", () => {
    expect(spans(ofKind(effectsOf(xiaomi), "purchase-ban"))).toEqual([
      ["purchase-ban", "2021-03-15", "2021-05-25", "xiaomi-dod-1237-0006"],
    ]);
  });

  it("never has a purchase ban in force", () => {
    const effects = effectsOf(xiaomi);
    for (const day of days("2020-11-01", "2023-01-31")) {
      const inForce = effectsAt(effects, day).filter((e) => e.kind === "purchase-ban" && e.inForce);
      expect(inForce, day).toEqual([]);
    }
  });

  it("keeps the injunction as the reason through the settlement that kept it (2021-05-11)", () => {
    const ban = ofKind(effectsAt(effectsOf(xiaomi), "2021-05-15"), "purchase-ban")[0];
    expect(ban?.suspendedBy?.type).toBe("InjunctionGranted");
  });

  it("has the divestment window in force until the injunction, then suspended, ended by the vacatur", () => {
    const windows = ofKind(effectsOf(xiaomi), "divestment-window");
    expect(spans(windows)).toEqual([
      ["divestment-window", "2021-01-14", "2021-03-12", "in force"],
      ["divestment-window", "2021-03-12", "2021-05-25", "xiaomi-dod-1237-0006"],
    ]);
    expect(windows[1]?.due).toEqual({ from: "2021-01-14", to: "2022-01-14" });
    expect(windows[1]?.endedBy).toEqual({
      event: { id: "xiaomi-dod-1237-0011", type: "DesignationVacated", effective: "2021-05-25" },
    });
  });

  it("puts the purchase ban in force 2021-03-15 to 2021-05-25 without the injunction", () => {
    const facts = readLog(EVENTS)
      .streams.find((s) => s.stream === "xiaomi/dod-1237")
      ?.entries.map((entry) => entry.event)
      .filter((event) => event.id !== "xiaomi-dod-1237-0006") as FactEvent[];
    const alternate = foldStream("xiaomi/dod-1237", facts);
    expect(spans(ofKind(effectsOf(alternate), "purchase-ban"))).toEqual([
      ["purchase-ban", "2021-03-15", "2021-05-25", "in force"],
    ]);
  });

  it("is sorted by from, then kind", () => {
    const effects = effectsOf(xiaomi);
    const froms = effects.map((e) => e.from);
    expect(froms).toEqual([...froms].sort());
  });
});

describe("effectsOf: Luokung on DoD 1237, relisted under its right name", () => {
  const effects = effectsOf(timelineOf("luokung/dod-1237"));

  it("restarts the clocks on 2021-03-09: the ban is due 2021-05-08, suspended by the injunction of 2021-05-05", () => {
    const bans = ofKind(effects, "purchase-ban");
    expect(spans(bans)).toEqual([
      ["purchase-ban", "2021-05-08", "2021-06-01", "luokung-dod-1237-0008"],
    ]);
    expect(bans[0]?.endedBy).toMatchObject({ event: { type: "Delisted" } });
  });

  it("has the window due to 2022-03-09 from the relisting, cut by the delisting", () => {
    const windows = ofKind(effects, "divestment-window");
    expect(windows.map((w) => [w.from, w.to, w.inForce, w.due.to])).toEqual([
      ["2021-01-14", "2021-03-09", true, "2022-01-14"],
      ["2021-03-09", "2021-05-05", true, "2022-03-09"],
      ["2021-05-05", "2021-06-01", false, "2022-03-09"],
    ]);
    expect(windows[0]?.endedBy).toMatchObject({ event: { type: "Relisted" } });
  });

  it("has no holding ban: the regime ended long before the window", () => {
    expect(ofKind(effects, "holding-ban")).toEqual([]);
  });
});

describe("effectsOf: the end of the EO 13959 regime", () => {
  it("ends every effect of the DoD 1237 and NS-CCMC lists by 2021-06-03", () => {
    const streams = timelines.filter((t) => ["dod-1237", "ofac-ns-ccmc"].includes(t.program));
    expect(streams.length).toBeGreaterThan(5);
    for (const timeline of streams) {
      for (const effect of effectsOf(timeline)) {
        expect(effect.to, timeline.stream).not.toBeNull();
        expect((effect.to ?? "") <= "2021-06-03", timeline.stream).toBe(true);
      }
    }
  });

  it("says EO 14032 ended an effect still in force on 2021-06-03 (a listing nothing removed)", () => {
    const ban = ofKind(
      effectsOf(synthetic("still/dod-1237", ["Listed", "2021-01-14"])),
      "purchase-ban",
    )[0];
    expect(ban?.to).toBe("2021-06-03");
    expect(ban?.endedBy).toMatchObject({ citation: { instrument: "EO 14032" } });
  });

  it("ends CNOOC's 1237 purchase ban on 2021-06-03 with the withdrawal of the whole list", () => {
    const ban = ofKind(effectsOf(timelineOf("cnooc/dod-1237")), "purchase-ban")[0];
    expect(ban?.to).toBe("2021-06-03");
    expect(ban?.endedBy).toMatchObject({
      event: { id: "dod-1237.superseded.2021-06-03.cnooc", type: "Delisted" },
    });
  });

  it("bans the first companies (listed before 2020-11-12) from 2021-01-11", () => {
    const first = synthetic("first/dod-1237", ["Listed", "2020-06-12"]);
    const effects = effectsOf(first);
    expect(spans(effects)).toEqual([
      ["divestment-window", "2020-11-12", "2021-06-03", "in force"],
      ["purchase-ban", "2021-01-11", "2021-06-03", "in force"],
    ]);
    expect(effects[1]?.rule.startTime).toBe("9:30 a.m. EST");
  });
});

describe("effectsOf: EO 14032 on the NS-CMIC list", () => {
  it("bans purchases of CNOOC, in the annex, from 2021-08-02", () => {
    const effects = effectsOf(timelineOf("cnooc/ofac-ns-cmic"));
    expect(spans(effects)).toEqual([
      ["divestment-window", "2021-06-03", "2022-06-03", "in force"],
      ["purchase-ban", "2021-08-02", null, "in force"],
      ["holding-ban", "2022-06-03", null, "in force"],
    ]);
  });

  it("gives a company listed on 2021-12-16 a ban from 2022-02-14 and a window ending 2022-12-16", () => {
    const effects = effectsOf(synthetic("later/ofac-ns-cmic", ["Listed", "2021-12-16"]));
    const kindsOn = (day: string) => effectsAt(effects, day).map((e) => e.kind);
    expect(kindsOn("2022-02-13")).toEqual(["divestment-window"]);
    expect(kindsOn("2022-02-14")).toEqual(["divestment-window", "purchase-ban"]);
    expect(kindsOn("2022-12-15")).toEqual(["divestment-window", "purchase-ban"]);
    expect(kindsOn("2022-12-16")).toEqual(["purchase-ban", "holding-ban"]);
  });
});

describe("effectsOf: section 805 on the 1260H list", () => {
  it("has the DoD contracting ban in force on 2026-07-01 for a company listed before and still listed, not yet the procurement ban", () => {
    const effects = effectsOf(timelineOf("catl/dod-1260h"));
    expect(effectsAt(effects, "2026-07-01").map((e) => [e.kind, e.inForce])).toEqual([
      ["dod-contracting-ban", true],
    ]);
    expect(effectsAt(effects, "2026-06-29")).toEqual([]);
    expect(effectsAt(effects, "2027-06-30").map((e) => e.kind)).toEqual([
      "dod-contracting-ban",
      "dod-procurement-ban",
    ]);
  });

  it("ends the bans with a delisting", () => {
    const effects = effectsOf(
      synthetic("gone/dod-1260h", ["Listed", "2025-01-06"], ["Delisted", "2026-09-01"]),
    );
    expect(spans(effects)).toEqual([
      ["dod-contracting-ban", "2026-06-30", "2026-09-01", "in force"],
    ]);
  });

  it("has nothing for a company delisted before the bans start", () => {
    expect(effectsOf(timelineOf("megvii/dod-1260h"))).toEqual([]);
  });
});

describe("effectsOf: suspension and programs without rules", () => {
  it("puts an effect back in force when the injunction is lifted", () => {
    const effects = effectsOf(
      synthetic(
        "lifted/dod-1237",
        ["Listed", "2021-01-14"],
        ["ChallengeFiled", "2021-01-20"],
        ["InjunctionGranted", "2021-03-01"],
        ["InjunctionLifted", "2021-04-01"],
      ),
    );
    expect(spans(ofKind(effects, "purchase-ban"))).toEqual([
      ["purchase-ban", "2021-03-15", "2021-04-01", "lifted-dod-1237-3"],
      ["purchase-ban", "2021-04-01", "2021-06-03", "in force"],
    ]);
  });

  it("gives the BIS lists no effects", () => {
    expect(effectsOf(timelineOf("cnooc/bis-entity-list"))).toEqual([]);
    expect(effectsOf(timelineOf("skyrizon/bis-meu"))).toEqual([]);
  });

  it("reads the listings off the intervals for a timeline without them", () => {
    const { listings: _, ...bare } = timelineOf("xiaomi/dod-1237");
    expect(effectsOf(bare)).toEqual(effectsOf(timelineOf("xiaomi/dod-1237")));
  });

  it("gives the same effects from a cached timeline (no steps), relisting included", () => {
    const cache = mkdtempSync(join(tmpdir(), "effects-cache-"));
    try {
      const file = join(EVENTS, "dod-1237", "luokung.jsonl");
      cachedTimeline(file, "luokung", "dod-1237", cache);
      const cached = cachedTimeline(file, "luokung", "dod-1237", cache);
      expect(cached.steps).toEqual([]);
      expect(effectsOf(cached)).toEqual(effectsOf(timelineOf("luokung/dod-1237")));
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
