/**
 * The statement as of a date, as text. Before the first filing there is no
 * statement, and the text says so (with the first filing date the ledger knows)
 * instead of printing an empty header and seven "no known change" items.
 */
import type { StatementView } from '../../../projections/index.js';
import { formatTable, groupDigits, issuerLabel, noteLines, notesOf } from '../output.js';
import type { IssuerHeader } from '../../ledger/issuer-events.js';

type Statement = Omit<StatementView, 'issuer'> & { issuer: IssuerHeader };
export type FirstFiling = { label: string; filedOn: string } | null;

function issuer(view: Statement): string {
  return issuerLabel(view.issuer);
}

/** "Original Schedule 13D (filed)": the original files every item; only amendments restate or amend. */
function lastChanged(view: Statement, item: Statement['items'][number]): string {
  if (item.lastChangedBy === null) return 'none known';
  const original = view.filings.find((f) => f.label === item.lastChangedBy)?.amendmentNumber === 0;
  return `${item.lastChangedBy} (${original ? 'filed' : (item.change ?? 'changed')})`;
}

/** Filings of unknown contents since the item was last stated: they may have changed it. */
function unknownSince(names: readonly string[]): string {
  if (names.length === 0) return 'none';
  return names.length === 1 ? names[0]! : `${names.length}: ${names[0]} to ${names.at(-1)}`;
}

/** "3 filings" */
function filingsCount(view: Statement): string {
  return `${view.filings.length} filing${view.filings.length === 1 ? '' : 's'}`;
}

/** " (the original and 8 amendments)"; nothing for the original alone. */
function amendmentsCount(view: Statement): string {
  const amendments = view.filings.filter((f) => f.amendmentNumber !== 0).length;
  return amendments > 0 ? ` (the original and ${amendments} amendment${amendments === 1 ? '' : 's'})` : '';
}

function itemsChanged(filing: Statement['filings'][number]): string {
  return filing.contentsKnown ? filing.itemsChanged.join(', ') || 'none' : 'contents unknown';
}

export function formatStatement(view: Statement, first: FirstFiling): string {
  if (view.filings.length === 0) {
    const known =
      first === null
        ? 'The ledger knows no Schedule 13D filing for this issuer.'
        : `The first filing the ledger knows, the ${first.label}, was filed on ${first.filedOn}.`;
    const none = `Schedule 13D, ${issuer(view)}: no statement had been filed by ${view.asOf}. ${known}`;
    return [none, ...noteLines(notesOf(view))].join('\n');
  }
  const lines = [
    `Schedule 13D, ${issuer(view)}${view.classTitle ? `, ${view.classTitle}` : ''}, as of ${view.asOf}`,
    `${filingsCount(view)} by then${amendmentsCount(view)}:`,
    '',
    formatTable(view.filings, [
      { header: 'Filing', value: (f) => f.label },
      { header: 'Filed', value: (f) => f.filedOn },
      { header: 'Event date', value: (f) => f.eventDate ?? 'not known' },
      { header: 'Items changed', value: itemsChanged },
    ]),
    '',
    formatTable(view.items, [
      { header: 'Item', value: (i) => i.item },
      { header: 'Last stated by', value: (i) => lastChanged(view, i) },
      { header: 'Filings of unknown contents since', value: (i) => unknownSince(i.possiblyChangedByUnknownFilings) },
      { header: 'Summary', value: (i) => groupDigits(i.summary ?? '') },
    ]),
  ];
  if (view.items.some((i) => i.possiblyChangedByUnknownFilings.length > 0)) {
    lines.push('', 'Filings of unknown contents may have changed an item; the ledger does not guess what they said.');
  }
  lines.push(...noteLines(notesOf(view)));
  return lines.join('\n');
}
