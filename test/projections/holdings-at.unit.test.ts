import { describe, expect, it } from 'vitest';
import { selectFacts } from '../../projections/timeline/facts.js';
import {
  holdingsAt,
  holdingsFromEnvelopes,
  holdingsSeries,
  restateHoldings,
} from '../../projections/views/holdings-at.js';
import type { Holder, HoldingsView, SecurityHolding } from '../../projections/views/holdings.js';
import { adjustmentAfter } from '../../projections/views/share-basis.js';
import type { SplitFact } from '../../projections/timeline/prepared-facts.js';
import { envelopes, on } from './build.js';

const RESTATED_NOTE =
  'figures restated into the later share basis: each total rounded down once from its unrounded value';
const REVERSE_TEXT = '1-for-10 reverse split effective 2024-02-01';
const FORWARD_TEXT = '2-for-1 split effective 2024-04-01';

describe('holdings at a date, in each share basis', () => {
  // Given 10,000,000 shares outstanding; the fund buys 1,000,000 shares and 10 preferred ($1,000 stated value,
  // convertible at $0.50) on 2024-01-02; a 1-for-10 reverse split on 2024-02-01 (disclosed 2024-02-05) and a 2-for-1
  // forward split on 2024-04-01 (disclosed 2024-04-03).
  const log = envelopes([
    {
      type: 'SecurityDescribed',
      data: {
        ...on('2024-01-01'),
        securityId: 'pref',
        title: 'Series A Preferred',
        kind: 'convertible-preferred',
        statedValue: 1_000,
        conversionPrice: 0.5,
        conversionPriceFloor: null,
        sharesPerUnit: null,
        exercisableFrom: null,
        expiresOn: null,
      },
    },
    { type: 'SharesOutstandingReported', data: { ...on('2024-01-01'), count: 10_000_000, reportedBy: 'issuer' } },
    {
      type: 'SharesPurchased',
      data: {
        ...on('2024-01-02'),
        personId: 'fund',
        shares: 1_000_000,
        method: 'open-market',
        pricePerShare: 1,
        totalPrice: null,
      },
    },
    {
      type: 'PreferredIssued',
      data: { ...on('2024-01-02'), personId: 'fund', securityId: 'pref', shares: 10, purchasePrice: null },
    },
    { type: 'StockSplit', data: { ...on('2024-02-01', '2024-02-05'), from: 10, to: 1 } },
    { type: 'StockSplit', data: { ...on('2024-04-01', '2024-04-03'), from: 1, to: 2 } },
  ]);
  const facts = selectFacts(log);
  const fund = (view: HoldingsView): Holder => view.holders.find((h) => h.personId === 'fund')!;
  const pref = (view: HoldingsView): SecurityHolding => fund(view).securities.find((s) => s.securityId === 'pref')!;

  describe('before both splits (2024-01-31)', () => {
    it('as reported by default: counts of the day, and both later splits named', () => {
      const view = holdingsAt(facts, '2024-01-31');
      // 1,000,000 shares + 10 x $1,000 / $0.50 = 20,000 issuable
      expect(fund(view).aggregate).toBe(1_020_000);
      expect(view.sharesOutstanding?.value).toBe(10_000_000);
      expect(view.shareBasis).toBe('as-reported');
      expect(view.shareBasisAdjustment).toBeNull();
      expect(view.shareBasisNote).toBe(
        `share basis: as reported then (2 later splits known: ${REVERSE_TEXT}; ${FORWARD_TEXT}; use --share-basis adjusted)`,
      );
    });

    it('adjusted: counts x (1 x 2) / (10 x 1) = 0.2, prices / 0.2, outstanding too', () => {
      const view = holdingsAt(facts, '2024-01-31', { shareBasis: 'adjusted' });
      // 1,000,000 x 0.2 = 200,000 shares; 20,000 x 0.2 = 4,000 issuable; $0.50 x 10 / 2 = $2.50
      expect(fund(view).sharesOwned).toEqual({ direct: 200_000, indirect: 0 });
      expect(pref(view).sharesIssuable).toBe(4_000);
      expect(pref(view).quantity).toBe(10);
      expect(pref(view).conversionPrice).toBeCloseTo(2.5, 10);
      // 1,020,000 x 0.2 = 204,000; 10,000,000 x 0.2 = 2,000,000
      expect(fund(view).aggregate).toBe(204_000);
      expect(view.sharesOutstanding?.value).toBe(2_000_000);
      expect(view.shareBasis).toBe('adjusted');
      expect(view.shareBasisAdjustment).toMatchObject({ factor: 0.2, numerator: 2, denominator: 10 });
      expect(view.shareBasisAdjustment?.splits.map((s) => s.effectiveDate)).toEqual(['2024-02-01', '2024-04-01']);
      expect(view.shareBasisNote).toBe(
        `share basis: adjusted to today's shares (x0.2: ${REVERSE_TEXT}; ${FORWARD_TEXT})`,
      );
    });

    it('adjusted gives what the fold gives after both splits', () => {
      const adjusted = holdingsAt(facts, '2024-01-31', { shareBasis: 'adjusted' });
      const after = holdingsAt(facts, '2024-04-01');
      // both: 200,000 shares + 4,000 issuable
      expect([fund(adjusted).aggregate, fund(after).aggregate]).toEqual([204_000, 204_000]);
      expect(fund(adjusted).sharesOwned).toEqual(fund(after).sharesOwned);
      expect(pref(adjusted).sharesIssuable).toBe(pref(after).sharesIssuable);
    });

    it('with the forward split not yet filed (filed by 2024-04-02), restates by the reverse split alone', () => {
      const view = holdingsFromEnvelopes(
        log,
        { asOf: '2024-01-31', filedBy: '2024-04-02' },
        { shareBasis: 'adjusted' },
      );
      // 1,020,000 / 10 = 102,000
      expect(fund(view).aggregate).toBe(102_000);
      expect(view.shareBasisAdjustment).toMatchObject({ factor: 0.1, numerator: 1, denominator: 10 });
      expect(view.shareBasisNote).toBe(`share basis: adjusted to today's shares (x0.1: ${REVERSE_TEXT})`);
    });
  });

  describe('between the splits (2024-03-01)', () => {
    it('as reported: the reverse split applied, only the forward split later', () => {
      const view = holdingsAt(facts, '2024-03-01');
      // 100,000 shares + 2,000 issuable
      expect(fund(view).aggregate).toBe(102_000);
      expect(view.shareBasisNote).toBe(
        `share basis: as reported then (1 later split known: ${FORWARD_TEXT}; use --share-basis adjusted)`,
      );
    });

    it('adjusted: by the forward split alone, 2 over 1', () => {
      const view = holdingsAt(facts, '2024-03-01', { shareBasis: 'adjusted' });
      // 102,000 x 2 = 204,000
      expect(fund(view).aggregate).toBe(204_000);
      expect(view.shareBasisAdjustment).toMatchObject({ factor: 2, numerator: 2, denominator: 1 });
      expect(view.shareBasisAdjustment?.splits.map((s) => s.effectiveDate)).toEqual(['2024-04-01']);
    });
  });

  describe('after both splits (2024-04-01)', () => {
    it('as reported names no later split', () => {
      expect(holdingsAt(facts, '2024-04-01').shareBasisNote).toBe('share basis: as reported');
    });

    it('adjusted restates nothing, and says the figures are as reported', () => {
      const asReported = holdingsAt(facts, '2024-04-01');
      const adjusted = holdingsAt(facts, '2024-04-01', { shareBasis: 'adjusted' });
      expect(adjusted.holders).toEqual(asReported.holders);
      expect(adjusted.shareBasis).toBe('adjusted');
      expect(adjusted.shareBasisAdjustment).toEqual({ factor: 1, numerator: 1, denominator: 1, splits: [] });
      expect(adjusted.shareBasisNote).toBe('share basis: adjusted (no later split known; same as reported)');
    });
  });

  describe('at many dates in one pass', () => {
    const dates = ['2024-03-01', '2024-01-31', '2024-03-01'];

    it('gives each date its view, in the order asked, as reported by default', () => {
      const series = holdingsSeries(facts, dates);
      expect(series.map((v) => v.asOf)).toEqual(dates);
      // 102,000 after the reverse split; 1,020,000 before it
      expect(series.map((v) => fund(v).aggregate)).toEqual([102_000, 1_020_000, 102_000]);
      expect(series).toEqual(dates.map((d) => holdingsAt(facts, d)));
    });

    it('adjusted, restates each date by the splits after it', () => {
      const series = holdingsSeries(facts, dates, { shareBasis: 'adjusted' });
      // x2 from 2024-03-01, x0.2 from 2024-01-31: 204,000 each
      expect(series.map((v) => v.shareBasisAdjustment?.factor)).toEqual([2, 0.2, 2]);
      expect(series.map((v) => fund(v).aggregate)).toEqual([204_000, 204_000, 204_000]);
      expect(series).toEqual(dates.map((d) => holdingsAt(facts, d, { shareBasis: 'adjusted' })));
    });
  });
});

