/**
 * The HTML report: its model, lanes, effect bands and page. No I/O.
 *
 * @packageDocumentation
 */
export * from "./reportHtml.js";
export * from "./reportModel.js";
export * from "./reportLanes.js";
export * from "./effectBands.js";
export * from "./effectText.js";
export * from "./simulationReport.js";
export * from "./lifecycleDiagram.js";
export * from "./statusColors.js";
export * from "./laneGroups.js";
