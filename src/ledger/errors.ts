/** Every error a ledger service raises on purpose, in one list, for the shells (CLI, HTTP) that translate them. */
export { CommandRejectedError, EventValidationError, InvalidValueError, PathError } from '../domain/index.js';
export { FilingParseError } from '../ingest/filing-parse-error.js';
export {
  EventIdConflictError,
  InvalidStoreInputError,
  StoreClosedError,
  StoreSchemaError,
  StoreUnavailableError,
  UnsupportedStoreUrlError,
  WrongExpectedRevisionError,
} from '../store/errors.js';
export { HolderNotFoundError } from './holder-query.js';
export { ConflictRetriesExhaustedError } from './issuer-command.js';
export { FilingConflictError } from './ingest-decision.js';
export { IssuerNotFoundError } from './issuer-events.js';
export { PersonNotFoundError } from './queries.js';
