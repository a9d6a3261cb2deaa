import type { Company } from "../domain/companySchema.js";
import { addDays, type IsoDate } from "../domain/isoDate.js";
import type { HeadlineStatus } from "../domain/lifecycleState.js";
import { RecentMap } from "../domain/recentMap.js";
import type { EffectKind, EffectPeriod } from "../domain/programRules/effect.js";
import { FORBIDDEN_BY, SCREEN_ACTIONS, type ScreenAction } from "../domain/screenActions.js";
import type { EventRef, Timeline } from "../domain/timeline.js";
import { isInEffectAt } from "../query/effectsOf.js";
import { isOnTheList } from "../query/onTheList.js";
import type { ScreenCandidate, ScreenMatch } from "../query/screenMatch.js";
import { statusAt } from "../query/statusAt.js";
import { citationText, eventWords } from "./effectText.js";

/** What a screen says of a row: forbidden, to be looked at, or nothing on any list. */
export type ScreenVerdict = "prohibited" | "review" | "clear";

/** One stream of a company as screening reads it: its timeline and the effects of its listings. */
export interface ScreenStream {
  timeline: Timeline;
  effects: readonly EffectPeriod[];
}

/** The record as screening asks it: companies by id, their streams (as known on a date), their listed subsidiaries. */
export interface ScreenRecordView {
  company(id: string): Company | undefined;
  /** The company's streams, as the log tells them today, or as known on `knownAt`. */
  streamsOf(id: string, knownAt?: IsoDate): readonly ScreenStream[];
  /** The registry's companies that name `id` as their parent. */
  childrenOf(id: string): readonly string[];
  /**
   * The days `[from, to)` around `date` on which nothing an answer about `id` reads changes: its
   * own streams, or with `family` its parent's and subsidiaries' too; `asKnown`, as known on each
   * day. When given, answers are kept for such stretches of days.
   */
  stretchAround?(
    id: string,
    date: IsoDate,
    options: { family: boolean; asKnown: boolean },
  ): { from: IsoDate; to: IsoDate | null };
}

/** A list a company is (or was) on, on the row's date. */
export interface ScreenList {
  program: string;
  status: HeadlineStatus;
  since: IsoDate | null;
  enforceable: boolean;
  event: EventRef | null;
  /** The date falls in a month to which an event of the stream is dated only. */
  uncertain?: true;
}

/** An effect due on the row's date, in force or suspended, with its rule and the events behind it. */
export interface ScreenEffect {
  program: string;
  kind: EffectKind;
  inForce: boolean;
  from: IsoDate;
  to: IsoDate | null;
  rule: string;
  summary: string;
  citation: string;
  listedBy?: EventRef;
  suspendedBy?: EventRef;
}

/** The verdict on one company (or on a row's best reading of one), with what it rests on. */
export interface ScreenAssessment {
  verdict: ScreenVerdict;
  /** One sentence: why. */
  reason: string;
  /** The lists the company is or was on that date, and the effects then due. */
  lists: ScreenList[];
  effects: ScreenEffect[];
  /** A listed company related through the registry's parent links, when that is what decided. */
  related?: { relation: "subsidiary-of" | "parent-of"; id: string; name: string };
}

/** The whole answer for a row: the match, the verdict as known today, and (asked) as known then. */
export interface ScreenAnswer extends ScreenAssessment {
  match: ScreenMatch;
  /** The answer as it could have been known on the row's date (`--known-at-trade`). */
  knownThen?: ScreenAssessment & { differs: boolean };
}

const KIND_WORDS: Readonly<Record<EffectKind, string>> = {
  "purchase-ban": "the purchase ban",
  "divestment-window": "the divestment window",
  "holding-ban": "the holding ban",
  "dod-contracting-ban": "the DoD contracting ban",
  "dod-procurement-ban": "the DoD procurement ban",
};

