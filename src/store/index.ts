/**
 * The event store: the JSONL folder (the one place that knows the file layout), its locks and integrity chain, and the company registry.
 *
 * @packageDocumentation
 */
export * from "./eventStore.js";
export * from "./jsonlEventStore.js";
export * from "./appendToStream.js";
export * from "./eventContent.js";
export * from "./readBoundedText.js";
export * from "./appendErrors.js";
export * from "./fileLock.js";
export * from "./logError.js";
export * from "./streamLog.js";
export * from "./streamFiles.js";
export * from "./readLog.js";
export * from "./readStreamFile.js";
export * from "./readStreamTrusted.js";
export * from "./readCompanies.js";
export * from "./writeCompanies.js";
export * from "./findEvent.js";
export * from "./integrityChain.js";
export * from "./lastLineHash.js";
export * from "./storedLines.js";
export * from "./writeFileWhole.js";
export * from "./lineStore.js";
export * from "./jsonlLineStore.js";
export * from "./openLineStore.js";
export * from "./postgres/postgresLineStore.js";
