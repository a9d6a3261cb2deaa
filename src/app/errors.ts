/**
 * Every error a caller of the application layer can meet, in one place: a CLI maps them to exit
 * codes, a server to HTTP statuses. Each names what was wrong (a file and line, a field, an id).
 */
export {
  AppendRejectedError,
  ConcurrencyError,
  StreamNeedsRepairError,
} from "../store/appendErrors.js";
export { LockTimeoutError } from "../store/fileLock.js";
export { formatLogIssue, LogError, type LogIssue } from "../store/logError.js";
export {
  AmbiguousCompanyError,
  UnknownCompanyError,
  UnknownEventError,
  UnknownProgramError,
} from "../query/queryErrors.js";
export { ScenarioError } from "../simulate/scenario.js";
export { RequestError } from "./requestError.js";
export { RequestFileError } from "./requestFile.js";
export { ScenarioEditError } from "./simulateCompany.js";
export { UnknownStreamError } from "./streamEvents.js";
export { StoreUnavailableError } from "../store/lineStore.js";
export { StoreNotEmptyError } from "./copyStore.js";
