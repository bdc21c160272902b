/**
 * CSV (RFC 4180) of holdings and history, for spreadsheets: one row per holder or per
 * change, numbers unformatted. Text that a spreadsheet would run as a formula (a name
 * starting with =, +, - or @, as a hostile filing could print) is prefixed with a quote.
 */
import type { HoldingsReport } from '../ledger/index.js';
import type { queryHistory } from '../ledger/index.js';

type HistoryReport = Awaited<ReturnType<typeof queryHistory>>;
type Cell = string | number | boolean | null;

export function holdingsCsv(report: HoldingsReport): string {
  const header = [
    'asOf',
    'personId',
    'name',
    'aggregate',
    'percentOfClass',
    'soleVotingPower',
    'sharedVotingPower',
    'soleDispositivePower',
    'sharedDispositivePower',
    'basis',
    'breakdownKnown',
  ];
  const rows = report.holders.map((h) => [
    report.asOf,
    h.personId,
    h.name,
    h.aggregate,
    h.percentOfClass,
    h.soleVotingPower,
    h.sharedVotingPower,
    h.soleDispositivePower,
    h.sharedDispositivePower,
    h.basis,
    h.breakdownKnown,
  ]);
  return toCsv(header, rows);
}

export function historyCsv(report: HistoryReport): string {
  const header = [
    'date',
    'precision',
    'personId',
    'securityId',
    'title',
    'change',
    'quantityAfter',
    'kind',
    'eventType',
    'pricePerShare',
    'disclosedOn',
    'filing',
    'through',
    'corrected',
    'retracted',
    'factId',
  ];
  const entries = [
    ...report.changes.map((e) => ({ e, through: '' })),
    ...report.throughControlledEntities.map((e) => ({ e, through: e.personId })),
  ];
  const rows = entries.map(({ e, through }) => [
    e.date,
    e.precision,
    report.personId,
    e.securityId,
    e.title,
    e.change,
    e.quantityAfter,
    e.kind,
    e.eventType,
    e.pricePerShare,
    e.disclosedOn,
    e.source.amendmentNumber === null
      ? 'Amendment (no number)'
      : e.source.amendmentNumber === 0
        ? 'Original'
        : `Amendment No. ${e.source.amendmentNumber}`,
    through,
    e.corrected !== null,
    e.retracted !== null,
    e.factId,
  ]);
  return toCsv(header, rows);
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
