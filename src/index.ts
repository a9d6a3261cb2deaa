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
export type { LogIssue } from "./log/logError.js";
export { formatLogIssue, LogError } from "./log/logError.js";
export { readLog } from "./log/readLog.js";
export type { Log, LogEntry, StreamLog } from "./log/streamLog.js";
export type { ListFilter } from "./query/companyQueries.js";
export { companyStatus, companyTimelines, listStreams } from "./query/companyQueries.js";
export { UnknownCompanyError, UnknownProgramError } from "./query/queryErrors.js";
export { intervalAt, statusAt } from "./query/statusAt.js";
export type { StreamStatus } from "./query/streamStatus.js";
export { applyCorrections } from "./replay/applyCorrections.js";
export { foldStream } from "./replay/foldStream.js";
export type { Replay } from "./replay/replayLog.js";
export { replayLog, replayLogStrict, replayStream } from "./replay/replayLog.js";
export type { EventRef, Interval, Step, Timeline } from "./replay/timeline.js";