/**
 * The answer for one screened row: which company its name is (`match`), and the verdict on the
 * row's action on its date: `prohibited` when an effect in force forbids it; `review` when the
 * company is listed and no effect in force forbids it (an injunction suspending the ban, the
 * divestment window, an effect not yet due), when the date falls in a month an event is dated to
 * only, when the match is not certain and a candidate is listed, or when the company is a
 * subsidiary or the parent of a listed one; else `clear`. With `knownThen`, the same as known on
 * the row's date, and whether the two verdicts differ.
 *
 * @example
 * screenAnswer(record, match, { date: "2021-03-16", action: "buy" }).verdict; // "review"
 */
export function screenAnswer(
  record: ScreenRecordView,
  match: ScreenMatch,
  row: { date: IsoDate; action?: ScreenAction; name: string },
  options: { knownThen?: boolean } = {},
): ScreenAnswer {
  return answerOf(assessRow(record, match, row, options));
}

/** A row's assessments: kept objects, shared by the rows of one stretch of days. */
export interface AssessedRow {
  match: ScreenMatch;
  now: ScreenAssessment;
  then?: ScreenAssessment;
}

/**
 * The assessments `screenAnswer` answers with, as kept (the same objects for every row of a
 * stretch): for a caller that makes something of them it can keep too (a CSV answer's cells).
 *
 * @example
 * assessRow(record, match, { date: "2021-03-16", action: "buy", name: "XIAOMI" }).now.verdict; // "review"
 */
export function assessRow(
  record: ScreenRecordView,
  match: ScreenMatch,
  row: { date: IsoDate; action?: ScreenAction; name: string },
  options: { knownThen?: boolean } = {},
): AssessedRow {
  const now = assessMatch(record, match, row, undefined);
  if (options.knownThen !== true) return { match, now };
  return { match, now, then: assessMatch(record, match, row, row.date) };
}

/**
 * The answer of `assessRow`'s assessments.
 *
 * @example
 * answerOf(assessRow(record, match, row)).reason;
 */
export function answerOf(assessed: AssessedRow): ScreenAnswer {
  const { match, now, then } = assessed;
  if (then === undefined) return { ...now, match };
  return { ...now, match, knownThen: { ...then, differs: then.verdict !== now.verdict } };
}

/** The answer to a name that matches no company, kept with its match. */
const unmatched = new WeakMap<ScreenMatch, ScreenAssessment>();

/** An answer for the days `[from, to)`, the same for each of them. */
interface KeptAnswer {
  from: IsoDate;
  to: IsoDate | null;
  assessment: ScreenAssessment;
}

/**
 * Answers kept by record: by company (`byCompany`) and by match (`byMatch`), then by action and
 * view (each one's lists in the order of `slotOf`), each list sorted by `from`.
 */
interface KeptAnswers {
  count: number;
  byCompany: Map<string, KeptAnswer[][]>;
  byMatch: RecentMap<ScreenMatch, KeptAnswer[][]>;
}
const kept = new WeakMap<ScreenRecordView, KeptAnswers>();
/** The most answers a record keeps of each kind. */
const MAX_KEPT = 20_000;

/**
 * Readings of uncertain matches, kept by match, action and the candidates' answers: at most
 * `MAX_KEPT` in all (then forgotten together, to be read again as rows ask).
 */
let keptReadings = new WeakMap<ScreenMatch, Map<string, ScreenAssessment>>();
let readingsKept = 0;

/** A number for each kept answer, for keys made of answers. */
const answerIds = new WeakMap<ScreenAssessment, number>();
let nextAnswerId = 0;
function idOf(assessment: ScreenAssessment): number {
  let id = answerIds.get(assessment);
  if (id === undefined) answerIds.set(assessment, (id = nextAnswerId++));
  return id;
}

/** A match's list of kept answers for an action (none: 0), today or as known then. */
function slotOf(action: ScreenAction | undefined, asKnown: boolean): number {
  return (action === undefined ? 0 : SCREEN_ACTIONS.indexOf(action) + 1) + (asKnown ? SLOTS : 0);
}
const SLOTS = SCREEN_ACTIONS.length + 1;

