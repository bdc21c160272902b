/** The holdings table (JSON output needs none of this): header, holders, securities, notes. */
import type { Holder } from '../../../projections/index.js';
import type { HoldingsReport } from '../../ledger/holdings-query.js';
import { formatCount, formatTable, groupDigits, issuerLabel, notesOf } from '../output.js';
import { formatHoldingsNotes } from './holdings-notes.js';
import { formatSecurities } from './holdings-securities.js';
import {
  formatPercent,
  formatReportedPercent,
  formatReportedPercentValue,
  isReportedPercent,
} from './percent-format.js';
import type { ReportedPercent } from '../../domain/index.js';

export { formatPercent } from './percent-format.js';

/** Row 13 as the filing wrote it, when the view carries the filing's figures (older views do not). */
function reportedPercentOf(h: Holder): ReportedPercent | null {
  const percent = (h.reportedFigures as { percentOfClass?: unknown } | null)?.percentOfClass;
  return isReportedPercent(percent) ? percent : null;
}

/**
 * True when the figures shown are the filing's own: no breakdown (the filing's figures are all
 * there is, whatever the date), or computed figures the projections found equal to the filing's.
 */
function showsReported(h: Holder): boolean {
  if (h.reportedFigures === null) return false;
  if (!h.breakdownKnown) return true;
  const differs = (h as { differsFromReported?: unknown }).differsFromReported;
  return h.basis === 'reported' && !(Array.isArray(differs) && differs.length > 0);
}

/**
 * A percent a filing reported is printed at the filing's own precision ("8.5%", "Less than 1%"),
 * from its text when the view carries it, else the value without padding zeros. A percent the
 * ledger computed has two decimals.
 */
export function holderPercent(h: Holder): string {
  if (showsReported(h)) {
    const reported = reportedPercentOf(h);
    if (reported !== null && (h.percentOfClass !== null || reported.kind === 'less-than')) {
      return formatReportedPercent(reported);
    }
    if (h.percentOfClass !== null && !h.breakdownKnown) return formatReportedPercentValue(h.percentOfClass);
  }
  return h.percentOfClass === null ? 'unknown' : formatPercent(h.percentOfClass);
}

const BASIS: Record<string, string> = { reported: 'reported', derived: 'derived', transactions: 'from transactions' };

/** "reported (Amendment No. 8, cover page)": where a reported figure comes from. */
function holderBasis(h: Holder): string {
  const word = BASIS[h.basis] ?? h.basis;
  const r = h.reportedFigures;
  if (r === null || !showsReported(h)) return word;
  const place = r.kind === 'cover-page' ? 'cover page' : 'Item 5';
  return `${word} (${r.filing}, ${place}${h.basis === 'reported' ? '' : `, as of ${r.asOf}`})`;
}

function title(report: HoldingsReport): string {
  const clocks = [
    report.filedBy ? `filed by ${report.filedBy}` : null,
    report.recordedBy ? `recorded by ${report.recordedBy}` : null,
  ].filter(Boolean);
  const under = clocks.length ? ` (${clocks.join(', ')})` : '';
  return `${issuerLabel(report.issuer)}: holdings as of ${report.asOf}${under}; ${report.shareBasisNote}`;
}

function outstanding(report: HoldingsReport): string {
  const so = report.sharesOutstanding;
  if (so === null) return `Shares outstanding: not known on or before ${report.asOf}`;
  const basis = so.basis === 'reported' ? 'reported' : `the latest reported, as of ${so.asOf}`;
  return `Shares outstanding: ${formatCount(so.value)} as of ${so.asOf} (${basis}; source: ${groupDigits(so.source)})`;
}

/** `empty` is the one-sentence reason to print when there are no holders (see holdings-empty.ts). */
export function formatHoldings(report: HoldingsReport, empty?: string): string {
  const lines = [title(report), outstanding(report), ''];
  if (report.holders.length === 0) {
    lines.push(empty ?? `No holdings are known for this issuer as of ${report.asOf}.`);
    return lines.join('\n');
  }
  lines.push(
    formatTable(report.holders, [
      { header: 'Reporting person', value: (h) => h.name },
      { header: 'Aggregate', value: (h) => formatCount(h.aggregate), align: 'right' },
      { header: 'Percent', value: holderPercent, align: 'right' },
      { header: 'Sole vote', value: (h) => formatCount(h.soleVotingPower), align: 'right' },
      { header: 'Shared vote', value: (h) => formatCount(h.sharedVotingPower), align: 'right' },
      { header: 'Sole disp.', value: (h) => formatCount(h.soleDispositivePower), align: 'right' },
      { header: 'Shared disp.', value: (h) => formatCount(h.sharedDispositivePower), align: 'right' },
      { header: 'Basis', value: holderBasis },
    ]),
  );
  const securities = formatSecurities(report.holders);
  if (securities !== null) lines.push('', securities);
  const notes = formatHoldingsNotes(notesOf(report), report.holders);
  if (notes.length > 0) lines.push('', ...notes);
  return lines.join('\n');
}
