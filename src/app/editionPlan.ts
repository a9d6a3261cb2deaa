import type { Company } from "../domain/companySchema.js";
import type { EditionMemberLine } from "../domain/editionMember.js";
import type { Confidence, EditionKind, Source } from "../domain/eventSchema.js";
import type { IsoDate } from "../domain/isoDate.js";
import type { EventDraft } from "./appendEvents.js";

/** A list action to bring into the log: what was published, when, and whom it names. */
export interface EditionInput {
  program: string;
  kind: EditionKind;
  /** The day it took effect (its release). */
  effective: IsoDate;
  /** The day it became public, when later than `effective`. */
  known?: IsoDate;
  /** The day of its Federal Register publication, when there is one. */
  published?: IsoDate;
  citation?: string;
  title?: string;
  /** The number of members its publication or reporting states. */
  countClaimed?: number;
  sources: Source[];
  confidence: Confidence;
  /** A sentence of one's own about it; a plain one is made otherwise. */
  description?: string;
  /** The edition event's id; `<program>.<kind>.<effective>` otherwise. */
  id?: string;
  /** Whom it names: for an edition, the whole membership on `effective`. */
  members: readonly EditionMemberLine[];
}

/** A member of the file, matched to a registry id. */
export interface MatchedMember {
  id: string;
  name: string;
  line: number;
  /** True when the import creates its registry entry. */
  isNew: boolean;
}

/** A name that matched no company for certain: the candidates it came close to. */
export interface UncertainName {
  line: number;
  name: string;
  candidates: { id: string; name: string; score: number }[];
}

/** What importing an edition would do, decided before anything is written. */
export interface EditionPlan {
  editionId: string;
  program: string;
  kind: EditionKind;
  effective: IsoDate;
  added: MatchedMember[];
  removed: { id: string; name: string; line?: number }[];
  unchanged: MatchedMember[];
  /** Named by a removal notice but not on the list that day: nothing to remove. */
  notMembers: MatchedMember[];
  /** Named by a withdrawn posting: each gets a note, nothing more. */
  noted: MatchedMember[];
  uncertain: UncertainName[];
  /** Names the edition printed that the company's entry did not have yet (renames, variants). */
  newNames: { id: string; names: string[] }[];
  newCompanies: Company[];
  /** Parent links the edition gives, set on entries that had none. */
  parentLinks: { id: string; parent: string }[];
  /** Parents named that match no company for certain, and parent links that disagree. */
  warnings: string[];
  /** The registry as it will be after the import. */
  registry: Company[];
  /** The events to append: the members' events first, the edition's own event last. */
  drafts: EventDraft[];
}
