/**
 * The securities table under the holdings table: what each person holds
 * directly, what it converts into, and what Rule 13d-3 counts. A row that counts
 * nothing says why, so a 0 never looks like an error or an omission.
 */
import type { Holder, SecurityHolding } from '../../../projections/index.js';
import { formatCount, formatMoney, formatTable, type Column } from '../output.js';

type Row = SecurityHolding & { holder: string };

/** Why a security adds fewer shares than it converts into (empty when it counts in full). */
export function notCountedReason(s: SecurityHolding): string {
  if (s.kind === 'common') return '';
  if (s.kind === 'rsu') return 'RSUs count only once they vest into shares';
  if (s.sharesIssuable === null) {
    // No conversion price in the ledger: the shares issuable cannot be computed, so none are counted.
    const converts = s.kind === 'convertible-note' || s.kind === 'convertible-preferred';
    return converts ? 'not counted: no conversion price into the class is known' : 'not counted: terms unknown';
  }
  if (s.sharesIssuable === 0) return 'converts into no whole share';
  // Rule 13d-3(d)(1)(i): only rights exercisable within 60 days count.
  if (!s.exercisableWithin60Days) return 'not counted: not exercisable within 60 days';
  if (s.blockedByCap > 0 && s.countedShares === 0) return 'not counted: the exchange cap blocks all of it';
  if (s.blockedByCap > 0) return `${formatCount(s.blockedByCap)} blocked by the exchange cap`;
  if (s.countedShares < s.sharesIssuable) {
    return `${formatCount(s.sharesIssuable - s.countedShares)} not yet exercisable within 60 days`;
  }
  return '';
}

function basis(s: SecurityHolding): string {
  if (s.basis === 'derived') return s.reportedAsOf ? `derived (last reported ${s.reportedAsOf})` : 'derived';
  return s.basis === 'transactions' ? 'from transactions' : 'reported';
}

/** Note principal is dollars, not shares: shown as money so the column is not misread as a share count. */
function quantity(s: SecurityHolding): string {
  return s.kind === 'convertible-note' ? formatMoney(s.quantity) : formatCount(s.quantity);
}

/** Shares the security converts into; nothing for common stock itself. */
function issuable(s: SecurityHolding): string {
  if (s.kind === 'common') return '';
  return s.sharesIssuable === null ? 'unknown' : formatCount(s.sharesIssuable);
}

function within60Days(s: SecurityHolding): string {
  if (s.kind === 'common' || s.sharesIssuable === null) return '';
  return s.exercisableWithin60Days ? 'yes' : 'no';
}

export function formatSecurities(holders: readonly Holder[]): string | null {
  const rows: Row[] = holders.flatMap((h) =>
    h.securities.filter((s) => s.ownership === 'direct').map((s) => ({ ...s, holder: h.name })),
  );
  if (rows.length === 0) return null;
  // The column only where some cap blocks something.
  const capColumn: Column<Row> = {
    header: 'Cap blocks',
    value: (s) => (s.blockedByCap > 0 ? formatCount(s.blockedByCap) : ''),
    align: 'right',
  };
  return formatTable(rows, [
    { header: 'Held by', value: (s) => s.holder },
    { header: 'Security', value: (s) => s.title },
    { header: 'Quantity', value: quantity, align: 'right' },
    { header: 'Issuable', value: issuable, align: 'right' },
    { header: 'Within 60 days', value: within60Days },
    ...(rows.some((s) => s.blockedByCap > 0) ? [capColumn] : []),
    { header: 'Counted', value: (s) => formatCount(s.countedShares), align: 'right' },
    { header: 'Basis', value: basis },
    { header: 'Note', value: notCountedReason },
  ]);
}
