import { describe, expect, it } from 'vitest';
import type { Holder, SecurityHolding } from '../../projections/views/holdings.js';
import { showCoverValue, showFigures } from '../../src/cli/commands/diff-format.js';
import { notCountedReason } from '../../src/cli/commands/holdings-securities.js';
import { holderPercent } from '../../src/cli/commands/ledger-format.js';
import {
  formatPercent,
  formatReportedPercent,
  formatReportedPercentValue,
} from '../../src/cli/commands/percent-format.js';
import { formatCount, formatMoney, groupDigits } from '../../src/cli/output.js';

describe('groupDigits', () => {
  it.each([
    [
      'reported 25229, transactions give 10179: +15050 unexplained',
      'reported 25,229, transactions give 10,179: +15,050 unexplained',
    ],
    [
      'at most 7165523 shares issuable (19.99% of 35846318)',
      'at most 7,165,523 shares issuable (19.99% of 35,846,318)',
    ],
    ['a difference of -600000', 'a difference of -600,000'],
    ['$2600324.89 paid', '$2,600,324.89 paid'],
    ['2000 shares bought', '2,000 shares bought'],
  ])('groups the bare counts in %j', (text, expected) => {
    expect(groupDigits(text)).toBe(expected);
  });

  it.each([
    'as of 2024-07-23, recorded 2020-01-01T23:59:59.999Z',
    'the 2020 note, filed in 2021',
    'CUSIP 09175M507, CUSIP 594918104, CIK 9900017',
    'accession 0001213900-24-063436',
    'issuer-09175M507 and ault-and-company and a8-2024',
    'Las Vegas, NV 89141, Suite 3300',
    'already grouped 214,940,800 and 0.00045%',
  ])('leaves years, dates, CUSIPs, ids and grouped numbers alone in %j', (text) => {
    expect(groupDigits(text)).toBe(text);
  });
});

describe('percent of class', () => {
  it('prints a computed percent with two decimals and a small one as cover pages do', () => {
    expect(formatPercent(85.71969)).toBe('85.72%');
    expect(formatPercent(0.00045)).toBe('less than 1% (0.00045%)');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(null)).toBe('unknown');
  });

  it('prints a reported percent at the filing precision, never padded', () => {
    expect(formatReportedPercentValue(8.5)).toBe('8.5%');
    expect(formatReportedPercentValue(9.9)).toBe('9.9%');
    expect(formatReportedPercent({ kind: 'value', value: 8.5, text: '8.5' })).toBe('8.5%');
    expect(formatReportedPercent({ kind: 'value', value: 85.72, text: '85.72%' })).toBe('85.72%');
    expect(formatReportedPercent({ kind: 'less-than', bound: 1, text: 'Less than 1%' })).toBe('Less than 1%');
  });

  it('shows a holder known only from a cover page at the cover page precision', () => {
    const holder = {
      personId: 'kestrel-hollow-partners-lp',
      name: 'Kestrel Hollow Partners, L.P.',
      securities: [],
      percentOfClass: 7.7,
      percentOfClassReason: null,
      basis: 'reported',
      breakdownKnown: false,
      reportedFigures: { kind: 'cover-page', filing: 'Original Schedule 13D', asOf: '2025-01-06', factId: 'x' },
    } as unknown as Holder;
    expect(holderPercent(holder)).toBe('7.7%');
    expect(holderPercent({ ...holder, reportedFigures: null, breakdownKnown: true } as Holder)).toBe('7.70%');
  });
});

describe('the securities table', () => {
  const base = {
    securityId: 's',
    title: 'T',
    heldBy: 'p',
    ownership: 'direct',
    quantity: 10,
    blockedByCap: 0,
    conversionPrice: null,
    basis: 'transactions',
    reportedAsOf: null,
  } as const;
  it.each([
    [
      { ...base, kind: 'convertible-note', sharesIssuable: null, exercisableWithin60Days: false, countedShares: 0 },
      'not counted: no conversion price into the class is known',
    ],
    [
      { ...base, kind: 'warrant', sharesIssuable: 10, exercisableWithin60Days: false, countedShares: 0 },
      'not counted: not exercisable within 60 days',
    ],
    [
      {
        ...base,
        kind: 'warrant',
        sharesIssuable: 10,
        exercisableWithin60Days: true,
        blockedByCap: 10,
        countedShares: 0,
      },
      'not counted: the exchange cap blocks all of it',
    ],
    [
      {
        ...base,
        kind: 'warrant',
        sharesIssuable: 10,
        exercisableWithin60Days: true,
        blockedByCap: 4,
        countedShares: 6,
      },
      '4 blocked by the exchange cap',
    ],
    [{ ...base, kind: 'common', sharesIssuable: null, exercisableWithin60Days: false, countedShares: 10 }, ''],
  ])('says why a security counts less than it converts into (%#)', (security, reason) => {
    expect(notCountedReason(security as SecurityHolding)).toBe(reason);
  });
});

describe('diff values', () => {
  it('prints cover values as the filing wrote them', () => {
    expect(showCoverValue({ kind: 'value', text: '85.72%', value: 85.72 })).toBe('85.72%');
    expect(showCoverValue({ bound: 1, kind: 'less-than', text: 'Less than 1%' })).toBe('Less than 1%');
    expect(showCoverValue(214940800)).toBe('214,940,800');
    expect(showCoverValue({ a: false, b: true })).toBe('(a) not checked, (b) checked');
    expect(showCoverValue(['WC', 'AF'])).toBe('WC; AF');
    expect(showCoverValue(null)).toBe('unknown');
  });

  it('says what a holding figure rests on and why its percent is unknown', () => {
    const figures = {
      asOf: '2023-10-24',
      aggregate: 179,
      percentOfClass: null,
      percentOfClassReason: 'shares outstanding are not known on or before 2023-10-24',
      soleVotingPower: 179,
      sharedVotingPower: 0,
      soleDispositivePower: 179,
      sharedDispositivePower: 0,
      basis: 'transactions',
    } as const;
    expect(showFigures(figures)).toBe('179 (from transactions; percent unknown: shares outstanding not known)');
    expect(showFigures(null)).toBe('none known');
  });

  it('writes money as the filing does', () => {
    expect(formatMoney(739_948)).toBe('$739,948');
    expect(formatMoney(0.22)).toBe('$0.22');
  });
});

describe('formatCount', () => {
  it('groups digits and keeps the 4 decimals a computed percent has (85.6626, not 85.663)', () => {
    expect(formatCount(214_940_800)).toBe('214,940,800');
    expect(formatCount(85.6626)).toBe('85.6626');
    expect(formatCount(null)).toBe('-');
  });
});
