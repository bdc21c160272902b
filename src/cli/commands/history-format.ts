/**
 * History of one holder as text: every change to the person's positions and to
 * those of entities it controls, in date order, holders named, prices labelled.
 */
import type { HistoryEntry, HistoryView } from '../../../projections/index.js';
import { EVENT_CATALOGUE, label, traitsOf } from '../../ledger/index.js';
import {
  formatChange,
  formatCount,
  formatMoney,
  formatTable,
  groupDigits,
  issuerLabel,
  noteLines,
  notesOf,
} from '../output.js';
import type { IssuerHeader } from '../../ledger/issuer-events.js';
import type { HistoryContext } from '../../ledger/history-context.js';
import { priceLabel } from './history-prices.js';
import type { FactEventType } from '../../domain/index.js';

type History = HistoryView & { issuer: IssuerHeader };

/** Rows in date order; on one date the person's own rows first, then the entities' (a stable sort keeps that). */
export function historyRows(view: HistoryView): HistoryEntry[] {
  return [...view.changes, ...view.throughControlledEntities].sort((a, b) => a.date.localeCompare(b.date));
}

export function formatHistory(view: History, context: HistoryContext): string {
  const rows = historyRows(view);
  // Note principal is dollars: shown as money so it is not read as a share count.
  const isNote = (e: HistoryEntry) => context.notes.has(e.securityId);
  const after = (e: HistoryEntry) => (isNote(e) ? formatMoney(e.quantityAfter) : formatCount(e.quantityAfter));
  const name = (id: string) => (id === view.personId ? view.name : (context.names.get(id) ?? id));
  const issuer = issuerLabel(view.issuer, 'the issuer');
  const head = `History of ${view.name} (${view.personId}) in ${issuer}; ${view.shareBasisNote}`;
  if (rows.length === 0) {
    const none = `No changes are recorded for ${view.name} under these clocks.`;
    return [head, none, ...noteLines(notesOf(view))].join('\n');
  }
  const table = formatTable(rows, [
    { header: 'Date', value: (e) => (e.precision === 'on-or-before' ? `on or before ${e.date}` : e.date) },
    { header: 'Holder', value: (e) => name(e.personId) },
    { header: 'Security', value: (e) => e.title },
    { header: 'Change', value: (e) => (isNote(e) ? moneyChange(e.change) : formatChange(e.change)), align: 'right' },
    { header: 'After', value: after, align: 'right' },
    { header: 'Price', value: (e) => priceLabel(e, context.events.get(e.factId)), align: 'right' },
    { header: 'Event', value: (e) => eventWord(e) },
    { header: 'Source', value: (e) => `${label(e.source.amendmentNumber)}, Item ${e.source.item}` },
    { header: 'Note', value: noteCell },
  ]);
  const entities = [...new Set(view.throughControlledEntities.map((e) => name(e.personId)))];
  const through =
    entities.length === 0
      ? []
      : ['', `Rows held by ${entities.join(', ')} are deemed ${view.name}'s through control (Rule 13d-3).`];
  return [head, '', table, ...through, ...noteLines(notesOf(view))].join('\n');
}

/** What the audit trail and the projection say about a row, digits grouped. */
function noteCell(e: HistoryEntry): string {
  return groupDigits([auditNote(e), e.note ?? ''].filter((text) => text !== '').join('; '));
}

/** A change of note principal: "+$500,000", "-$250,000", "$0". */
function moneyChange(change: number): string {
  return `${change > 0 ? '+' : change < 0 ? '-' : ''}${formatMoney(Math.abs(change))}`;
}

/**
 * The audit trail in one cell: a corrected change names what was first recorded and why;
 * a retracted one what it gave.
 */
function auditNote(e: HistoryEntry): string {
  if (e.retracted !== null) {
    const r = e.retracted;
    const recorded = `recorded ${r.originallyRecordedAt.slice(0, 10)}, was ${formatChange(r.wouldHaveChanged)}`;
    return `RETRACTED ${r.recordedAt.slice(0, 10)} ("${r.reason}"); ${recorded}`;
  }
  if (e.corrected !== null) {
    const c = e.corrected;
    const from =
      c.originally?.change === null || c.originally === null ? '' : ` from ${formatChange(c.originally.change)}`;
    const when = c.recordedAt === null ? '' : ` ${c.recordedAt.slice(0, 10)}`;
    return `CORRECTED${when}${from} ("${c.reasons.join('"; "')}")`;
  }
  return '';
}

/** The history's word for an event, from the event catalogue; the entry's kind for anything else. */
function eventWord(entry: HistoryEntry): string {
  const type = entry.eventType as FactEventType;
  return (type in EVENT_CATALOGUE ? traitsOf(type).label : null) ?? entry.kind;
}