function keptAnswersOf(record: ScreenRecordView): KeptAnswers {
  let store = kept.get(record);
  if (store === undefined) {
    kept.set(
      record,
      (store = { count: 0, byCompany: new Map(), byMatch: new RecentMap(MAX_KEPT) }),
    );
  }
  return store;
}

/** The entry of `answers` (sorted by `from`) that holds on `date`, or where one would go. */
function keptAt<Kept extends { from: IsoDate; to: IsoDate | null }>(
  answers: readonly Kept[],
  date: IsoDate,
): Kept | number {
  let low = 0;
  let high = answers.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((answers[middle] as Kept).from <= date) low = middle + 1;
    else high = middle;
  }
  const found = answers[low - 1];
  return found !== undefined && (found.to === null || date < found.to) ? found : low;
}

/**
 * The verdict on a row's match, kept with the match for the stretch of days on which it holds
 * (for an uncertain match, the days all its candidates' answers hold), when the record tells
 * stretches.
 */
function assessMatch(
  record: ScreenRecordView,
  match: ScreenMatch,
  row: { date: IsoDate; action?: ScreenAction; name: string },
  knownAt: IsoDate | undefined,
): ScreenAssessment {
  if (match.company === undefined) {
    // One answer per name that matches nothing, whatever the date.
    let none = unmatched.get(match);
    if (none === undefined) {
      none = clear(`no company of the record matches "${row.name}"`);
      unmatched.set(match, none);
    }
    return none;
  }
  // As known on a date is asked only of the row's own date.
  const asKnown = knownAt !== undefined;
  if (record.stretchAround === undefined || (asKnown && knownAt !== row.date)) {
    return freshMatchAnswer(record, match, row, knownAt).assessment;
  }
  const store = keptAnswersOf(record);
  let lists = store.byMatch.get(match);
  if (lists === undefined) {
    store.byMatch.set(match, (lists = []));
  }
  const slot = slotOf(row.action, asKnown);
  const answers = (lists[slot] ??= []);
  const found = keptAt(answers, row.date);
  if (typeof found !== "number") return found.assessment;
  const answer = freshMatchAnswer(record, match, row, knownAt);
  answers.splice(found, 0, answer);
  return answer.assessment;
}

/** The verdict on a row's match, and the days it holds for. */
function freshMatchAnswer(
  record: ScreenRecordView,
  match: ScreenMatch,
  row: { date: IsoDate; action?: ScreenAction; name: string },
  knownAt: IsoDate | undefined,
): KeptAnswer {
  const best = match.company as ScreenCandidate & { matched: string };
  const assess = (id: string) => keptAssessment(record, id, row.date, row.action, knownAt);
  if (match.certain) return assess(best.id);
  const readings = [best, ...match.candidates].map((candidate) => ({
    candidate,
    answer: assess(candidate.id),
  }));
  // The same candidates' answers make the same reading: kept with the match.
  const key = `${row.action ?? ""}\0${readings.map(({ answer }) => idOf(answer.assessment)).join(",")}`;
  if (readingsKept >= MAX_KEPT) {
    keptReadings = new WeakMap();
    readingsKept = 0;
  }
  let byKey = keptReadings.get(match);
  if (byKey === undefined) keptReadings.set(match, (byKey = new Map()));
  let reading = byKey.get(key);
  if (reading === undefined) {
    reading = uncertainReading(
      match,
      row.name,
      readings.map(({ candidate, answer }) => ({ candidate, assessment: answer.assessment })),
    );
    byKey.set(key, reading);
    readingsKept += 1;
  }
  // The reading holds while every candidate's answer does.
  let from = "";
  let to: IsoDate | null = null;
  for (const { answer } of readings) {
    if (answer.from > from) from = answer.from;
    if (answer.to !== null && (to === null || answer.to < to)) to = answer.to;
  }
  return { from, to, assessment: reading };
}

