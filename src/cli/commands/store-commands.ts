/**
 * Low-level commands on the event log itself: append raw events, read a
 * stream or the global log, a self-check that appends and reads back, and the
 * schema migration of a server store.
 */
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { EventStore, RecordedEvent } from '../../store/event-store.js';
import {
  appendDomainEvents,
  InvalidStoreInputError,
  ISSUER_STREAM_PREFIX,
  migrateStore,
  resolveStoreUrl,
} from '../../ledger/index.js';
import { storeFlag } from '../options.js';
import { withStore } from '../with-store.js';
import { formatTable, print, toJson } from '../output.js';

export function registerStoreCommands(program: Command): void {
  program
    .command('store')
    .description('manage the store itself')
    .command('migrate')
    .description(
      "create or upgrade the store's schema (PostgreSQL) and say what was done; run it before first use and after an upgrade",
    )
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const result = await migrateStore(resolveStoreUrl(storeFlag(command)));
      print(options.json ? toJson(result) : result.message);
    });

  const events = program.command('events').description('read and write the raw event log');

  events
    .command('append')
    .description('append one event with JSON data to a stream')
    .requiredOption('--stream <name>', 'stream name')
    .requiredOption('--type <type>', 'event type')
    .requiredOption('--data <json>', 'event data as JSON')
    .option('--id <uuid>', 'event id (a retry with the same id writes nothing); default a new UUID')
    .option('--expected-revision <rev>', 'no_stream | stream_exists | any | a revision number', 'any')
    .option('--json', 'print JSON')
    .action(async (options, command: Command) => {
      const data = parseJsonOption(options.data as string);
      const event = { id: (options.id as string | undefined) ?? randomUUID(), type: options.type as string, data };
      const expectedRevision = parseExpectedRevision(options.expectedRevision as string);
      const result = await withStore(storeFlag(command), (store) =>
        // An issuer stream holds ledger events: they pass their schema here, or nothing is written.
        (options.stream as string).startsWith(ISSUER_STREAM_PREFIX)
          ? appendDomainEvents(store, options.stream, [event], { expectedRevision, source: 'cli:events-append' })
          : store.append(options.stream, [{ ...event, metadata: { source: 'cli:events-append' } }], {
              expectedRevision,
            }),
      );
      console.log(
        options.json
          ? toJson(result)
          : `appended to ${options.stream}: revision ${result.nextExpectedRevision}, position ${result.events[0]!.position}`,
      );
    });

  events
    .command('read')
    .description('read a stream, or the whole log in global order when no stream is given')
    .option('--stream <name>', 'stream to read')
    .option('--backwards', 'read from the end')
    .option('--limit <n>', 'at most this many events', parseCount)
    .option('--json', 'print JSON')
    .action(async (options, command: Command) => {
      const read = await withStore(storeFlag(command), (store) =>
        options.stream
          ? store.readStream(options.stream, {
              direction: options.backwards ? 'backwards' : 'forwards',
              limit: options.limit,
            })
          : store.readAll({ limit: options.limit }),
      );
      console.log(options.json ? toJson(read) : formatEvents(read));
    });

  events
    .command('demo')
    .description(
      'append three sample events to a fresh stream and read them back (a store self-check; in memory unless --store or LEDGER_STORE names a store)',
    )
    .option('--json', 'print JSON')
    .action(async (options, command: Command) => {
      // A self-check, not ledger data: it writes to an in-memory store unless a store is named explicitly.
      const read = await withStore(storeFlag(command) ?? process.env.LEDGER_STORE ?? 'sqlite::memory:', runStoreDemo);
      console.log(options.json ? toJson(read) : formatEvents(read));
    });
}

/** Appends three facts from Amendment No. 8 to a new stream and reads them back. */
export async function runStoreDemo(store: EventStore): Promise<RecordedEvent[]> {
  const stream = `demo-${randomUUID()}`;
  await store.append(
    stream,
    [
      {
        id: randomUUID(),
        type: 'DemoStatementFiled',
        data: { issuer: 'Ault Alliance, Inc.', cusip: '09175M507', amendment: 8, filed: '2024-07-24' },
      },
      { id: randomUUID(), type: 'DemoSharesOutstandingReported', data: { shares: 35_846_318, asOf: '2024-07-23' } },
      {
        id: randomUUID(),
        type: 'DemoSharesPurchased',
        data: { holder: 'Ault & Company, Inc.', shares: 10_000, on: '2024-06-17' },
      },
    ],
    { expectedRevision: 'no_stream' },
  );
  return store.readStream(stream);
}

function formatEvents(events: readonly RecordedEvent[]): string {
  return formatTable(events, [
    { header: 'position', value: (e) => String(e.position), align: 'right' },
    { header: 'stream', value: (e) => e.stream },
    { header: 'rev', value: (e) => String(e.revision), align: 'right' },
    { header: 'type', value: (e) => e.type },
    { header: 'recorded', value: (e) => e.metadata.recordedAt },
    // The whole data is in --json; a table line stays readable.
    { header: 'data', value: (e) => truncate(JSON.stringify(e.data), 100) },
  ]);
}

function parseJsonOption(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidStoreInputError(`--data is not valid JSON: ${(error as Error).message}`);
  }
}

function parseExpectedRevision(text: string): 'no_stream' | 'stream_exists' | 'any' | bigint {
  if (text === 'no_stream' || text === 'stream_exists' || text === 'any') return text;
  if (!/^\d+$/.test(text)) {
    throw new InvalidStoreInputError(
      `--expected-revision must be no_stream, stream_exists, any or a non-negative integer, got "${text}"`,
    );
  }
  return BigInt(text);
}

function parseCount(text: string): number {
  if (!/^\d+$/.test(text)) throw new InvalidStoreInputError(`--limit must be a non-negative integer, got "${text}"`);
  return Number(text);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
