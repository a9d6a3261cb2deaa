export { eventJsonSchema } from "./domain/eventJsonSchema.js";
export type {
  Confidence,
  DesignationEvent,
  FactEvent,
  Precision,
  Source,
} from "./domain/eventSchema.js";
export { DesignationEventSchema, IsoDateSchema, SourceSchema } from "./domain/eventSchema.js";
export type { CorrectionEventType, EventType, LifecycleEventType } from "./domain/eventTypes.js";
export { CORRECTION_EVENT_TYPES, EVENT_TYPES, LIFECYCLE_EVENT_TYPES } from "./domain/eventTypes.js";
export { InvalidHistoryError } from "./domain/invalidHistoryError.js";
export type { IsoDate } from "./domain/isoDate.js";
export { isIsoDate, isoDateProblem } from "./domain/isoDate.js";
export type { LifecycleEvent, LifecycleMachine } from "./domain/lifecycleMachine.js";
export { lifecycleMachine } from "./domain/lifecycleMachine.js";
export type { HeadlineStatus, LifecycleState } from "./domain/lifecycleState.js";
export {
  HEADLINE_STATUSES,
  headlineStatus,
  isEnforceable,
  lifecycleStateOf,
} from "./domain/lifecycleState.js";
export {
  accepts,
  initialLifecycleSnapshot,
  nextLifecycleSnapshot,
} from "./domain/lifecycleStep.js";
export type { LogIssue } from "./store/logError.js";
export { formatLogIssue, LogError } from "./store/logError.js";
export { readLog } from "./store/readLog.js";
export type { Log, LogEntry, StreamLog } from "./store/streamLog.js";
export type { ListFilter } from "./query/companyQueries.js";
export { companyStatus, companyTimelines, listStreams } from "./query/companyQueries.js";
export { UnknownCompanyError, UnknownProgramError } from "./query/queryErrors.js";
export { intervalAt, statusAt } from "./query/statusAt.js";
export type { StreamStatus } from "./query/streamStatus.js";
export { applyCorrections } from "./domain/corrections/applyCorrections.js";
export { foldStream } from "./replay/foldStream.js";
export type { Replay } from "./replay/replayLog.js";
export { replayLog, replayLogStrict, replayStream } from "./replay/replayLog.js";
export type { EventRef, Interval, Step, Timeline } from "./domain/timeline.js";
export { appendEvent, appendEvents } from "./app/appendEvents.js";
export type { AppendOptions, AppendResult, EventDraft } from "./app/appendEvents.js";
export {
  AppendRejectedError,
  ConcurrencyError,
  StreamNeedsRepairError,
} from "./store/appendErrors.js";
export { importDrafts } from "./app/importDrafts.js";
export { inspectLog } from "./store/readLog.js";
export { GENESIS, lineHash } from "./store/integrityChain.js";
export { readCompanies } from "./store/readCompanies.js";
export type { Company } from "./domain/companySchema.js";
export { resolveCompany } from "./query/resolveCompany.js";
export { AmbiguousCompanyError, UnknownEventError } from "./query/queryErrors.js";
export { caseStats, STAGES } from "./query/caseStats.js";
export type { CaseStats, StageStats } from "./query/caseStats.js";
export { eventsInView } from "./domain/logView.js";
export type { LogView } from "./domain/logView.js";
export { simulate } from "./simulate/simulate.js";
export type { Simulation, SimulatedStream } from "./simulate/simulate.js";
export { ScenarioSchema, ScenarioError } from "./simulate/scenario.js";
export type { Scenario } from "./simulate/scenario.js";
export { readScenario } from "./simulate/readScenario.js";
export { compareTimelines } from "./simulate/compareTimelines.js";
export { outcomes } from "./simulate/outcomes.js";
export type { Outcomes, OutcomePath } from "./simulate/outcomes.js";
export { forecast } from "./simulate/forecast.js";
export type { Forecast, ForecastOptions } from "./simulate/forecast.js";
export { sojournsFromHistory } from "./simulate/sojournModel.js";
export { readAssumptions, sojournsFromAssumptions } from "./simulate/assumptions.js";
export { snapshotAt } from "./simulate/snapshotAt.js";
export { addDays, daysBetween } from "./domain/isoDate.js";
export { effectsAt, effectsOf } from "./query/effectsOf.js";
export { type ListingTerm, listingTerms } from "./query/listingTerms.js";
export {
  type Citation,
  type DueEffect,
  EFFECT_KINDS,
  type EffectEnd,
  type EffectKind,
  type EffectPeriod,
  type EffectRule,
  type ProgramRules,
} from "./domain/programRules/effect.js";
export { allEffectRules, rulesOfProgram } from "./domain/programRules/programRules.js";
export { EO_13959_RULES } from "./domain/programRules/eo13959.js";
export { EO_14032_RULES } from "./domain/programRules/eo14032.js";
export { NDAA_FY2024_SECTION_805_RULES } from "./domain/programRules/ndaaFy2024Section805.js";
export {
  compareEffects,
  type EffectComparison,
  type EffectDifference,
  type EffectStanding,
} from "./simulate/compareEffects.js";
export { timelineRows, TIMELINE_COLUMNS } from "./export/timelineRows.js";
export type { TimelineRow } from "./export/timelineRows.js";
export { eventRows, EVENT_COLUMNS } from "./export/eventRows.js";
export type { EventRow } from "./export/eventRows.js";
export { toCsv } from "./export/csvExport.js";
export type { CsvValue } from "./export/csvExport.js";
export { toJsonLines } from "./export/jsonLines.js";
export {
  toCloudEvent,
  cloudEventType,
  cloudEventSource,
  CLOUD_EVENT_TYPE_PREFIX,
} from "./export/cloudEvent.js";
export type { CloudEventData } from "./export/cloudEvent.js";
export { reportHtml } from "./report/reportHtml.js";
export { reportRange } from "./report/reportModel.js";
export type { EffectBand, Report, ReportLane } from "./report/reportModel.js";
export { lifecycleDiagram } from "./report/lifecycleDiagram.js";
export { STATUS_COLORS } from "./report/statusColors.js";
export { EDITION_KINDS, type EditionKind } from "./domain/eventSchema.js";
export { importEdition, type EditionImport } from "./app/importEdition.js";
export { planEdition, type EditionInput, type EditionPlan } from "./app/planEdition.js";
export { programMembersOn } from "./app/programMembers.js";
export { loadRecord } from "./app/loadRecord.js";
export { listEditions, type EditionSummary } from "./query/listEditions.js";
export { changesBetween, type StatusChange } from "./query/changesBetween.js";
export { programSummaries } from "./query/programSummary.js";
export { searchCompanies, type CompanyHit } from "./query/searchCompanies.js";
export { matchCompanyName } from "./query/matchCompanyName.js";
export { normalizeCompanyName } from "./query/companyNames.js";
