/**
 * Reconciliation as text: findings grouped by filing, each with what the filing
 * reports against what its own figures and transactions give, both formatted.
 */
import type { Finding, ReconciliationView } from '../../../projections/index.js';
import { formatCount, groupDigits, issuerLabel, noteLines, notesOf } from '../output.js';
import type { IssuerHeader } from '../../ledger/issuer-events.js';

type Reconciliation = ReconciliationView & { issuer: IssuerHeader };

const KIND_WORDS: Record<string, string> = {
  'unexplained-position-difference': 'Position not explained by transactions',
  'cover-vs-item-5': 'Cover page against Item 5',
  'address-mismatch': 'Address mismatch',
  'powers-vs-aggregate': 'Powers against aggregate',
  'cover-vs-positions': 'Cover page against positions',
  'footnote-sum': 'Footnote breakdown against total',
  'item-5-breakdown': 'Item 5(a) breakdown against total',
  'percent-denominator-not-stated': 'Percent with no shares outstanding stated',
  'percent-arithmetic': 'Percent arithmetic',
  'read-with-doubt': 'Read with doubt',
};

function kind(k: string): string {
  return KIND_WORDS[k] ?? k.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

function figure(value: number | string | null): string {
  if (value === null) return 'not stated';
  return typeof value === 'number' ? formatCount(value) : groupDigits(value);
}

/** " (cover page)", " (front page)", " (Item 5(a))": where in the filing the finding is. */
function where(item: string | null): string {
  if (item === null) return '';
  if (item === 'cover') return ' (cover page)';
  return /^(?:cover|front)/.test(item) ? ` (${item})` : ` (Item ${item})`;
}

function findingLines(f: Finding, n: number): string[] {
  const lines = [`  ${n}. ${kind(f.kind)}${where(f.item)}: ${groupDigits(f.message)}`];
  // What was read with doubt is in the message; there is nothing computed to set against it.
  if (f.kind === 'read-with-doubt') lines.push(`     read "${f.reported ?? ''}"`);
  else if (f.reported !== null || f.computed !== null) {
    lines.push(`     reported ${figure(f.reported)}; computed ${figure(f.computed)}`);
  }
  return lines;
}

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

export function formatReconciliation(view: Reconciliation): string {
  const lines = [
    `${issuerLabel(view.issuer)}: reconciliation of each filing against its own figures and transactions`,
    `${plural(view.findings.length, 'finding')}; ${plural(view.consistent.length, 'check')} consistent; ` +
      `${plural(view.notChecked.length, 'filing')} not checked (contents unknown)`,
  ];
  const filings = [...new Set(view.findings.map((f) => f.filing))];
  for (const filing of filings) {
    lines.push('', `${filing}:`);
    view.findings.filter((f) => f.filing === filing).forEach((f, i) => lines.push(...findingLines(f, i + 1)));
  }
  if (view.findings.length === 0) lines.push('', 'No findings: every check that could be made holds.');
  if (view.notChecked.length > 0) {
    const unchecked = view.notChecked.map((n) => n.replace(/: contents unknown$/, ''));
    lines.push('', `Not checked (contents unknown): ${unchecked.join('; ')}`);
  }
  lines.push(...noteLines(notesOf(view)));
  return lines.join('\n');
}
