import { ValidationError } from "cloudevents";
import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "../../src/domain/eventTypes.js";
import { cloudEventSource, cloudEventType, toCloudEvent } from "../../src/export/cloudEvent.js";
import { cloudEventValidator, REVERSE_DNS } from "./support/cloudEventJsonSchema.js";
import { fixtureEvent, xiaomiEvents } from "./support/fixtureEvents.js";

/** The event as the JSON text a consumer reads, parsed back. */
function jsonOf(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

describe("cloudEventType", () => {
  it("names each event type in reverse-DNS form, the type in kebab case", () => {
    expect(cloudEventType("InjunctionGranted")).toBe("org.designations.event.injunction-granted");
    expect(cloudEventType("Listed")).toBe("org.designations.event.listed");
    expect(cloudEventType("JudgmentForGovernment")).toBe(
      "org.designations.event.judgment-for-government",
    );
    const types = EVENT_TYPES.map(cloudEventType);
    for (const type of types) expect(type).toMatch(new RegExp(REVERSE_DNS));
    expect(new Set(types).size).toBe(EVENT_TYPES.length);
  });
});

describe("cloudEventSource", () => {
  it("is a URN naming the program and the company", () => {
    expect(cloudEventSource("xiaomi/dod-1237")).toBe("urn:designations:dod-1237:xiaomi");
  });
});

describe("toCloudEvent", () => {
  const validate = cloudEventValidator();

  it("gives exactly the CloudEvents JSON shape for Xiaomi's injunction", () => {
    const injunction = xiaomiEvents()[5];
    expect(injunction?.type).toBe("InjunctionGranted");
    const json = jsonOf(toCloudEvent(injunction as NonNullable<typeof injunction>));
    expect(Object.keys(json).sort()).toEqual(
      ["data", "datacontenttype", "id", "source", "specversion", "subject", "time", "type"].sort(),
    );
    expect(json).toMatchObject({
      specversion: "1.0",
      id: "xiaomi-dod-1237-0006",
      source: "urn:designations:dod-1237:xiaomi",
      type: "org.designations.event.injunction-granted",
      subject: "xiaomi/dod-1237",
      time: "2026-11-23T12:00:30.526Z",
      datacontenttype: "application/json",
    });
    expect(json.data).toEqual({
      seq: 6,
      effective: "2021-03-12",
      known: "2021-03-12",
      precision: "day",
      confidence: "high",
      details: injunction?.data,
      sources: injunction?.sources,
    });
  });

  it("passes the CloudEvents JSON schema for every event of the Xiaomi log", () => {
    for (const event of xiaomiEvents()) {
      const json = jsonOf(toCloudEvent(event));
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it("passes it for every event type, corrections included, and keeps known and precision", () => {
    const stream = "acme/dod-1260h";
    const listed = fixtureEvent(stream, 1, "Listed", "2021-01-01", {
      known: "2021-02-03",
      precision: "month",
      recorded: "2026-11-23T12:00:00Z",
    });
    const json = jsonOf(toCloudEvent(listed));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.data).toMatchObject({ known: "2021-02-03", precision: "month" });
    expect(Date.parse(json.time as string)).toBe(Date.parse("2026-11-23T12:00:00Z"));
    EVENT_TYPES.forEach((type, index) => {
      const data =
        type === "Corrected"
          ? { corrects: listed.id }
          : type === "Retracted"
            ? { retracts: listed.id }
            : {};
      const event = fixtureEvent(stream, index + 2, type, "2021-03-01", { data });
      expect(validate(jsonOf(toCloudEvent(event))), type).toBe(true);
    });
  });

  it("the schema of the test rejects what is not a CloudEvent of the log", () => {
    const good = jsonOf(toCloudEvent(fixtureEvent("acme/dod-1237", 1, "Listed", "2021-01-01")));
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, specversion: "0.3" })).toBe(false);
    expect(validate({ ...good, type: "Listed" })).toBe(false);
    expect(validate({ ...good, source: "not a uri" })).toBe(false);
    expect(validate({ ...good, time: "2021-01-01" })).toBe(false);
    expect(validate({ ...good, data: { effective: "2021-01-01" } })).toBe(false);
  });

  it("is validated by the cloudevents package: a source that is no URI-reference throws", () => {
    const event = fixtureEvent("acme/dod-1237", 1, "Listed", "2021-01-01");
    expect(() => toCloudEvent({ ...event, stream: "acme corp/dod-1237" })).toThrow(ValidationError);
  });
});
