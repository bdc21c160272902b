import { describe, expect, it } from 'vitest';
import { capSetFromLift } from '../../src/ingest/cap-events.js';
import { ingestFiling } from '../../src/ledger/ingest-filing.js';
import { planIngest } from '../../src/ingest/plan-filing.js';
import { readFilingFile } from '../../src/ingest/read-filing.js';
import { queryHoldings } from '../../src/ledger/holdings-query.js';
import { openStore } from '../../src/store/open-store.js';
import { AULT_TEXT } from './fixtures.js';

const LIFT_SENTENCE =
  /^This Amendment No\. 8 is being filed to reflect.*in excess of the initial 19\.99% of Common Stock/;

describe('the 19.99% exchange cap read from the seed text', () => {
  it('sets the cap the lifting sentence calls "initial", on the securities it names, citing that sentence', async () => {
    // Given the seed filing, whose preamble says the Exchange approved issuances "in excess of the initial 19.99%"
    // When it is mapped to events
    const planned = planIngest(await readFilingFile(AULT_TEXT));
    const set = planned.events.find((e) => e.type === 'ExchangeCapSet')?.data;
    const lifted = planned.events.find((e) => e.type === 'ExchangeCapLifted')?.data;
    // Then the cap is set on the Series C preferred and every warrant the filing reports, under the lift's capId
    // (canonical security ids, as the bundled sample names them), dated on or before the earliest issuance of
    // those securities the filing discloses: the note warrants of October 13, 2023
    expect(set).toMatchObject({
      capId: 'nyse-american-19-99',
      capPercent: 19.99,
      exchange: 'NYSE American',
      baseSharesOutstanding: null,
      securityIds: ['series-c-preferred', 'series-c-warrants', 'note-warrants'],
      effectiveDate: '2023-10-13',
      effectiveDatePrecision: 'on-or-before',
      source: { item: 'preamble', quote: expect.stringMatching(LIFT_SENTENCE) },
    });
    expect(lifted).toMatchObject({ capId: 'nyse-american-19-99', effectiveDate: '2024-07-23' });
  });

  it('leaves the cap to review when the sentence names a security the filing does not describe', () => {
    // Given a lift naming Series D preferred, and a filing that describes only Series C
    const sentence =
      'approval by the NYSE American, effective July 23, 2024, allowing the issuance of shares of Common Stock upon conversion of Series D Preferred Stock, in excess of the initial 19.99% of Common Stock.';
    const events = [
      {
        type: 'SecurityDescribed' as const,
        data: {
          securityId: 'series-c-preferred-stock',
          title: 'Series C Preferred Stock',
          kind: 'convertible-preferred',
        } as never,
      },
    ];
    // When the cap is read
    const result = capSetFromLift({ capPercent: 19.99, exchange: 'NYSE American', sentence, item: 'preamble' }, events);
    // Then no cap is set and the sentence is listed for review with the reason
    expect(result.plan).toBeUndefined();
    expect(result.review).toMatchObject({
      item: 'preamble',
      sentence,
      reason: expect.stringContaining('conversion of Series D Preferred Stock'),
    });
  });
});

describe('holdings from the seed text alone, before July 23, 2024', () => {
  it("are Ault & Company's 10,179 disclosed common shares and no rights, with percent unknown", async () => {
    // Given only the seed text ingested
    const store = await openStore('sqlite::memory:');
    try {
      await ingestFiling(store, await readFilingFile(AULT_TEXT));
      // When holdings are asked the day before the Exchange lifted the cap
      const report = await queryHoldings(store, { issuer: '09175M507', asOf: '2024-07-22' });
      // Then only Ault & Company has anything: the filing dates nothing about the other four before July 23
      // (their positions are reported as of that date, Mr. Ault's control "on or before" it)
      expect(report.holders.map((h) => h.personId)).toEqual(['ault-and-company']);
      const company = report.holders[0]!;
      // 88 (2020-01-15) + 55 (2020-08-20) + 36 (2021-05-12) + 10,000 (2024-06-17) common shares, from Items 5(c) and 6
      expect(company.aggregate).toBe(88 + 55 + 36 + 10_000);
      // No rights count: the 12,269,031 + 4 x 147,820 = 12,860,311 Series C warrant shares are blocked by the
      // 19.99% cap, whose base is unknown (no share count is stated before July 23); so are the 43,500 Series C
      // preferred, whose terms the November 6, 2023 SPA dates: 43,500 x $1,000 / $0.22
      expect(company.rightsCounted).toBe(0);
      expect(company.securities.find((s) => s.securityId === 'series-c-preferred')).toMatchObject({
        sharesIssuable: 197_727_272,
        blockedByCap: 197_727_272,
        countedShares: 0,
      });
      const warrants = company.securities.find((s) => s.securityId === 'series-c-warrants');
      expect(warrants).toMatchObject({ quantity: 12_269_031 + 4 * 147_820, blockedByCap: 12_860_311 });
      expect(company.securities.find((s) => s.securityId === 'series-c-preferred')?.quantity).toBe(41_500 + 4 * 500);
      expect(company.notes.join(' ')).toMatch(/19\.99% exchange cap is in force and its base is unknown/);
      // And percent is null: shares outstanding are first reported as of July 23, 2024
      expect(report.sharesOutstanding).toBeNull();
      expect(company.percentOfClass).toBeNull();
    } finally {
      await store.close();
    }
  });
});
