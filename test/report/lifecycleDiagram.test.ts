import { describe, expect, it } from "vitest";
import {
  INFORMATIONAL_EVENT_TYPES,
  isInformational,
  LIFECYCLE_EVENT_TYPES,
} from "../../src/domain/eventTypes.js";
import { LISTING_STATES, LITIGATION_STATES } from "../../src/domain/lifecycleState.js";
import { lifecycleDiagram } from "../../src/report/lifecycleDiagram.js";

const svg = lifecycleDiagram();
const boxes = [...svg.matchAll(/<g class="state[^"]*" data-state="([^"]+)">/g)].map((m) => m[1]);
const labels = [...svg.matchAll(/<tspan[^>]*>([^<]+)<\/tspan>/g)].map((m) =>
  (m[1] as string).replace(/&gt;/g, ">"),
);

describe("lifecycleDiagram", () => {
  it("draws a box for every state of both regions, nested states included", () => {
    for (const state of LISTING_STATES) expect(boxes).toContain(`listing.${state}`);
    for (const state of LITIGATION_STATES) expect(boxes).toContain(`litigation.${state}`);
    expect(boxes).toContain("listing.removed");
    expect(boxes).toContain("litigation.settled");
    expect(boxes).toContain("litigation.closed");
    expect(new Set(boxes).size).toBe(boxes.length);
  });

  it("labels an arc with every event type the machine reacts to, the informational ones in the caption", () => {
    const drawn = new Set(
      labels.map((label) => /(\w+)(?: →| \[|$)/.exec(label.replace(/^\w+: /, ""))?.[1]),
    );
    for (const type of LIFECYCLE_EVENT_TYPES) {
      if (isInformational(type)) continue;
      expect(drawn, type).toContain(type);
    }
    expect(svg).toContain(
      `${INFORMATIONAL_EVENT_TYPES.join(", ")}: accepted in every state, changes nothing.`,
    );
  });

  it("shows where a transition lands inside a nested state, and its guard", () => {
    expect(labels).toContain("SettlementReached → withInjunction");
    expect(labels).toContain("DesignationVacated → won [isListed]");
    expect(labels).toContain("DesignationVacated → vacated [challengeIsOpen]");
    expect(labels).toContain("lost: AppealFiled");
  });

  it("is the same drawing each time: derived, not random", () => {
    expect(lifecycleDiagram()).toBe(svg);
  });
});
