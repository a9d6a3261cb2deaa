import { readFileSync } from "node:fs";
import { type DesignationEvent, DesignationEventSchema } from "../../../src/domain/eventSchema.js";
import { GENESIS } from "../../../src/store/integrityChain.js";
import { type EventObject, makeEvent, XIAOMI_LOG } from "../../store/support/logFixtures.js";

/**
 * A valid parsed event (see `makeEvent`), for the pure export modules, which never look at `prev`.
 *
 * @example
 * const listed = fixtureEvent("acme/dod-1237", 1, "Listed", "2021-01-14");
 */
export function fixtureEvent(
  stream: string,
  seq: number,
  type: string,
  effective: string,
  overrides: EventObject = {},
): DesignationEvent {
  return DesignationEventSchema.parse({
    prev: GENESIS,
    ...makeEvent(stream, seq, type, effective, overrides),
  });
}

/** The repository's Xiaomi log, parsed, in line order. */
export function xiaomiEvents(): DesignationEvent[] {
  return readFileSync(XIAOMI_LOG, "utf8")
    .trimEnd()
    .split("\n")
    .map((line) => DesignationEventSchema.parse(JSON.parse(line)));
}
