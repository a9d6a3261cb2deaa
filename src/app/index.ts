/**
 * The application layer: what a command (or a server) does, from the store to an answer, in one call.
 *
 * @packageDocumentation
 */
export * from "./loadTimelines.js";
export * from "./listAt.js";
export * from "./mapStreams.js";
export * from "./timelineCache.js";
export * from "./loadRecord.js";
export * from "./replaySteps.js";
export * from "./verifyLog.js";
export * from "./exportLog.js";
export * from "./reportOf.js";
export * from "./companies.js";
export * from "./appendEvents.js";
export * from "./importDrafts.js";
export * from "./importEdition.js";
export * from "./planEdition.js";
export * from "./editionPlan.js";
export * from "./programMembers.js";
export * from "./registerCompanies.js";
export * from "./scenarioOf.js";
export * from "./readScenario.js";
export * from "./readAssumptions.js";
export * from "./simulateCompany.js";
export * from "./readMembersFile.js";
export * from "./writeOutputFile.js";
export * from "./appendCorrection.js";
export * from "./logHeads.js";
export * from "./streamEvents.js";
export * from "./errors.js";
export * from "./replica.js";
export * from "./copyStore.js";
export * from "./screenInput.js";
export * from "./screenRecord.js";
export * from "./screenFile.js";
