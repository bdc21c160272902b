/** correct and retract: find the target's issuer stream, then decide and append through the one write path. */
import {
  decide,
  evolveTarget,
  initialTargetState,
  InvalidValueError,
  ISSUER_STREAM_PREFIX,
  issuerStream,
  knownPersonIds,
  parseIssuerRef,
  todayInNewYork,
  UuidSchema,
  type LedgerCommand,
} from '../domain/index.js';
import type { EventStore } from '../store/event-store.js';
import { handleIssuerCommand, type Decision, type IssuerRecord } from './issuer-command.js';
import { issuerDirectory } from './issuer-directory.js';
import { randomUUID } from 'node:crypto';

export interface CommandResult {
  eventId: string;
  stream: string;
  appended: { id: string; type: string; data: unknown }[];
}

/** Parses `field=value`: JSON when it parses (numbers, booleans, null, quoted), else the text. */
export function parseAssignment(text: string): [string, unknown] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new InvalidValueError(`--set "${text}" is not field=value`);
  const raw = text.slice(eq + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  return [text.slice(0, eq).trim(), value];
}

export interface LedgerCommandOptions {
  /**
   * Any CUSIP the issuer has used, or its CIK: finds the event's stream directly; without it one scan of the issuer
   * streams does.
   */
  issuer?: string | undefined;
  /** The revision of the issuer's stream the caller read: refused (nothing written) if another write came since. */
  expectedRevision?: bigint | undefined;
  /** The new events' ids (injectable so tests can fix them). @defaultValue random UUIDs */
  newId?: () => string;
}

/** Runs a correct or retract command through the one write path. */
export async function runLedgerCommand(
  store: EventStore,
  command: LedgerCommand,
  options: LedgerCommandOptions = {},
): Promise<CommandResult> {
  const { issuer, expectedRevision, newId = randomUUID } = options;
  if (!UuidSchema.safeParse(command.eventId).success)
    throw new InvalidValueError(`--event "${command.eventId}" is not an event id (a UUID)`);
  const id = command.eventId.toLowerCase();
  const stream = await streamOf(store, id, issuer);
  // The new events' ids are chosen once: a retry after a conflict appends the same ones.
  const ids: string[] = [];
  const idAt = (i: number) => (ids[i] ??= newId());
  return handleIssuerCommand(store, stream, (record) => decideCommand(command, id, record, idAt), {
    source: 'correction',
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
  });
}

function decideCommand(
  command: LedgerCommand,
  id: string,
  record: IssuerRecord,
  idAt: (i: number) => string,
): Decision<CommandResult> {
  if (!record.recorded.some((e) => e.id === id))
    throw new InvalidValueError(`No event ${command.eventId} in this ledger`);
  const state = record.envelopes.reduce(evolveTarget(id), initialTargetState());
  const unreadableTarget = record.unreadable.find((event) => event.id === id) ?? null;
  // Today's date is read here, at the edge: a corrected filing or event date may not lie after it.
  const today = todayInNewYork(new Date());
  const events = decide(command, { ...state, unreadableTarget, knownPersons: knownPersonIds(record.envelopes), today });
  const appended = events.map((event, i) => ({ id: idAt(i), type: event.type, data: event.data }));
  return { events: appended, report: () => ({ eventId: id, stream: record.stream, appended }) };
}

async function streamOf(store: EventStore, id: string, issuer: string | undefined): Promise<string> {
  if (issuer !== undefined) {
    const key = await issuerDirectory(store).lookup(parseIssuerRef(issuer));
    if (key === undefined) throw new InvalidValueError(`The ledger has no issuer ${issuer}`);
    return issuerStream(key);
  }
  // The event's stream is not in the command; one scan of the issuer streams finds it.
  const located = (await store.readAll({ filter: { streamPrefixes: [ISSUER_STREAM_PREFIX] } })).find(
    (e) => e.id === id,
  );
  if (located === undefined) throw new InvalidValueError(`No event ${id} in this ledger`);
  return located.stream;
}
