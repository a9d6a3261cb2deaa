/**
 * designations: the legal status of a company on the US lists of Chinese military companies, on
 * any date, from a sourced event log replayed through a lifecycle machine.
 *
 * The API is grouped by layer, lowest first (docs/ARCHITECTURE.md); each is also its own entry
 * point: `designations/domain`, `designations/store`, `designations/replay`, `designations/query`,
 * `designations/simulate`, `designations/report`, `designations/export`, `designations/app`.
 *
 * @example
 * import { loadCompanyTimelines, statusAt } from "designations";
 * const [timeline] = loadCompanyTimelines("events", "xiaomi", { program: "dod-1237" });
 * statusAt(timeline, "2021-04-01").status; // "enjoined"
 *
 * @packageDocumentation
 */
export * from "./domain/index.js";
export * from "./store/index.js";
export * from "./replay/index.js";
export * from "./query/index.js";
export * from "./simulate/index.js";
export * from "./report/index.js";
export * from "./export/index.js";
export * from "./app/index.js";
