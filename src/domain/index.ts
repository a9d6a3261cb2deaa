/**
 * The legal model: event schemas, the lifecycle machine, timelines, corrections, the three times and the programs' rules. No I/O.
 *
 * @packageDocumentation
 */
export * from "./eventSchema.js";
export * from "./eventTypes.js";
export * from "./eventJsonSchema.js";
export * from "./isoDate.js";
export * from "./limits.js";
export * from "./invalidHistoryError.js";
export * from "./lifecycleMachine.js";
export * from "./lifecycleState.js";
export * from "./lifecycleStep.js";
export * from "./transitionTable.js";
export * from "./timeline.js";
export * from "./logView.js";
export * from "./companySchema.js";
export * from "./companySlug.js";
export * from "./editionMember.js";
export * from "./editionStream.js";
export * from "./programNames.js";
export * from "./corrections/applyCorrections.js";
export * from "./corrections/correctionTarget.js";
export * from "./programRules/effect.js";
export * from "./programRules/programRules.js";
export * from "./programRules/eo13959.js";
export * from "./programRules/eo14032.js";
export * from "./programRules/ndaaFy2024Section805.js";
export * from "./screenActions.js";
export * from "./screenRow.js";
export * from "./recentMap.js";
