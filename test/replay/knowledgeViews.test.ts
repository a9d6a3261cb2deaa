import { beforeEach, describe, expect, it } from "vitest";
import { knowledgeViewProblem } from "../../src/replay/knowledgeViews.js";
import fc from "fast-check";
import type { DesignationEvent } from "../../src/domain/eventSchema.js";
import { applyCorrections } from "../../src/domain/corrections/applyCorrections.js";
import { addDays } from "../../src/domain/isoDate.js";
import { eventsInView } from "../../src/domain/logView.js";
import { foldStream } from "../../src/replay/foldStream.js";
import { makeEvent, resetEventSeq, STREAM } from "../support/events.js";

beforeEach(() => {
  resetEventSeq();
});

/**
 * Listed, a challenge made public on `challengeKnown` and an injunction in that challenge known on
 * the day it was granted; with `challengeKnown` undefined, no event has a `known` field at all.
 */
function injunctionAfterChallengeKnownOn(challengeKnown: string | undefined) {
  const withKnown = challengeKnown !== undefined;
  const listed = makeEvent("Listed", "2021-01-14");
  const challenged = makeEvent(
    "ChallengeFiled",
    "2021-01-29",
    withKnown ? { known: challengeKnown } : {},
  );
  const enjoined = makeEvent(
    "InjunctionGranted",
    "2021-03-12",
    withKnown ? { known: "2021-03-12" } : {},
  );
  return { listed, challenged, enjoined, events: [listed, challenged, enjoined] };
}

describe("knowledgeViewProblem", () => {
  it("finds an injunction known before the challenge it was granted in", () => {
    const { enjoined, events } = injunctionAfterChallengeKnownOn("2021-04-01");

    const problem = knowledgeViewProblem(STREAM, events);

    expect(problem).toEqual({
      knownAt: "2021-03-12",
      eventId: enjoined.id,
      message: `as known on 2021-03-12 the history is invalid: invalid history in stream ${STREAM}: event ${enjoined.id} (InjunctionGranted, effective 2021-03-12) is not accepted in state listing=listed, litigation=none. An event it needs became known later: check the known dates`,
    });
    expect(problem?.message).toContain("An event it needs became known later");
  });

  it("names the earliest date on which the history as then known breaks", () => {
    const { events } = injunctionAfterChallengeKnownOn("2021-04-01");
    // As known on 2021-03-20 the history is invalid too (still no challenge); 2021-03-12 is first.
    const settled = makeEvent("SettlementReached", "2021-03-20");

    const problem = knowledgeViewProblem(STREAM, [...events, settled]);

    expect(problem).toMatchObject({ knownAt: "2021-03-12", eventId: events[2]?.id });
  });

  it("is undefined when the challenge was known on the day it was filed", () => {
    const { events } = injunctionAfterChallengeKnownOn("2021-01-29");
    expect(knowledgeViewProblem(STREAM, events)).toBeUndefined();
  });

  it("is undefined for a stream with no known dates at all", () => {
    const { events } = injunctionAfterChallengeKnownOn(undefined);
    for (const event of events) expect(Object.hasOwn(event, "known")).toBe(false);
    const settled = makeEvent("SettlementReached", "2021-05-11");
    const vacated = makeEvent("DesignationVacated", "2021-05-25");
    expect(knowledgeViewProblem(STREAM, [...events, settled, vacated])).toBeUndefined();
  });

  it("is undefined when what became known late is needed by nothing known earlier", () => {
    const { events } = injunctionAfterChallengeKnownOn(undefined);
    const noted = makeEvent("Noted", "2021-02-05", { known: "2021-06-01" });
    expect(knowledgeViewProblem(STREAM, [...events, noted])).toBeUndefined();
  });
});

describe("knowledgeViewProblem folds only the views that are not a prefix of the history", () => {
  /** The definition: fold every view, earliest first. */
  function everyViewFolded(events: readonly DesignationEvent[]): string | undefined {
    const dates = [...new Set(events.map((e) => e.known ?? e.effective))].sort();
    for (const knownAt of dates) {
      try {
        foldStream(STREAM, applyCorrections(eventsInView(events, { knownAt })));
      } catch {
        return knownAt;
      }
    }
    return undefined;
  }

  it("finds the same first invalid view as folding every view, for any known dates", () => {
    const types = ["Listed", "ChallengeFiled", "InjunctionGranted", "SettlementReached", "Vacated"];
    const effective = ["2021-01-14", "2021-01-29", "2021-03-12", "2021-05-11", "2021-05-25"];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 120 }), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 2, max: 5 }),
        (delays, length) => {
          resetEventSeq();
          const events = types.slice(0, length).map((type, index) => {
            const date = effective[index] as string;
            const delay = delays[index] as number;
            return makeEvent(
              type as "Listed",
              date,
              delay === 0 ? {} : { known: addDays(date, delay) },
            );
          });
          expect(knowledgeViewProblem(STREAM, events)?.knownAt).toBe(everyViewFolded(events));
        },
      ),
      { numRuns: 300 },
    );
  });
});