/** The answer to an uncertain match from its candidates' answers. */
function uncertainReading(
  match: ScreenMatch,
  name: string,
  readings: readonly { candidate: ScreenCandidate; assessment: ScreenAssessment }[],
): ScreenAssessment {
  const best = match.company as ScreenCandidate;
  const row = { name };
  const named = readings.find(({ assessment }) => assessment.verdict !== "clear");
  const how = `${match.how}, score ${best.score}`;
  if (named === undefined) {
    const others = readings.length > 1 ? ` nor any of ${readings.length - 1} other candidates` : "";
    return clear(
      `"${row.name}" is not certainly a company of the record (nearest: ${best.name}, ${how}), and neither it${others} is on a list that day`,
    );
  }
  const { candidate, assessment } = named;
  return {
    ...assessment,
    verdict: "review",
    reason: `"${row.name}" only resembles ${candidate.name} (${candidate === best ? how : `a candidate, score ${candidate.score}`}); if it is that company: ${assessment.reason}`,
  };
}

/**
 * The verdict on one company, kept for the stretch of days around `date` on which nothing it
 * reads changes (the same object for each of them), when the record tells stretches; else for
 * the day alone.
 */
function keptAssessment(
  record: ScreenRecordView,
  id: string,
  date: IsoDate,
  action: ScreenAction | undefined,
  knownAt: IsoDate | undefined,
): KeptAnswer {
  const asKnown = knownAt !== undefined;
  if (record.stretchAround === undefined || (asKnown && knownAt !== date)) {
    return {
      from: date,
      to: addDays(date, 1),
      assessment: assessCompany(record, id, date, action, knownAt).assessment,
    };
  }
  const store = keptAnswersOf(record);
  const slot = slotOf(action, asKnown);
  let lists = store.byCompany.get(id);
  if (lists === undefined) store.byCompany.set(id, (lists = []));
  let answers = (lists[slot] ??= []);
  let found = keptAt(answers, date);
  if (typeof found !== "number") return found;
  const { assessment, family } = assessCompany(record, id, date, action, knownAt);
  if (store.count >= MAX_KEPT) {
    store.byCompany.clear();
    store.count = 0;
    store.byCompany.set(id, (lists = []));
    answers = lists[slot] = [];
    found = 0;
  }
  const { from, to } = record.stretchAround(id, date, { family, asKnown });
  const answer = { from, to, assessment };
  answers.splice(found, 0, answer);
  store.count += 1;
  return answer;
}

/**
 * The verdict on one company of the registry on `date`, and whether it read the company's family
 * (its parent and subsidiaries), as it does for a company on no list itself.
 */
function assessCompany(
  record: ScreenRecordView,
  id: string,
  date: IsoDate,
  action: ScreenAction | undefined,
  knownAt: IsoDate | undefined,
): { assessment: ScreenAssessment; family: boolean } {
  const own = keptStanding(record, id, date, knownAt);
  const name = record.company(id)?.name ?? id;
  const decided = decide(own, name, date, action);
  if (decided !== undefined) {
    return { assessment: { ...decided, lists: own.lists, effects: own.effects }, family: false };
  }
  return { assessment: familyAssessment(record, id, name, date, own, knownAt), family: true };
}

