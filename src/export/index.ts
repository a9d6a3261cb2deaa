/**
 * Timelines and events as CSV, JSON lines and CloudEvents. No I/O.
 *
 * @packageDocumentation
 */
export * from "./timelineRows.js";
export * from "./eventRows.js";
export * from "./csvExport.js";
export * from "./jsonLines.js";
export * from "./cloudEvent.js";
