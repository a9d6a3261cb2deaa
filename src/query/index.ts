/**
 * Answers computed from timelines: status on a date, legal effects, lists, changes, statistics, company search. No I/O.
 *
 * @packageDocumentation
 */
export * from "./statusAt.js";
export * from "./streamStatus.js";
export * from "./companyQueries.js";
export * from "./queryErrors.js";
export * from "./resolveCompany.js";
export * from "./effectsOf.js";
export * from "./listingTerms.js";
export * from "./caseStats.js";
export * from "./oneStreamPerLawsuit.js";
export * from "./changesBetween.js";
export * from "./listEditions.js";
export * from "./programSummary.js";
export * from "./onTheList.js";
export * from "./intervalSearch.js";
export * from "./searchCompanies.js";
export * from "./matchCompanyName.js";
export * from "./companyNames.js";
export * from "./duplicateCompanyNames.js";
export * from "./issuerName.js";
export * from "./screenMatch.js";
