/**
 * Commands on the ledger's own record: correct an event, retract an event.
 * `decide(command, state)` returns the events to append or throws; it reads no
 * clock and no store. The caller builds the state from the issuer's stream.
 */
import { canonicalJson } from '../shared/canonical-json.js';
import { validateEvent, type UnreadableEvent } from './codec.js';
import { isFact, PERSON_FIELD_NAMES, personsNamedBy, type DomainEvent, type Envelope, type EventOf } from './events.js';
import { applySet } from './paths.js';
import { implausibleValues } from './plausible-values.js';

export type LedgerCommand =
  | { kind: 'CorrectEvent'; eventId: string; set: Record<string, unknown>; reason: string }
  | { kind: 'RetractEvent'; eventId: string; reason: string };

/** What decide needs to know about the target event. */
export interface TargetState {
  /** The target as first recorded, or null if the stream has no such event. */
  target: Envelope | null;
  /** Its data with every correction recorded so far applied. */
  currentData: unknown;
  retracted: boolean;
  /** The target when it is in the stream but fails its schema: it can be retracted, not corrected. */
  unreadableTarget?: UnreadableEvent | null;
  /** Persons the issuer's events name, so a correction cannot point at a person nobody reported. */
  knownPersons?: ReadonlySet<string>;
  /** Today's date (US Eastern), against which a corrected filing or event date is judged; not judged without it. */
  today?: string;
}

export class CommandRejectedError extends Error {
  override readonly name = 'CommandRejectedError';
}

export function initialTargetState(): TargetState {
  return { target: null, currentData: null, retracted: false };
}

/** Builds the target's state from an issuer's events (in recorded order). */
export function evolveTarget(eventId: string) {
  const id = eventId.toLowerCase();
  return (state: TargetState, envelope: Envelope): TargetState => {
    if (envelope.id === id) return { target: envelope, currentData: envelope.event.data, retracted: false };
    const event = envelope.event;
    switch (event.type) {
      case 'EventCorrected':
        if (event.data.eventId.toLowerCase() !== id || state.target === null) return state;
        return { ...state, currentData: applySet(state.currentData, event.data.set) };
      case 'EventRetracted':
        if (event.data.eventId.toLowerCase() !== id) return state;
        return { ...state, retracted: true };
      default:
        return state;
    }
  };
}

export function decide(command: LedgerCommand, state: TargetState): DomainEvent[] {
  const { target } = state;
  if (command.reason.trim() === '') throw new CommandRejectedError('A reason is required');
  if (target === null) return decideOnUnreadable(command, state.unreadableTarget ?? null);
  if (state.retracted) throw new CommandRejectedError(`Event ${command.eventId} is already retracted`);
  if (!isFact(target.event)) {
    // The record of a correction or retraction is final; undoing one would make "as known at" ambiguous.
    throw new CommandRejectedError(
      `Event ${command.eventId} is an ${target.event.type}: corrections and retractions cannot themselves be corrected or retracted`,
    );
  }
  switch (command.kind) {
    case 'CorrectEvent': {
      if (Object.keys(command.set).length === 0)
        throw new CommandRejectedError('Nothing to set: give at least one field=value');
      let merged: unknown;
      try {
        merged = applySet(state.currentData, command.set);
      } catch (error) {
        throw new CommandRejectedError((error as Error).message);
      }
      if (canonicalJson(merged) === canonicalJson(state.currentData)) {
        throw new CommandRejectedError(
          `Nothing changes: event ${command.eventId} already has ${describeSet(command.set)}`,
        );
      }
      assertKnownPersons(command.set, state.knownPersons);
      assertPlausible(state.currentData, merged, command.eventId, state.today);
      assertNotEffectiveAfterDisclosure(merged, command.eventId);
      // The corrected event must still satisfy its schema, else nothing is written.
      validateEvent({ type: target.event.type, data: merged }, target.id);
      const corrected: EventOf<'EventCorrected'> = {
        type: 'EventCorrected',
        data: {
          eventId: target.id,
          set: command.set as EventOf<'EventCorrected'>['data']['set'],
          reason: command.reason,
        },
      };
      return [corrected];
    }
    case 'RetractEvent':
      return [{ type: 'EventRetracted', data: { eventId: target.id, reason: command.reason } }];
    default: {
      const unknown: never = command;
      throw new CommandRejectedError(`Unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

/** An event that fails its schema can only be retracted: its data cannot be trusted enough to patch. */
function decideOnUnreadable(command: LedgerCommand, unreadable: UnreadableEvent | null): DomainEvent[] {
  if (unreadable === null) throw new CommandRejectedError(`No event ${command.eventId} in this ledger`);
  if (command.kind === 'CorrectEvent') {
    throw new CommandRejectedError(
      `Event ${command.eventId} (${unreadable.type}) fails its schema (${unreadable.problems.join('; ')}): retract it and record a valid event instead`,
    );
  }
  return [{ type: 'EventRetracted', data: { eventId: unreadable.id, reason: command.reason } }];
}

/**
 * Fields that name a person (the event catalogue's person fields): their new value must be a person the issuer's events
 * know.
 */
function assertKnownPersons(set: Readonly<Record<string, unknown>>, known: ReadonlySet<string> | undefined): void {
  if (known === undefined) return;
  for (const [path, value] of Object.entries(set)) {
    const field = path
      .split('.')
      .at(-1)!
      .replace(/\[\d*\]$/, '');
    if (!PERSON_FIELD_NAMES.has(field) || value === null) continue;
    for (const id of Array.isArray(value) ? value : [value]) {
      if (known.has(String(id))) continue;
      throw new CommandRejectedError(
        `Unknown person "${String(id)}" for ${path}: the persons this issuer's events name are ${[...known].sort().join(', ')}`,
      );
    }
  }
}

/**
 * The values ingest refuses or flags as impossible (src/domain/plausible-values.ts) are refused here too; only
 * those the correction brings in, so an event recorded before these rules can still be corrected elsewhere.
 */
function assertPlausible(current: unknown, merged: unknown, eventId: string, today: string | undefined): void {
  const before = new Set(implausibleValues(current, today).map((p) => `${p.path}\u0000${p.problem}`));
  const brought = implausibleValues(merged, today).filter((p) => !before.has(`${p.path}\u0000${p.problem}`));
  if (brought.length === 0) return;
  throw new CommandRejectedError(
    `Event ${eventId} would hold values that cannot be true: ${brought.map((p) => `${p.path}: ${p.problem}`).join('; ')}`,
  );
}

/** A fact cannot have happened after the filing that made it public disclosed it. */
function assertNotEffectiveAfterDisclosure(data: unknown, eventId: string): void {
  const { effectiveDate, disclosedOn } = (data ?? {}) as { effectiveDate?: unknown; disclosedOn?: unknown };
  if (typeof effectiveDate === 'string' && typeof disclosedOn === 'string' && effectiveDate > disclosedOn) {
    throw new CommandRejectedError(
      `Event ${eventId} would take effect on ${effectiveDate}, after the filing that disclosed it (${disclosedOn})`,
    );
  }
}

function describeSet(set: Readonly<Record<string, unknown>>): string {
  return Object.entries(set)
    .map(([path, value]) => `${path}=${JSON.stringify(value)}`)
    .join(', ');
}

/**
 * Every person id the events name (the catalogue's person fields): reporting persons, holders, controllers, group
 * members.
 */
export function knownPersonIds(envelopes: readonly Envelope[]): Set<string> {
  const ids = new Set<string>();
  for (const { event } of envelopes) if (isFact(event)) for (const id of personsNamedBy(event)) ids.add(id);
  return ids;
}
