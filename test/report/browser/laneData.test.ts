import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRecord } from "../../../src/app/loadRecord.js";
import { effectBands } from "../../../src/report/effectBands.js";
import { reportLanes } from "../../../src/report/reportLanes.js";
import { addDays, type IsoDate } from "../../../src/domain/isoDate.js";
import { readCompanies } from "../../../src/store/readCompanies.js";
import { effectsAt, effectsOf } from "../../../src/query/effectsOf.js";
import { statusAt } from "../../../src/query/statusAt.js";
import type { Timeline } from "../../../src/domain/timeline.js";
import { decodeLane, type Lane } from "../../../src/report/browser/laneData.js";
import { effectsOn, statusOn } from "../../../src/report/browser/status.js";
import { embeddedJson, reportData, type ReportData } from "../../../src/report/reportData.js";
import { REPO_ROOT } from "../../cli/support/runCli.js";

// The page's script reads back what reportData embeds; here, for the repository's whole log,
// without a browser: the decoded lanes must answer as status --at does, on every day a status
// changes, the day before, and a few fixed dates.
let timelines: Timeline[];
let lanes: Lane[];

beforeAll(() => {
  const events = join(REPO_ROOT, "events");
  timelines = loadRecord(events).timelines;
  const companies = readCompanies(events);
  const data = reportData({
    title: "t",
    subtitle: "s",
    generated: "2026-11-23",
    cursor: "2021-04-01",
    range: { from: "2019-01-01", to: "2026-11-23" },
    lanes: reportLanes(timelines, companies, "actual", effectBands),
    companies,
  });
  const embedded = JSON.parse(embeddedJson(data)) as ReportData;
  lanes = embedded.lanes.map((lane, index) => decodeLane(embedded, lane, index));
});

function datesOf(timeline: Timeline): IsoDate[] {
  const changes = timeline.intervals.flatMap((interval) => [
    interval.from,
    addDays(interval.from, -1),
  ]);
  return [...changes, "2019-06-01", "2021-04-01", "2023-01-01", "2026-11-23"];
}

describe("the page's lanes, decoded from the embedded data", () => {
  it("keep every stream's events, with their ids spelled out again", () => {
    expect(lanes.map((lane) => lane.stream)).toEqual(timelines.map((t) => t.stream));
    lanes.forEach((lane, index) => {
      const steps = (timelines[index] as Timeline).steps;
      expect(lane.events.map((event) => event.id)).toEqual(steps.map((step) => step.event.id));
    });
  });

  it("give the status, since when and because of which event that status --at gives", () => {
    lanes.forEach((lane, index) => {
      const timeline = timelines[index] as Timeline;
      for (const date of datesOf(timeline)) {
        const expected = statusAt(timeline, date);
        expect(statusOn(lane, date), `${lane.stream} on ${date}`).toEqual({
          status: expected.status,
          enforceable: expected.enforceable,
          since: expected.since,
          event: expected.event && `${expected.event.type} ${expected.event.id}`,
          uncertain: expected.uncertain,
        });
      }
    });
  });

  it("give the effects in force, and the suspended ones, that effectsAt gives", () => {
    lanes.forEach((lane, index) => {
      const timeline = timelines[index] as Timeline;
      for (const date of datesOf(timeline)) {
        const expected = effectsAt(effectsOf(timeline), date);
        expect(effectsOn(lane, date).sort(), `${lane.stream} on ${date}`).toEqual(
          expected.map((e) => e.kind + (e.inForce ? "" : " (suspended)")).sort(),
        );
      }
    });
  });
});
