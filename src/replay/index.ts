/**
 * The one fold: a stream's events through the machine into a timeline, strict or with problems beside.
 *
 * @packageDocumentation
 */
export * from "./foldStream.js";
export * from "./replayLog.js";
export * from "./historyProblem.js";
export * from "./knowledgeViews.js";
