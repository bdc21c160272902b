/** correct and retract: find the target in the ledger, decide, append to its issuer stream. */
import { decide, evolveTarget, initialTargetState, InvalidValueError, UuidSchema, type LedgerCommand } from '../domain/index.js';
import { decodeTolerantly, ISSUER_STREAM_PREFIX, knownPersonIds } from '../domain/index.js';
import type { EventStore } from '../store/event-store.js';
import { appendDomainEvents } from './issuer-events.js';
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

/** Runs a correct or retract command; `newId` is injectable so tests can fix it. */
export async function runLedgerCommand(store: EventStore, command: LedgerCommand, newId: () => string = randomUUID): Promise<CommandResult> {
  if (!UuidSchema.safeParse(command.eventId).success) throw new InvalidValueError(`--event "${command.eventId}" is not an event id (a UUID)`);
  const id = command.eventId.toLowerCase();
  // The event's stream is not in the command; one scan of the issuer streams finds it.
  const located = (await store.readAll({ filter: { streamPrefixes: [ISSUER_STREAM_PREFIX] } })).find((e) => e.id === id);
  if (located === undefined) throw new InvalidValueError(`No event ${command.eventId} in this ledger`);
  const stream = await store.readStream(located.stream);
  const { envelopes, unreadable } = decodeTolerantly(stream);
  const state = envelopes.reduce(evolveTarget(id), initialTargetState());
  const events = decide(command, {
    ...state,
    unreadableTarget: unreadable.find((event) => event.id === id) ?? null,
    knownPersons: knownPersonIds(envelopes),
  });
  const appended = events.map((event) => ({ id: newId(), type: event.type, data: event.data }));
  await appendDomainEvents(store, located.stream, appended, { expectedRevision: stream.at(-1)!.revision, source: 'correction' });
  return { eventId: id, stream: located.stream, appended };
}
