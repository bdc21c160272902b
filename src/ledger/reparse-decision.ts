/**
 * What a newer parser's reading of a filing adds to the issuer's stream,
 * which already holds an earlier reading of the same document (pure; the one
 * write path appends it). Nothing is rewritten, everything is appended:
 * - a fact the new reading finds that the stream lacks (a new event id) is
 *   appended;
 * - a fact keyed by the filing (a cover figure, the statement itself) that
 *   the new reading reads differently gets an EventCorrected setting the
 *   fields that differ, except a field a person corrected by hand;
 * - a fact first disclosed by this filing that the new reading no longer
 *   finds gets an EventRetracted.
 * Every reason names both parser versions, so `history` shows why a figure
 * changed. Where the source quote differs only, nothing is written.
 */
import {
  CommandRejectedError,
  decide,
  evolveTarget,
  initialTargetState,
  isFact,
  isRestatable,
  knownPersonIds,
  type DomainEvent,
  type LedgerCommand,
  stableUuid,
} from '../domain/index.js';
import { canonicalJson } from '../shared/canonical-json.js';
import type { ParsedFiling } from '../ingest/parsed-filing.js';
import { planIngest } from '../ingest/plan-filing.js';
import { knownPersonsIn } from './ingest-decision.js';
import type { Decision, IssuerRecord } from './issuer-command.js';
import type { EventToAppend } from './issuer-events.js';

export interface ReparseChanges {
  stream: string;
  added: number;
  corrected: number;
  retracted: number;
  /** Changes the ledger would not make (e.g. a correction its rules refuse), with why. */
  notes: string[];
}

/** Fields of a fact that say where it was read, not what it is: a new quote is not a new reading. */
const PROVENANCE_FIELDS = new Set(['source', 'disclosedOn']);

export function decideReparse(
  filing: ParsedFiling,
  issuerKey: string,
  record: IssuerRecord,
  versions: { previous: string; current: string },
): Decision<ReparseChanges> {
  const planned = planIngest(filing, { issuerKey, knownPersons: knownPersonsIn(record.envelopes) });
  const recordedIds = new Set(record.recorded.map((e) => e.id));
  const reason = `re-read by parser ${versions.current} (was ${versions.previous})`;
  const known = knownPersonIds(record.envelopes);
  const events: EventToAppend[] = [];
  const changes: ReparseChanges = { stream: record.stream, added: 0, corrected: 0, retracted: 0, notes: [] };
  const command = (cmd: LedgerCommand, tag: string) => {
    const state = { ...record.envelopes.reduce(evolveTarget(cmd.eventId), initialTargetState()), knownPersons: known };
    if (state.retracted) return false;
    try {
      const decided = decide(cmd, state);
      decided.forEach((event, i) =>
        events.push({ id: stableUuid(`reparse/${versions.current}/${cmd.eventId}/${tag}/${i}`), ...event }),
      );
      return true;
    } catch (error) {
      if (!(error instanceof CommandRejectedError)) throw error;
      changes.notes.push(`${cmd.eventId}: ${error.message}`);
      return false;
    }
  };
  for (const event of planned.events) {
    if (!recordedIds.has(event.id)) {
      events.push(event);
      changes.added += 1;
      continue;
    }
    // A restated fact's id is its content: the same id is the same fact.
    if (event.type === 'EventCorrected' || event.type === 'EventRetracted' || isRestatable(event.type)) continue;
    const set = changedFields(record, event.id, event.data as Record<string, unknown>);
    if (set !== null && command({ kind: 'CorrectEvent', eventId: event.id, set, reason }, 'correct'))
      changes.corrected += 1;
  }
  const plannedIds = new Set(planned.events.map((e) => e.id));
  for (const id of noLongerRead(record, filing.accessionNumber ?? null, plannedIds)) {
    if (
      command({ kind: 'RetractEvent', eventId: id, reason: `${reason}: no longer read from the filing` }, 'retract')
    ) {
      changes.retracted += 1;
    }
  }
  return { events, report: () => changes };
}

/** The fields whose value the new reading changes, against the event as corrected so far; null when none. */
function changedFields(
  record: IssuerRecord,
  id: string,
  data: Record<string, unknown>,
): Record<string, unknown> | null {
  const state = record.envelopes.reduce(evolveTarget(id), initialTargetState());
  if (state.target === null || !isFact(state.target.event)) return null;
  const current = state.currentData as Record<string, unknown>;
  const byHand = fieldsCorrectedByHand(record, id);
  const set: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(data)) {
    if (PROVENANCE_FIELDS.has(field) || byHand.has(field) || value === undefined) continue;
    if (canonicalJson(value) !== canonicalJson(current[field] ?? null)) set[field] = value;
  }
  return Object.keys(set).length === 0 ? null : set;
}

/** Top-level fields a person's correction (not a reparse) has set on the event: a person's word stands. */
function fieldsCorrectedByHand(record: IssuerRecord, id: string): Set<string> {
  const sources = new Map(record.recorded.map((e) => [e.id, String(e.metadata.source ?? '')]));
  const fields = new Set<string>();
  for (const { id: eventId, event } of record.envelopes) {
    if (event.type !== 'EventCorrected' || event.data.eventId.toLowerCase() !== id) continue;
    if (sources.get(eventId)?.startsWith('reparse:')) continue;
    for (const path of Object.keys(event.data.set)) fields.add(path.split('.')[0]!.replace(/\[\d*\]$/, ''));
  }
  return fields;
}

/** Facts this filing first disclosed (their source names its accession number) that the new reading lacks. */
function noLongerRead(record: IssuerRecord, accessionNumber: string | null, planned: ReadonlySet<string>): string[] {
  if (accessionNumber === null) return [];
  return record.envelopes
    .filter(({ id, event }) => isFact(event) && !planned.has(id) && sourceAccession(event) === accessionNumber)
    .map(({ id }) => id);
}

function sourceAccession(event: DomainEvent): string | null {
  const source = (event.data as { source?: { accessionNumber?: string | null } }).source;
  return source?.accessionNumber ?? null;
}
