/** Events that move the lifecycle machine, in the order of the transition table. */
export const LIFECYCLE_EVENT_TYPES = [
  "Listed",
  "Relisted",
  "Delisted",
  "ChallengeFiled",
  "InjunctionGranted",
  "InjunctionDenied",
  "InjunctionLifted",
  "SettlementReached",
  "DesignationVacated",
  "JudgmentForGovernment",
  "ChallengeDismissed",
  "AppealFiled",
  "Noted",
  "EditionPublished",
] as const;

/** Events every state accepts and none changes: facts that inform but do not move the lifecycle. */
export const INFORMATIONAL_EVENT_TYPES = ["Noted", "EditionPublished"] as const;

/** Events that fix an earlier event of the same stream instead of describing the world. */
export const CORRECTION_EVENT_TYPES = ["Corrected", "Retracted"] as const;

export const EVENT_TYPES = [...LIFECYCLE_EVENT_TYPES, ...CORRECTION_EVENT_TYPES] as const;

export type LifecycleEventType = (typeof LIFECYCLE_EVENT_TYPES)[number];
export type CorrectionEventType = (typeof CORRECTION_EVENT_TYPES)[number];
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * True for the event types that inform but never change a state.
 *
 * @example
 * isInformational("Noted"); // true
 * isInformational("Listed"); // false
 */
export function isInformational(type: string): boolean {
  return (INFORMATIONAL_EVENT_TYPES as readonly string[]).includes(type);
}

/**
 * True for the event types the lifecycle machine folds.
 *
 * @example
 * isLifecycleEventType("Listed"); // true
 * isLifecycleEventType("Corrected"); // false
 */
export function isLifecycleEventType(type: string): type is LifecycleEventType {
  return (LIFECYCLE_EVENT_TYPES as readonly string[]).includes(type);
}
