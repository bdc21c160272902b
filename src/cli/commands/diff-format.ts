/**
 * The diff as text: items restated, cover rows changed, holdings at each
 * filing's event date. Cover values are printed as the filing wrote them
 * (row 13 "85.72%", "Less than 1%"), codes become words, and an unknown side
 * says it is unknown rather than looking like a zero.
 */
import type { AmendmentDiff, CoverChange, HoldingFigures } from '../../../projections/index.js';
import { formatCount, formatTable, groupDigits, issuerLabel, noteLines } from '../output.js';
import type { IssuerHeader } from '../../ledger/issuer-events.js';
import { formatPercent, formatReportedPercent, isReportedPercent, percentUnknownReason } from './percent-format.js';

type Diff = AmendmentDiff & { issuer: IssuerHeader };

/** Rows 7-11 and 13 carry the figures; the other rows are shown only where both sides are known. */
const FIGURE_ROWS = ['7', '8', '9', '10', '11', '13'];
const ROW_NAMES: Record<string, string> = {
  '1': 'name',
  '2': 'member of a group',
  '4': 'source of funds',
  '5': 'legal proceedings',
  '6': 'citizenship or place',
  '7': 'sole voting power',
  '8': 'shared voting power',
  '9': 'sole dispositive power',
  '10': 'shared dispositive power',
  '11': 'aggregate',
  '12': 'excludes certain shares',
  '13': 'percent of class',
  '14': 'type of reporting person',
  footnotes: 'footnotes',
};
const CHANGE_WORDS: Record<CoverChange['change'], string> = {
  added: 'person added',
  removed: 'person removed',
  changed: 'changed',
  'before-unknown': 'earlier page not known',
  'after-unknown': 'later page not known',
};
const FIELD_NAMES: Record<string, string> = {
  aggregate: 'aggregate',
  percentOfClass: 'percent',
  soleVotingPower: 'sole vote',
  sharedVotingPower: 'shared vote',
  soleDispositivePower: 'sole disp.',
  sharedDispositivePower: 'shared disp.',
  basis: 'basis',
};
const BASIS_WORDS: Record<string, string> = {
  reported: 'reported',
  derived: 'derived',
  transactions: 'from transactions',
};

/** A cover value as a reader expects it: counts grouped, booleans as boxes, lists joined, long text cut. */
export function showCoverValue(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = 'unknown';
  else if (typeof value === 'number') text = formatCount(value);
  else if (typeof value === 'boolean') text = value ? 'yes' : 'no';
  else if (typeof value === 'string') text = groupDigits(value);
  else if (isReportedPercent(value)) text = formatReportedPercent(value);
  else if (Array.isArray(value)) text = value.map(showListEntry).join('; ') || 'none';
  else if (typeof value === 'object' && 'a' in value && 'b' in value) text = showBoxes(value);
  else
    text = Object.entries(value)
      .map(([k, v]) => `${k}: ${showCoverValue(v)}`)
      .join(', ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A footnote "(1) text", or any other list entry as a cover value. */
function showListEntry(entry: unknown): string {
  if (typeof entry !== 'object' || entry === null || !('marker' in entry)) return showCoverValue(entry);
  return `(${String(entry.marker)}) ${String((entry as { text?: unknown }).text ?? '')}`;
}

/** Row 2's boxes: "(a) checked, (b) not checked". */
function showBoxes(boxes: { a: unknown; b: unknown }): string {
  const box = (checked: unknown) => (checked ? 'checked' : 'not checked');
  return `(a) ${box(boxes.a)}, (b) ${box(boxes.b)}`;
}

/** "179 (from transactions; percent unknown: shares outstanding not known)". */
export function showFigures(f: HoldingFigures | null): string {
  if (f === null) return 'none known';
  const percent =
    f.percentOfClass === null ? percentUnknownReason(f.percentOfClassReason) : formatPercent(f.percentOfClass);
  return `${formatCount(f.aggregate)} (${BASIS_WORDS[f.basis] ?? f.basis}; ${percent})`;
}

function coverRows(diff: Diff): { name: string; change: string; row: string; before: string; after: string }[] {
  return diff.coverChanges.flatMap((c) => {
    if (c.fields.length === 0) {
      return [{ name: c.name, change: CHANGE_WORDS[c.change], row: '', before: '', after: '' }];
    }
    // With the earlier page unknown, only the figures are worth listing (every row would "change").
    const fields = c.fields.filter((f) => c.change !== 'before-unknown' || FIGURE_ROWS.includes(f.row ?? ''));
    return fields.map((f) => ({
      name: c.name,
      change: CHANGE_WORDS[c.change],
      row: f.row === null ? f.field : `${f.row} ${ROW_NAMES[f.row] ?? f.field}`.trim(),
      before: showCoverValue(f.before),
      after: showCoverValue(f.after),
    }));
  });
}

function changedFields(h: Diff['holdingChanges'][number]): string {
  if (h.changes.length === 0) return 'nothing';
  if (h.before === null) return 'first known';
  return h.changes.map((c) => FIELD_NAMES[c.field] ?? c.field).join(', ');
}

function coverTable(diff: Diff): string {
  const rows = coverRows(diff);
  if (rows.length === 0 && diff.to.contentsKnown) return 'No cover-page changes.';
  if (rows.length === 0) return `Not known: ${diff.to.label}'s contents are not in the ledger.`;
  return formatTable(rows, [
    { header: 'Person', value: (r) => r.name },
    { header: 'Change', value: (r) => r.change },
    { header: 'Row', value: (r) => r.row },
    { header: 'Before', value: (r) => r.before, align: 'right' },
    { header: 'After', value: (r) => r.after, align: 'right' },
  ]);
}

function holdingsTable(diff: Diff): string {
  if (diff.holdingChanges.length === 0) return 'No holdings known on either date.';
  return formatTable(diff.holdingChanges, [
    { header: 'Person', value: (h) => h.name },
    { header: 'Before', value: (h) => showFigures(h.before) },
    { header: 'After', value: (h) => showFigures(h.after) },
    { header: 'Changed', value: changedFields },
  ]);
}

export function formatDiff(diff: Diff): string {
  const side = (f: Diff['from']) => `${f.label} (filed ${f.filedOn}${f.contentsKnown ? '' : ', contents unknown'})`;
  const { from, to } = diff;
  const lines = [`${issuerLabel(diff.issuer)}: ${side(from)} -> ${side(to)}; ${diff.shareBasisNote}`];
  lines.push('', 'Items restated or amended:');
  for (const f of diff.itemsRestated) {
    const items = f.items.map((i) => `Item ${i.item} (${i.change})`).join(', ') || 'none';
    lines.push(`- ${f.label} (filed ${f.filedOn}): ${f.contentsKnown ? items : 'contents unknown'}`);
  }
  lines.push('', 'Cover pages:', coverTable(diff));
  lines.push('', `Holdings on ${from.holdingsAsOf} (${from.label}) and ${to.holdingsAsOf} (${to.label}):`);
  lines.push(holdingsTable(diff), ...noteLines(diff.notes));
  return lines.join('\n');
}
