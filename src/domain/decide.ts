/**
 * Commands on the ledger's own record: correct an event, retract an event.
 * `decide(command, state)` returns the events to append or throws; it reads no
 * clock and no store. The caller builds the state from the issuer's stream.
 */
import { validateEvent } from './codec.js';
import { isFact, type DomainEvent, type Envelope, type EventOf } from './events.js';
import { applySet } from './paths.js';

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
  if (target === null) throw new CommandRejectedError(`No event ${command.eventId} in this ledger`);
  if (state.retracted) throw new CommandRejectedError(`Event ${command.eventId} is already retracted`);
  switch (command.kind) {
    case 'CorrectEvent': {
      if (!isFact(target.event)) throw new CommandRejectedError(`Event ${command.eventId} is a ${target.event.type}: retract it instead`);
      if (Object.keys(command.set).length === 0) throw new CommandRejectedError('Nothing to set: give at least one field=value');
      let merged: unknown;
      try {
        merged = applySet(state.currentData, command.set);
      } catch (error) {
        throw new CommandRejectedError((error as Error).message);
      }
      // The corrected event must still satisfy its schema, else nothing is written.
      validateEvent({ type: target.event.type, data: merged }, target.id);
      const corrected: EventOf<'EventCorrected'> = {
        type: 'EventCorrected',
        data: { eventId: target.id, set: command.set as EventOf<'EventCorrected'>['data']['set'], reason: command.reason },
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
