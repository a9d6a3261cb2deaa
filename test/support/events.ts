/**
 * Builders of valid events for tests. Shared by several test folders: keep these exports stable.
 *
 * Every event built here parses with `DesignationEventSchema` as it is; overrides may make it
 * invalid on purpose.
 */
import type { DesignationEvent, FactEvent, Source } from "../../src/domain/eventSchema.js";
import type { EventType, LifecycleEventType } from "../../src/domain/eventTypes.js";
import type { IsoDate } from "../../src/domain/isoDate.js";
import { GENESIS, lineHash } from "../../src/store/integrityChain.js";

/** The stream every builder writes to unless told otherwise. */
export const STREAM = "acme/dod-1237";

/** The instant the log accepted every built event, unless told otherwise. */
export const RECORDED = "2026-11-23T12:00:00.000Z";

/** Event types whose `data` must name a court. */
export const COURT_EVENT_TYPES = [
  "ChallengeFiled",
  "InjunctionGranted",
  "InjunctionDenied",
  "InjunctionLifted",
  "SettlementReached",
  "DesignationVacated",
  "JudgmentForGovernment",
  "ChallengeDismissed",
  "AppealFiled",
] as const satisfies readonly LifecycleEventType[];

/** Event types whose `data` is a listing's (description, optional authority and listedAs). */
export const LISTING_EVENT_TYPES = [
  "Listed",
  "Relisted",
  "Delisted",
] as const satisfies readonly LifecycleEventType[];

export type EventOf<T extends EventType> = Extract<DesignationEvent, { type: T }>;
export type DataOf<T extends EventType> = EventOf<T>["data"];

/**
 * What `makeEvent` lets a test change. `data` is merged into the default data of the type (so a
 * test can add a field without restating the required ones); every other field replaces the
 * default.
 */
export type EventOverrides<T extends EventType> = Partial<Omit<EventOf<T>, "type" | "data">> & {
  data?: Partial<DataOf<T>>;
};

let counter = 0;
/** The line the last built event would be stored as, the next event's `prev`. */
let lastLine: string | undefined;

/**
 * Restarts the automatic seq (and id) numbering at 1, and the `prev` chain at GENESIS. Call it in
 * `beforeEach` when it matters.
 */
export function resetEventSeq(): void {
  counter = 0;
  lastLine = undefined;
}

/**
 * A source with an http(s) URL.
 *
 * @example
 * makeSource("ruling"); // { publisher: "Court Listener", title: "ruling", url: "https://example.org/ruling" }
 */
export function makeSource(slug = "doc"): Source {
  return { publisher: "Court Listener", title: slug, url: `https://example.org/${slug}` };
}

/** The default, valid `data` of an event of `type`. */
export function defaultData<T extends EventType>(type: T): DataOf<T> {
  const description = `${type} (test event)`;
  if ((COURT_EVENT_TYPES as readonly string[]).includes(type)) {
    return { description, court: "U.S. District Court for the District of Columbia" } as DataOf<T>;
  }
  switch (type) {
    case "Noted":
      return { description, subject: "hearing" } as DataOf<T>;
    case "EditionPublished":
      return { description, kind: "edition" } as DataOf<T>;
    case "Corrected":
      return { description, corrects: "acme-dod-1237-1" } as DataOf<T>;
    case "Retracted":
      return { description, retracts: "acme-dod-1237-1" } as DataOf<T>;
    default:
      return { description, authority: "Department of Defense" } as DataOf<T>;
  }
}

/**
 * A valid event of `type`, effective on `effective`, on stream `acme/dod-1237`. Each call takes
 * the next seq (1, 2, 3, ... since the last `resetEventSeq`) unless `overrides.seq` is given; the
 * id is `<company>-<program>-<n>` with the call's own number, so ids stay unique even when seqs
 * are given. `prev` chains the built events in the order they are built, as if each were written
 * as the next line of one file (`GENESIS` for the first since `resetEventSeq`), unless
 * `overrides.prev` is given.
 *
 * @example
 * makeEvent("InjunctionGranted", "2021-03-12", { data: { judge: "Contreras" } });
 */
export function makeEvent<T extends EventType>(
  type: T,
  effective: IsoDate,
  overrides: EventOverrides<T> = {},
): EventOf<T> {
  counter += 1;
  const { data, ...envelope } = overrides;
  const stream = envelope.stream ?? STREAM;
  const event: Record<string, unknown> = {
    id: `${stream.replace("/", "-")}-${counter}`,
    stream,
    seq: counter,
    type,
    effective,
    precision: "day",
    recorded: RECORDED,
    sources: [makeSource(`${type.toLowerCase()}-${counter}`)],
    confidence: "high",
    prev: lastLine === undefined ? GENESIS : lineHash(lastLine),
    ...envelope,
    data: { ...defaultData(type), ...data },
  };
  lastLine = JSON.stringify(event);
  return event as unknown as EventOf<T>;
}

/**
 * A stream's facts from `[type, effective]` pairs, in seq order.
 *
 * @example
 * makeFacts(["Listed", "2021-01-14"], ["ChallengeFiled", "2021-01-29"]);
 */
export function makeFacts(
  ...steps: readonly (readonly [LifecycleEventType, IsoDate])[]
): FactEvent[] {
  return steps.map(([type, effective]) => makeEvent(type, effective) as FactEvent);
}

/**
 * The date `days` days after (or before, when negative) `date`, by UTC calendar arithmetic,
 * which no time zone can shift.
 *
 * @example
 * addDays("2024-02-28", 1); // "2024-02-29"
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
