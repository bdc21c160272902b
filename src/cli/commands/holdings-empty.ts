/**
 * Why a holdings table is empty, in one sentence with the earliest date that has something
 * (the reason itself comes from src/ledger/holdings-empty.ts): a bare header row would read
 * like "holds nothing".
 */
import type { EmptyHoldings } from '../../ledger/holdings-empty.js';

export function formatEmptyHoldings(empty: EmptyHoldings): string {
  switch (empty.reason) {
    case 'nothing-recorded': {
      const { recordedBy, firstRecordedAt } = empty;
      const first = firstRecordedAt === null ? '.' : `; its first event was recorded at ${firstRecordedAt}.`;
      return `The ledger had recorded nothing for this issuer by ${recordedBy}${first}`;
    }
    case 'nothing-filed': {
      const { firstFiling, firstFilingWithHoldings } = empty;
      if (firstFiling === null) return `No filing about this issuer had been filed by ${empty.filedBy}.`;
      const then =
        firstFilingWithHoldings === null
          ? ''
          : ` (the first to disclose holdings effective by ${empty.asOf} was filed on ${firstFilingWithHoldings})`;
      const what = firstFiling.label ?? 'a filing';
      return (
        `No filing about this issuer had been filed by ${empty.filedBy}; ` +
        `the first, ${what}, was filed on ${firstFiling.filedOn}${then}.`
      );
    }
    case 'not-yet-disclosed':
      return (
        `No filing filed by ${empty.filedBy} discloses holdings effective by ${empty.asOf}; ` +
        `the first that does was filed on ${empty.firstFilingWithHoldings}.`
      );
    case 'holdings-begin-later':
      return (
        `No holdings facts${underFiledBy(empty.filedBy)} are effective on or before ${empty.asOf}; ` +
        `the earliest date with holdings is ${empty.earliestDate}.`
      );
    case 'no-holdings':
      return (
        `No holdings are known for this issuer${underFiledBy(empty.filedBy)} ` +
        `on or before ${empty.asOf}, nor at any later date.`
      );
    default: {
      const unknown: never = empty;
      return unknown;
    }
  }
}

function underFiledBy(filedBy: string | null): string {
  return filedBy === null ? '' : ` in filings filed by ${filedBy}`;
}
