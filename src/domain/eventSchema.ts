import { z } from "zod";
import { isoDateProblem } from "./isoDate.js";
import { grouped, LIMITS } from "./limits.js";

/** The message for a text over its limit; it never repeats the text, which may be huge. */
function atMost(chars: number): (issue: { input?: unknown }) => string {
  return (issue) =>
    `is ${typeof issue.input === "string" ? grouped(issue.input.length) : "too many"} characters long; at most ${grouped(chars)} are allowed`;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A calendar date `YYYY-MM-DD` that exists (2021-02-30 does not). */
export const IsoDateSchema = z.iso.date({
  error: (issue) =>
    issue.input === undefined
      ? "is missing (expected a date YYYY-MM-DD)"
      : (isoDateProblem(String(issue.input)) ?? "not a valid date"),
});

/** A company or program id: a lowercase slug such as `xiaomi` or `dod-1237`. */
export const SlugSchema = z
  .string()
  .max(LIMITS.slugChars, { error: atMost(LIMITS.slugChars) })
  .regex(SLUG, { error: "must be a lowercase slug such as xiaomi or dod-1237" });

/** `<company>/<program>`, e.g. `xiaomi/dod-1237`. */
export const StreamIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: "must be <company>/<program>, e.g. xiaomi/dod-1237",
  });

/** A text of at most `chars` characters that is not blank. */
function text(chars: number) {
  return z
    .string()
    .max(chars, { error: atMost(chars) })
    .trim()
    .min(1, { error: "must not be empty" });
}

/** A name, title or other short text: not blank, at most `LIMITS.textChars` characters. */
export const TextSchema = text(LIMITS.textChars);

const NonEmpty = TextSchema;

export const SourceSchema = z.strictObject({
  publisher: NonEmpty,
  title: NonEmpty,
  url: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .max(LIMITS.urlChars, { error: atMost(LIMITS.urlChars) }),
});

/** Fields shared by every event's `data`. */
const described = {
  /** What happened, in the log's own words. */
  description: text(LIMITS.descriptionChars),
};

/** Where a court event happened. A court is required; docket and judge are often unknown. */
const inCourt = {
  court: NonEmpty,
  docket: NonEmpty.optional(),
  judge: NonEmpty.optional(),
  /** The filing or order, e.g. "Mem. Op., ECF No. 21". */
  document: NonEmpty.optional(),
};

const EventIdSchema = z
  .string()
  .max(LIMITS.idChars, { error: atMost(LIMITS.idChars) })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: "must be letters, digits, '.', '_' or '-'" });

const ListingData = z.strictObject({
  ...described,
  /** The agency that acted, e.g. "Department of Defense". */
  authority: NonEmpty.optional(),
  /** The name the list used, when it differs from the company's own. */
  listedAs: NonEmpty.optional(),
  /** The id of the `EditionPublished` event (edition or notice) that made this change. */
  edition: EventIdSchema.optional(),
});

/** What a list action was: a whole new list, one notice, a posting withdrawn, or the list's end. */
export const EDITION_KINDS = [
  "edition",
  "addition-notice",
  "removal-notice",
  "withdrawn-posting",
  "superseded",
] as const;

export type EditionKind = (typeof EDITION_KINDS)[number];

const EditionData = z.strictObject({
  ...described,
  kind: z.enum(EDITION_KINDS),
  /** The agency that published it, e.g. "Department of Defense". */
  authority: NonEmpty.optional(),
  /** Its title as published. */
  title: NonEmpty.optional(),
  /** Where it was published, e.g. "86 FR 33994". */
  citation: NonEmpty.optional(),
  /** The date of its publication (in the Federal Register), when later than its release. */
  published: z.iso.date({ error: "must be a date YYYY-MM-DD" }).optional(),
  /** The number of members the publication or its reporting states, for comparison. */
  countClaimed: z.int().nonnegative().optional(),
});

const CourtData = z.strictObject({ ...described, ...inCourt });

export const NOTE_SUBJECTS = [
  "hearing",
  "motion",
  "amended-complaint",
  "filing",
  "guidance",
  "deadline",
  "announcement",
  "other",
] as const;