/** The verdict on a company on no list itself, by its parent and subsidiaries. */
function familyAssessment(
  record: ScreenRecordView,
  id: string,
  name: string,
  date: IsoDate,
  own: Standing,
  knownAt: IsoDate | undefined,
): ScreenAssessment {
  const parent = record.company(id)?.parent;
  if (parent !== undefined && keptStanding(record, parent, date, knownAt).listed.length > 0) {
    const parentName = record.company(parent)?.name ?? parent;
    return {
      verdict: "review",
      reason: `${name} is on no list that day, but it is a subsidiary of ${parentName}, which is: the orders reach the entities they name, so check whether this one is covered`,
      lists: own.lists,
      effects: own.effects,
      related: { relation: "subsidiary-of", id: parent, name: parentName },
    };
  }
  const child = record
    .childrenOf(id)
    .find((childId) => keptStanding(record, childId, date, knownAt).listed.length > 0);
  if (child !== undefined) {
    const childName = record.company(child)?.name ?? child;
    return {
      verdict: "review",
      reason: `${name} is on no list that day, but its subsidiary ${childName} is: check whether the row deals with it`,
      lists: own.lists,
      effects: own.effects,
      related: { relation: "parent-of", id: child, name: childName },
    };
  }
  const removed = own.lists.filter((list) => list.since !== null);
  const history =
    removed.length === 0
      ? ""
      : ` (${removed.map((list) => `${list.program}: ${list.status} since ${list.since}`).join("; ")})`;
  return { ...clear(`${name} is on no list that day${history}`), lists: own.lists };
}

interface Standing {
  lists: ScreenList[];
  listed: ScreenList[];
  effects: ScreenEffect[];
  /** The effects due after the date, in order of their start. */
  later: ScreenEffect[];
}

/** Standings kept by record, then company and view, each list sorted by `from`. */
const keptStandings = new WeakMap<ScreenRecordView, RecentMap<string, KeptStanding[]>>();
interface KeptStanding {
  from: IsoDate;
  to: IsoDate | null;
  standing: Standing;
}

/**
 * A company's own lists and effects on `date`, kept for the stretch of days on which they hold
 * (whatever the action asked), when the record tells stretches.
 */
function keptStanding(
  record: ScreenRecordView,
  id: string,
  date: IsoDate,
  knownAt: IsoDate | undefined,
): Standing {
  const asKnown = knownAt !== undefined;
  if (record.stretchAround === undefined || (asKnown && knownAt !== date)) {
    return standingOf(record, id, date, knownAt);
  }
  let byCompany = keptStandings.get(record);
  if (byCompany === undefined) keptStandings.set(record, (byCompany = new RecentMap(MAX_KEPT)));
  const key = `${id}\0${asKnown}`;
  let standings = byCompany.get(key);
  if (standings === undefined) {
    byCompany.set(key, (standings = []));
  }
  const found = keptAt(standings, date);
  if (typeof found !== "number") return found.standing;
  const standing = standingOf(record, id, date, knownAt);
  const { from, to } = record.stretchAround(id, date, { family: false, asKnown });
  standings.splice(found, 0, { from, to, standing });
  return standing;
}

function standingOf(
  record: ScreenRecordView,
  id: string,
  date: IsoDate,
  knownAt: IsoDate | undefined,
): Standing {
  const lists: ScreenList[] = [];
  const effects: ScreenEffect[] = [];
  const later: ScreenEffect[] = [];
  for (const stream of record.streamsOf(id, knownAt)) {
    const { timeline, effects: all } = stream;
    const screenEffects = screenEffectsOf(stream);
    const status = statusAt(timeline, date);
    if (status.status !== "unlisted" || status.uncertain) {
      lists.push({
        program: timeline.program,
        status: status.status,
        since: status.since,
        enforceable: status.enforceable,
        event: status.event,
        ...(status.uncertain ? { uncertain: true as const } : {}),
      });
    }
    // As `effectsAt` finds them, with the effects due later.
    all.forEach((effect, index) => {
      if (isInEffectAt(effect, date)) effects.push(screenEffects[index] as ScreenEffect);
      else if (effect.from > date) later.push(screenEffects[index] as ScreenEffect);
    });
  }
  later.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return { lists, listed: lists.filter((list) => isOnTheList(list.status)), effects, later };
}

/** A stream's effects as a screen gives them, made once for each stream (or view of one). */
const screenEffectsOfStream = new WeakMap<ScreenStream, ScreenEffect[]>();
function screenEffectsOf(stream: ScreenStream): ScreenEffect[] {
  let effects = screenEffectsOfStream.get(stream);
  if (effects === undefined) {
    effects = stream.effects.map((effect) => screenEffect(stream.timeline.program, effect));
    screenEffectsOfStream.set(stream, effects);
  }
  return effects;
}

