/** The package's public API: open a store, and the port's types and errors. */
export {
  openStore,
  migrateStore,
  resolveStoreUrl,
  DEFAULT_STORE_URL,
  type MigrateStoreResult,
  type OpenStoreOptions,
} from './store/open-store.js';
export type {
  AppendOptions,
  AppendResult,
  AppendedEvent,
  EventFilter,
  EventMetadata,
  EventMetadataInput,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadDirection,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from './store/event-store.js';
export {
  EventIdConflictError,
  InvalidStoreInputError,
  StoreClosedError,
  StoreSchemaError,
  StoreUnavailableError,
  UnsupportedStoreUrlError,
  WrongExpectedRevisionError,
  type ActualRevision,
} from './store/errors.js';
