/**
 * How answers are presented: the HTML report (its model, lanes, effect bands and page), text
 * tables, and a case told step by step. No I/O.
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
export * from "./formatTable.js";
export * from "./narrateCase.js";
export * from "./answerJson.js";
export * from "./screenAnswer.js";
export * from "./screenOutput.js";