function screenEffect(program: string, effect: EffectPeriod): ScreenEffect {
  return {
    program,
    kind: effect.kind,
    inForce: effect.inForce,
    from: effect.from,
    to: effect.to,
    rule: effect.rule.id,
    summary: effect.rule.summary,
    citation: citationText(effect.rule.citation),
    ...(effect.listedBy ? { listedBy: effect.listedBy } : {}),
    ...(effect.suspendedBy ? { suspendedBy: effect.suspendedBy } : {}),
  };
}

/** The verdict a company's own lists and effects give, if they give one. */
function decide(
  own: Standing,
  name: string,
  date: IsoDate,
  action: ScreenAction | undefined,
): { verdict: ScreenVerdict; reason: string } | undefined {
  const uncertain = own.lists.find((list) => list.uncertain);
  if (uncertain !== undefined) {
    return {
      verdict: "review",
      reason: `the record dates an event of ${name} on ${uncertain.program} only to the month ${date.slice(0, 7)}, so its standing that day is uncertain`,
    };
  }
  if (own.listed.length === 0) return undefined;
  const forbidding = own.effects.filter(
    (effect) => action !== undefined && FORBIDDEN_BY[action].includes(effect.kind),
  );
  const inForce = forbidding.find((effect) => effect.inForce);
  if (inForce !== undefined) {
    return {
      verdict: "prohibited",
      reason: `${KIND_WORDS[inForce.kind]} of ${inForce.citation} has been in force since ${inForce.from} (${inForce.program}${listedText(inForce.listedBy)}): ${inForce.summary}`,
    };
  }
  const suspended = forbidding.find((effect) => effect.suspendedBy !== undefined);
  if (suspended?.suspendedBy !== undefined) {
    return {
      verdict: "review",
      reason: `${KIND_WORDS[suspended.kind]} of ${suspended.citation} was due from ${suspended.from} (${suspended.program}), but ${eventWords(suspended.suspendedBy)} of ${suspended.suspendedBy.effective} suspends it: the ban applies again if the injunction ends`,
    };
  }
  const lists = own.listed.map((list) => `${list.program} since ${list.since}`).join(", ");
  const window = own.effects.find(
    (effect) => effect.kind === "divestment-window" && effect.inForce,
  );
  if (action === "sell" && window !== undefined) {
    return {
      verdict: "review",
      reason: `${name} is listed (${lists}); a sale to divest is permitted in ${KIND_WORDS[window.kind]} of ${window.citation}${window.to === null ? "" : `, open until ${window.to}`}`,
    };
  }
  const inForceKinds = [...new Set(own.effects.filter((e) => e.inForce).map((e) => e.kind))];
  const effectsText =
    inForceKinds.length === 0
      ? "no effect is in force"
      : `in force: ${inForceKinds.map((kind) => KIND_WORDS[kind].replace(/^the /, "")).join(", ")}`;
  const next = own.later.find(
    (effect) => action !== undefined && FORBIDDEN_BY[action].includes(effect.kind),
  );
  const nextText =
    next === undefined
      ? ""
      : `; ${KIND_WORDS[next.kind]} of ${next.citation} is due from ${next.from}`;
  return {
    verdict: "review",
    reason:
      action === undefined
        ? `${name} is listed (${lists}); ${effectsText}; give the row an action to decide`
        : `${name} is listed (${lists}), but nothing in force forbids a ${action} that day (${effectsText})${nextText}`,
  };
}

function listedText(event: EventRef | undefined): string {
  return event === undefined ? "" : `, listed ${event.effective} by ${event.id}`;
}

function clear(reason: string): ScreenAssessment {
  return { verdict: "clear", reason, lists: [], effects: [] };
}
