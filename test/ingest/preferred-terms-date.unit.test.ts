import { describe, expect, it } from 'vitest';
import { ingestFiling } from '../../src/ledger/ingest-filing.js';
import { readFilingFile } from '../../src/ingest/read-filing.js';
import { filingToEvents } from '../../src/ingest/to-events.js';
import { queryHoldings } from '../../src/ledger/holdings-query.js';
import { loadSample } from '../../src/ledger/sample.js';
import { openStore } from '../../src/store/open-store.js';
import { AULT_TEXT } from './fixtures.js';

const SPA =
  'On November 6, 2023, the Issuer entered into a securities purchase agreement (the "SPA") with Ault & Company, pursuant to which the Issuer agreed to sell, in one or more closings, to Ault & Company up to 50,000 shares of Series C Preferred Stock';

describe('the Series C terms, dated by the agreement that sells the preferred', () => {
  it('are described on or before November 6, 2023, citing the SPA sentence and the terms sentence', async () => {
    const planned = filingToEvents(await readFilingFile(AULT_TEXT));
    const seriesC = planned.events.find(
      (e) => e.type === 'SecurityDescribed' && (e.data as { securityId: string }).securityId === 'series-c-preferred',
    )!;
    expect(seriesC.data).toMatchObject({
      effectiveDate: '2023-11-06',
      effectiveDatePrecision: 'on-or-before',
      statedValue: 1_000,
      conversionPrice: 0.22,
      conversionPriceFloor: 0.1,
      source: { item: '6' },
    });
    const quote = (seriesC.data as { source: { quote: string } }).source.quote;
    expect(quote.startsWith(SPA)).toBe(true);
    expect(quote).toContain('Each share of Series C Preferred Stock has a stated value of $1,000.00');
    // The SPA sentence is now read, so it is not also on the review list of the same filing
    expect(planned.review.map((r) => r.sentence)).not.toContainEqual(
      expect.stringContaining('On November 6, 2023, the Issuer entered into a securities purchase agreement'),
    );
  });

  it('give ingest-only holdings on 2024-03-10 the Series C as the sample shows it: 42,500 x $1,000 / $0.22', async () => {
    const sample = await openStore('sqlite::memory:');
    const ingested = await openStore('sqlite::memory:');
    try {
      await loadSample(sample);
      await ingestFiling(ingested, await readFilingFile(AULT_TEXT));
      const seriesC = async (store: typeof sample) => {
        const report = await queryHoldings(store, { issuer: '09175M507', asOf: '2024-03-10' });
        return report.holders
          .find((h) => h.personId === 'ault-and-company')!
          .securities.find((s) => s.securityId === 'series-c-preferred')!;
      };
      const want = await seriesC(sample);
      const got = await seriesC(ingested);
      expect(want).toMatchObject({ quantity: 42_500, sharesIssuable: 193_181_818 });
      expect(got).toMatchObject({ quantity: 42_500, sharesIssuable: 193_181_818 });
      expect(JSON.stringify(got)).not.toMatch(/no conversion price/);
    } finally {
      await sample.close();
      await ingested.close();
    }
  });
});