describe('restating a holdings view into a later share basis', () => {
  // A 1-for-10 reverse split: counts x 1 / 10, fractions dropped; prices x 10.
  const reverse: SplitFact = { factId: 's1', effectiveDate: '2024-02-01', disclosedOn: '2024-02-05', from: 10, to: 1 };
  const tenth = adjustmentAfter([reverse], 0);

  const security = (s: Partial<SecurityHolding> & Pick<SecurityHolding, 'securityId' | 'kind'>): SecurityHolding => ({
    title: s.securityId,
    heldBy: 'fund',
    ownership: 'direct',
    quantity: 0,
    sharesIssuable: null,
    exercisableWithin60Days: true,
    blockedByCap: 0,
    countedShares: 0,
    conversionPrice: null,
    basis: 'transactions',
    reportedAsOf: null,
    ...s,
  });
  // The fund: 15 common directly, 7 through "sub", 10 preferred (20,000 issuable, 5,005 blocked by a cap, 14,995
  // counted, at $0.50), a note of $100,000 principal (200,005 issuable, all blocked) and 25 warrants.
  const common = security({ securityId: 'common', kind: 'common', quantity: 15, countedShares: 15, basis: 'reported' });
  const subCommon = security({
    securityId: 'common',
    kind: 'common',
    heldBy: 'sub',
    ownership: 'indirect',
    quantity: 7,
    countedShares: 7,
  });
  const preferred = security({
    securityId: 'pref',
    kind: 'convertible-preferred',
    quantity: 10,
    sharesIssuable: 20_000,
    blockedByCap: 5_005,
    countedShares: 14_995,
    conversionPrice: 0.5,
  });
  const note = security({
    securityId: 'note',
    kind: 'convertible-note',
    quantity: 100_000,
    sharesIssuable: 200_005,
    blockedByCap: 200_005,
    countedShares: 0,
    conversionPrice: 0.5,
    basis: 'derived',
  });
  const warrant = security({
    securityId: 'warrant',
    kind: 'warrant',
    quantity: 25,
    sharesIssuable: 25,
    countedShares: 25,
    basis: 'reported',
  });
  // Rights counted 14,995 + 25 = 15,020; aggregate 15 + 7 + 15,020 = 15,042; sole 15 + 15,020 = 15,035; shared 7.
  const fund: Holder = {
    personId: 'fund',
    name: 'Fund LP',
    securities: [common, subCommon, preferred, note, warrant],
    sharesOwned: { direct: 15, indirect: 7 },
    rightsCounted: 15_020,
    aggregate: 15_042,
    percentOfClass: 0.15,
    percentOfClassReason: null,
    soleVotingPower: 15_035,
    sharedVotingPower: 7,
    soleDispositivePower: 15_035,
    sharedDispositivePower: 7,
    basis: 'transactions',
    controlledEntities: ['sub'],
    unexplainedDifferences: [],
    notes: ['a note of the fund'],
    breakdownKnown: true,
    reportedFigures: null,
    differsFromReported: [],
  };
  // A filer known only from its cover page, as reported on the day: rows 9 and 11 blank (null), no breakdown.
  const filer: Holder = {
    ...fund,
    personId: 'filer',
    name: 'Filer Inc.',
    securities: [],
    sharesOwned: { direct: 0, indirect: 0 },
    rightsCounted: 0,
    aggregate: null,
    percentOfClass: null,
    percentOfClassReason: 'row 13 (percent of class) is left blank on the filing',
    soleVotingPower: 1_234,
    sharedVotingPower: null,
    soleDispositivePower: 1_239,
    sharedDispositivePower: 0,
    basis: 'reported',
    controlledEntities: [],
    notes: [],
    breakdownKnown: false,
  };
  const view: HoldingsView = {
    asOf: '2024-01-31',
    sharesOutstanding: { value: 10_000_005, asOf: '2024-01-01', source: 'issuer', basis: 'reported' },
    holders: [fund, filer],
    shareBasis: 'as-reported',
    shareBasisAdjustment: null,
    shareBasisNote: 'share basis: as reported',
    notes: ['a note of the view'],
  };
  const restated = restateHoldings(view, tenth);
  const [fundAfter, filerAfter] = restated.holders;

  it('marks the view adjusted, with the restatement and its line', () => {
    expect(restated.asOf).toBe('2024-01-31');
    expect(restated.notes).toEqual(['a note of the view']);
    expect(restated.shareBasis).toBe('adjusted');
    expect(restated.shareBasisAdjustment).toBe(tenth);
    expect(restated.shareBasisNote).toBe(`share basis: adjusted to today's shares (x0.1: ${REVERSE_TEXT})`);
  });

  it('restates shares outstanding: 10,000,005 / 10 = 1,000,000.5 is 1,000,000, the rest of it as it was', () => {
    expect(restated.sharesOutstanding).toEqual({
      value: 1_000_000,
      asOf: '2024-01-01',
      source: 'issuer',
      basis: 'reported',
    });
  });

  it('leaves unknown shares outstanding unknown', () => {
    expect(restateHoldings({ ...view, sharesOutstanding: null }, tenth).sharesOutstanding).toBeNull();
  });

  it("restates each total from the holder's unrounded total, rounding down once", () => {
    // 15,042 / 10 = 1,504.2 -> 1,504 (the restated parts below sum to 1 + 0 + 1,502 = 1,503)
    // 15,035 / 10 = 1,503.5 -> 1,503; 7 / 10 = 0.7 -> 0
    expect(fundAfter).toMatchObject({
      aggregate: 1_504,
      soleVotingPower: 1_503,
      sharedVotingPower: 0,
      soleDispositivePower: 1_503,
      sharedDispositivePower: 0,
    });
  });

  it('restates shares owned and rights counted: 15 -> 1, 7 -> 0, 15,020 -> 1,502', () => {
    expect(fundAfter!.sharesOwned).toEqual({ direct: 1, indirect: 0 });
    expect(fundAfter!.rightsCounted).toBe(1_502);
  });

  it('restates common and warrant units, but not preferred shares nor note principal', () => {
    // common 15 -> 1, 7 -> 0; preferred 10 and principal $100,000 unchanged; warrants 25 -> 2
    expect(fundAfter!.securities.map((s) => [s.securityId, s.heldBy, s.quantity])).toEqual([
      ['common', 'fund', 1],
      ['common', 'sub', 0],
      ['pref', 'fund', 10],
      ['note', 'fund', 100_000],
      ['warrant', 'fund', 2],
    ]);
  });

  it('restates the shares issuable, blocked and counted on each security, and its conversion price', () => {
    // preferred: 20,000 -> 2,000; 5,005 -> 500; 14,995 -> 1,499; $0.50 x 10 = $5.00
    // note: 200,005 -> 20,000 issuable and blocked; 0 counted; $5.00
    // warrant: 25 -> 2 issuable and counted; no price
    // common: nothing issuable (null stays null), no price; 15 -> 1 and 7 -> 0 counted
    expect(fundAfter!.securities.map((s) => [s.securityId, s.sharesIssuable, s.blockedByCap, s.countedShares])).toEqual(
      [
        ['common', null, 0, 1],
        ['common', null, 0, 0],
        ['pref', 2_000, 500, 1_499],
        ['note', 20_000, 20_000, 0],
        ['warrant', 2, 0, 2],
      ],
    );
    const prices = fundAfter!.securities.map((s) => s.conversionPrice);
    expect(prices[0]).toBeNull();
    expect(prices[2]).toBeCloseTo(5, 10);
    expect(prices[3]).toBeCloseTo(5, 10);
    expect(prices[4]).toBeNull();
  });

  it('calls a restated reported figure derived, and keeps the other bases', () => {
    expect(fundAfter!.securities.map((s) => s.basis)).toEqual([
      'derived', // reported -> derived
      'transactions',
      'transactions',
      'derived',
      'derived', // reported -> derived
    ]);
    expect(fundAfter!.basis).toBe('transactions');
    expect(filerAfter!.basis).toBe('derived'); // reported -> derived
  });

  it('adds the restatement note after the notes each holder had', () => {
    expect(fundAfter!.notes).toEqual(['a note of the fund', RESTATED_NOTE]);
    expect(filerAfter!.notes).toEqual([RESTATED_NOTE]);
  });

  it('leaves ratios and what is not a count as they were', () => {
    expect(fundAfter).toMatchObject({
      personId: 'fund',
      name: 'Fund LP',
      percentOfClass: 0.15,
      controlledEntities: ['sub'],
      breakdownKnown: true,
    });
    expect(fundAfter!.securities[2]).toMatchObject({
      title: 'pref',
      ownership: 'direct',
      exercisableWithin60Days: true,
    });
  });

  it('of a holder without a breakdown, restates the totals it has and leaves blank rows blank', () => {
    // 1,234 / 10 = 123.4 -> 123; 1,239 / 10 = 123.9 -> 123; 0 -> 0; null rows stay null
    expect(filerAfter).toEqual({
      ...filer,
      aggregate: null,
      soleVotingPower: 123,
      sharedVotingPower: null,
      soleDispositivePower: 123,
      sharedDispositivePower: 0,
      basis: 'derived',
      notes: [RESTATED_NOTE],
    });
  });

  it('by a restatement of no split, only marks the view adjusted', () => {
    const none = adjustmentAfter([reverse], 1);
    const same = restateHoldings(view, none);
    expect(same).toEqual({
      ...view,
      shareBasis: 'adjusted',
      shareBasisAdjustment: none,
      shareBasisNote: 'share basis: adjusted (no later split known; same as reported)',
    });
    expect(same.holders).toBe(view.holders);
  });

  it('leaves the view it was given unchanged', () => {
    expect(view.holders[0]!.aggregate).toBe(15_042);
    expect(view.holders[0]!.securities[0]!.quantity).toBe(15);
    expect(view.sharesOutstanding?.value).toBe(10_000_005);
    expect(view.shareBasis).toBe('as-reported');
  });
});