const NotedData = z.strictObject({
  ...described,
  /** The list action this note is about (e.g. a withdrawn posting that named the company). */
  edition: EventIdSchema.optional(),
  subject: z.enum(NOTE_SUBJECTS),
  court: NonEmpty.optional(),
  docket: NonEmpty.optional(),
  judge: NonEmpty.optional(),
  document: NonEmpty.optional(),
});

const CorrectedData = z.strictObject({
  ...described,
  corrects: EventIdSchema,
  /** The corrected effective date, when the date was wrong. */
  effective: IsoDateSchema.optional(),
  precision: z.enum(["day", "month"]).optional(),
  /** Fields of the corrected event's `data` to replace. */
  data: z.record(z.string(), z.unknown()).optional(),
});

const RetractedData = z.strictObject({ ...described, retracts: EventIdSchema });

const envelope = {
  id: EventIdSchema.meta({ description: "Unique across the whole log." }),
  stream: StreamIdSchema.meta({ description: "<company>/<program>; must match the file's path." }),
  seq: z
    .int()
    .positive()
    .meta({ description: "Position in the stream's file: 1, 2, 3, ... in line order." }),
  effective: IsoDateSchema.meta({
    description:
      "The calendar date the fact took legal effect (in the court's or agency's own zone).",
  }),
  known: IsoDateSchema.optional().meta({
    description: "The date the fact became public; defaults to effective.",
  }),
  precision: z
    .enum(["day", "month"])
    .optional()
    .meta({ description: "month: only the month of effective is known (written as its 1st)." }),
  recorded: z.iso
    .datetime({ error: "must be an ISO 8601 UTC instant, e.g. 2026-11-23T10:00:00Z" })
    .meta({ description: "The instant the log accepted the event." }),
  sources: z
    .array(SourceSchema)
    .min(1, { error: "every event needs at least one source" })
    .max(LIMITS.sources, { error: `must list at most ${LIMITS.sources} sources` })
    .meta({ description: "Where the fact comes from: at least one." }),
  confidence: z
    .enum(["high", "medium", "low"])
    .meta({ description: "How well the sources establish the fact." }),
  prev: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: "must be a SHA-256 hash in lowercase hex" })
    .meta({
      description:
        "SHA-256 (hex) of the previous line of the file as stored, without its newline; 64 zeros on the first line. Chains the lines so that a changed, removed or moved line is detected.",
    }),
};

function eventOf<T extends string, D extends z.ZodType>(type: T, data: D) {
  return z.strictObject({ ...envelope, type: z.literal(type), data });
}

/** One line of the log: an event of any type, with its envelope. */
export const DesignationEventSchema = z.discriminatedUnion("type", [
  eventOf("Listed", ListingData),
  eventOf("Relisted", ListingData),
  eventOf("Delisted", ListingData),
  eventOf("ChallengeFiled", CourtData),
  eventOf("InjunctionGranted", CourtData),
  eventOf("InjunctionDenied", CourtData),
  eventOf("InjunctionLifted", CourtData),
  eventOf("SettlementReached", CourtData),
  eventOf("DesignationVacated", CourtData),
  eventOf("JudgmentForGovernment", CourtData),
  eventOf("ChallengeDismissed", CourtData),
  eventOf("AppealFiled", CourtData),
  eventOf("Noted", NotedData),
  eventOf("EditionPublished", EditionData),
  eventOf("Corrected", CorrectedData),
  eventOf("Retracted", RetractedData),
]);

export type DesignationEvent = z.infer<typeof DesignationEventSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Confidence = DesignationEvent["confidence"];
export type Precision = NonNullable<DesignationEvent["precision"]>;
export type CorrectedEvent = Extract<DesignationEvent, { type: "Corrected" }>;
export type RetractedEvent = Extract<DesignationEvent, { type: "Retracted" }>;
/** An event that describes the world (not a correction of another event). */
export type FactEvent = Exclude<DesignationEvent, CorrectedEvent | RetractedEvent>;
export type EditionPublishedEvent = Extract<DesignationEvent, { type: "EditionPublished" }>;
