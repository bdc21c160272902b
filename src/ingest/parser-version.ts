/**
 * The version of what ingest reads from a filing. Recorded in the metadata of
 * every event ingest appends (`parserVersion`), and of every event
 * `13d-ledger reparse` appends when a newer version reads a cached filing
 * differently, so the log says which reading each fact came from.
 *
 * Bump it with any change under src/ingest that makes some filing read
 * differently (a figure, a person, a transaction, a quote): the corpus score
 * and the golden tests show when that happens. A refactoring that reads every
 * filing the same keeps it.
 */
export const PARSER_VERSION = 'ingest-parser/1';
