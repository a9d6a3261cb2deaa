/**
 * Worlds that did not happen: scenarios, outcomes and forecasts, computed from timelines and events. No I/O.
 *
 * @packageDocumentation
 */
export * from "./scenario.js";
export * from "./simulate.js";
export * from "./applyScenario.js";
export * from "./compareTimelines.js";
export * from "./compareEffects.js";
export * from "./snapshotAt.js";
export * from "./outcomes.js";
export * from "./forecast.js";
export * from "./sojournModel.js";
export * from "./assumptions.js";
