/** Readable tables for the ledger commands (JSON output needs none of this). */
import type { HoldingsReport } from '../../ledger/holdings-query.js';
import { formatCount, formatTable } from '../output.js';

export function formatPercent(value: number | null): string {
  if (value === null) return 'unknown';
  // Cover pages write small stakes as "Less than 1%"; the figure is kept beside it.
  if (value < 1) return `<1% (${value.toPrecision(2)}%)`;
  return `${value.toFixed(2)}%`;
}

export function formatHoldings(report: HoldingsReport): string {
  const so = report.sharesOutstanding;
  const clocks = [report.filedBy ? `filed by ${report.filedBy}` : null, report.recordedBy ? `recorded by ${report.recordedBy}` : null].filter(Boolean);
  const lines = [
    `${report.issuer.name ?? 'Issuer'} (CUSIP ${report.issuer.cusip}) holdings as of ${report.asOf}${clocks.length ? ` (${clocks.join(', ')})` : ''}; ${report.shareBasisNote}`,
    so === null ? 'Shares outstanding: unknown' : `Shares outstanding: ${formatCount(so.value)} as of ${so.asOf} (${so.basis}; ${so.source})`,
    '',
    formatTable(report.holders, [
      { header: 'Reporting person', value: (h) => h.name },
      { header: 'Aggregate', value: (h) => formatCount(h.aggregate), align: 'right' },
      { header: 'Percent', value: (h) => formatPercent(h.percentOfClass), align: 'right' },
      { header: 'Sole vote', value: (h) => formatCount(h.soleVotingPower), align: 'right' },
      { header: 'Shared vote', value: (h) => formatCount(h.sharedVotingPower), align: 'right' },
      { header: 'Sole disp.', value: (h) => formatCount(h.soleDispositivePower), align: 'right' },
      { header: 'Shared disp.', value: (h) => formatCount(h.sharedDispositivePower), align: 'right' },
      { header: 'Basis', value: (h) => h.basis },
    ]),
    '',
  ];
  const securities = report.holders.flatMap((h) => h.securities.filter((s) => s.ownership === 'direct').map((s) => ({ holder: h.name, ...s })));
  if (securities.length > 0) {
    lines.push(
      formatTable(securities, [
        { header: 'Held by', value: (s) => s.holder },
        { header: 'Security', value: (s) => s.title },
        { header: 'Quantity', value: (s) => formatCount(s.quantity), align: 'right' },
        { header: 'Issuable', value: (s) => formatCount(s.sharesIssuable), align: 'right' },
        { header: '<=60 days', value: (s) => (s.sharesIssuable === null ? '' : s.exercisableWithin60Days ? 'yes' : 'no') },
        { header: 'Cap blocks', value: (s) => (s.blockedByCap > 0 ? formatCount(s.blockedByCap) : ''), align: 'right' },
        { header: 'Counted', value: (s) => formatCount(s.countedShares), align: 'right' },
        { header: 'Basis', value: (s) => s.basis + (s.basis === 'derived' && s.reportedAsOf ? ` (reported ${s.reportedAsOf})` : '') },
      ]),
    );
  }
  const notes = [...new Set(report.holders.flatMap((h) => [...h.notes, ...(h.percentOfClassReason ? [`percent unknown: ${h.percentOfClassReason}`] : [])]))];
  const differences = report.holders.flatMap((h) => h.unexplainedDifferences.filter((d) => d.personId === h.personId));
  for (const d of differences) notes.push(`unexplained: ${d.personId} ${d.securityId} reported ${formatCount(d.reported)} as of ${d.asOf}, transactions give ${formatCount(d.computed)} (${d.difference > 0 ? '+' : ''}${formatCount(d.difference)})`);
  if (notes.length > 0) lines.push('', 'Notes:', ...notes.map((n) => `- ${n}`));
  return lines.join('\n');
}
