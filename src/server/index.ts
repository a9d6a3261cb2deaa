/**
 * The HTTP server: the application layer's answers over HTTP (`designations serve`).
 *
 * @packageDocumentation
 */
export * from "./buildServer.js";
export * from "./problem.js";
