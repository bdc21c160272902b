import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestFiling } from '../../src/ledger/ingest-filing.js';
import { parseFilingContent, readFilingFile } from '../../src/ingest/read-filing.js';
import { queryHoldings } from '../../src/ledger/holdings-query.js';
import { openStore } from '../../src/store/open-store.js';
import { filingToEvents } from '../../src/ingest/to-events.js';
import { AULT_TEXT, SYNTHETIC_AMENDMENT_XML } from './fixtures.js';
import { seedText } from './later-amendments.js';

const SEED_5C =
  'Other than the purchase of 10,000 Shares in the open market on June 17, 2024, Ault & Company has not entered into any transactions in the Shares during the past sixty days.';

/** Amendment No. 9 built from the seed: Ault & Company's Item 5(c) now discloses a sale at a stated price. */
function saleAmendment(sentence: string) {
  const text = seedText()
    .replaceAll('Amendment No. 8', 'Amendment No. 9')
    .replaceAll('July 23, 2024', 'August 23, 2024')
    .replaceAll('Dated: July 24, 2024', 'Dated: August 26, 2024')
    .replace(SEED_5C, sentence);
  expect(text).toContain(sentence);
  return parseFilingContent(text, 'a9-sale.txt');
}

/** The synthetic XML amendment fixture with its Item 5(c) replaced. */
function xmlAmendment(transactionDesc: string) {
  const xml = readFileSync(SYNTHETIC_AMENDMENT_XML, 'utf8').replace(
    /<transactionDesc>[^<]*<\/transactionDesc>/,
    `<transactionDesc>${transactionDesc}</transactionDesc>`,
  );
  expect(xml).toContain(transactionDesc);
  return parseFilingContent(xml, 'synthetic-sale.xml');
}

describe('sales and prices read from prose', () => {
  it('reads "Other than the sale of ... at a price of $X per Share" in a text Item 5(c) as a sale by that section\'s person', () => {
    const filing = saleAmendment(
      'Other than the sale of 5,000 Shares in the open market on August 20, 2024 at a price of \\$0.15 per Share, Ault & Company has not entered into any transactions in the Shares during the past sixty days.',
    );
    const sale = filing.transactions.find((t) => t.kind === 'shares-sold');
    expect(sale).toMatchObject({
      kind: 'shares-sold',
      date: '2024-08-20',
      holder: 'AULT & COMPANY, INC.',
      shares: 5_000,
      pricePerShare: 0.15,
      source: { item: '5(c)' },
    });
    expect(filing.review.map((r) => r.sentence)).not.toContainEqual(expect.stringContaining('sale of 5,000 Shares'));
    const events = filingToEvents(filing).events.filter((e) => e.type === 'SharesSold');
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({
      effectiveDate: '2024-08-20',
      personId: 'ault-and-company',
      shares: 5_000,
      method: 'open-market',
      pricePerShare: 0.15,
    });
  });

  it("lowers the holder's common shares after the sale once ingested: 25,229 reported on 2024-07-23 less 5,000", async () => {
    const store = await openStore('sqlite::memory:');
    try {
      await ingestFiling(store, await readFilingFile(AULT_TEXT));
      await ingestFiling(
        store,
        saleAmendment(
          'Other than the sale of 5,000 Shares in the open market on August 20, 2024 at a price of \\$0.15 per Share, Ault & Company has not entered into any transactions in the Shares during the past sixty days.',
        ),
      );
      const report = await queryHoldings(store, { issuer: '09175M507', asOf: '2024-08-21' });
      const common = report.holders
        .find((h) => h.personId === 'ault-and-company')!
        .securities.find((s) => s.securityId === 'common');
      expect(common).toMatchObject({ quantity: 25_229 - 5_000, basis: 'derived' });
    } finally {
      await store.close();
    }
  });

  it('reads a purchase "at a price of $X per Share" and "for an aggregate price of $Y"', () => {
    const perShare = saleAmendment(
      'Other than the purchase of 10,000 Shares in the open market on June 17, 2024 at a price of \\$0.20 per Share, Ault & Company has not entered into any transactions in the Shares during the past sixty days.',
    );
    expect(perShare.transactions).toContainEqual(
      expect.objectContaining({ kind: 'shares-purchased', date: '2024-06-17', shares: 10_000, pricePerShare: 0.2 }),
    );
    const total = saleAmendment(
      'On August 20, 2024, Ault & Company sold 5,000 Shares in the open market for an aggregate price of \\$750.',
    );
    expect(total.transactions).toContainEqual(
      expect.objectContaining({ kind: 'shares-sold', date: '2024-08-20', shares: 5_000, totalPrice: 750 }),
    );
  });

  it('reads "X, Inc. sold N Shares in the open market at a price of $X per Share" with the date first', () => {
    const filing = saleAmendment(
      'On August 20, 2024, Ault & Company, Inc. sold 5,000 Shares in the open market at a price of \\$0.12 per Share.',
    );
    expect(filing.transactions).toContainEqual(
      expect.objectContaining({
        kind: 'shares-sold',
        date: '2024-08-20',
        holder: 'AULT & COMPANY, INC.',
        shares: 5_000,
        pricePerShare: 0.12,
      }),
    );
    expect(filing.review.map((r) => r.sentence)).not.toContainEqual(expect.stringContaining('sold 5,000 Shares'));
  });

  it("leaves to review a sale whose named person is not the Item 5(c) section's person", () => {
    const filing = saleAmendment(
      'On August 20, 2024, Mr. Horne sold 5,000 Shares in the open market at a price of \\$0.15 per Share.',
    );
    expect(filing.transactions.filter((t) => t.kind === 'shares-sold')).toEqual([]);
    expect(filing.review.map((r) => r.sentence)).toContainEqual(expect.stringContaining('Mr. Horne sold 5,000 Shares'));
  });

  it("reads a sale in an XML amendment's item 5(c), holder matched to a reporting person", () => {
    const filing = xmlAmendment(
      'On March 17, 2025, Kestrel Hollow Partners, L.P. sold 50,000 Shares in the open market at a price of $1.50 per Share.',
    );
    expect(filing.transactions).toContainEqual(
      expect.objectContaining({
        kind: 'shares-sold',
        date: '2025-03-17',
        holder: expect.stringMatching(/Kestrel Hollow Partners/i),
        shares: 50_000,
        pricePerShare: 1.5,
        source: expect.objectContaining({ item: '5(c)' }),
      }),
    );
    expect(filing.review).toEqual([]);
    const sold = filingToEvents(filing).events.filter((e) => e.type === 'SharesSold');
    expect(sold.map((e) => e.data)).toEqual([
      expect.objectContaining({ effectiveDate: '2025-03-17', shares: 50_000, pricePerShare: 1.5 }),
    ]);
  });

  it('leaves to review an XML sale by someone who is not a reporting person', () => {
    const filing = xmlAmendment(
      'On March 17, 2025, Jane Q. Public sold 50,000 Shares in the open market at a price of $1.50 per Share.',
    );
    expect(filing.transactions.filter((t) => t.kind === 'shares-sold')).toEqual([]);
    expect(filing.review.map((r) => r.sentence)).toContainEqual(expect.stringContaining('Jane Q. Public sold'));
  });
});
