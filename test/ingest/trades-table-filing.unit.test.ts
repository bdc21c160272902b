/**
 * A text filing written for the test: one reporting person whose Item 5(c) table lists sales on and after the
 * event date, up to the filing. The cover's figures already reflect every trade the filing discloses.
 */
import { describe, expect, it } from 'vitest';
import { ingestFiling } from '../../src/ledger/ingest-filing.js';
import { parseFilingContent } from '../../src/ingest/read-filing.js';
import { queryHoldings } from '../../src/ledger/holdings-query.js';
import { queryReconciliation } from '../../src/ledger/queries.js';
import { withMemoryStore } from '../support/memory-store.js';

const FILING = `SCHEDULE 13D
(Amendment No. 2)

Northwind Robotics, Inc.
(Name of Issuer)

Common Stock, $0.01 par value
(Title of Class of Securities)

66510N 10 3
(CUSIP Number)

May 13, 2010
(Date of Event Which Requires Filing of this Statement)

1  NAME OF REPORTING PERSON  Olivia M. Vale
2  CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP  (a) [ ]  (b) [ ]
3  SEC USE ONLY
4  SOURCE OF FUNDS  PF
6  CITIZENSHIP OR PLACE OF ORGANIZATION  United States
7  SOLE VOTING POWER  97,330
8  SHARED VOTING POWER  0
9  SOLE DISPOSITIVE POWER  97,330
10  SHARED DISPOSITIVE POWER  0
11  AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON  97,330
12  CHECK IF THE AGGREGATE AMOUNT IN ROW (11) EXCLUDES CERTAIN SHARES  [ ]
13  PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (11)  1.2%
14  TYPE OF REPORTING PERSON  IN

Item 1. Security and Issuer.

This Amendment No. 2 relates to the Common Stock of Northwind Robotics, Inc.

Item 5. Interest in Securities of the Issuer.

(c) Mrs. Vale sold 1,750 shares in open market transactions. Information regarding the sales is as follows:

Date\tNumber of Shares Sold\tPrice per Share
May 12, 2010\t1,250\t$16.28
June 1, 2010\t500\t$16.46

SIGNATURE

Dated: June 11, 2010

/s/ Olivia M. Vale
`;

describe('a filing whose table of trades runs past its event date', () => {
  it('records each row as a sale, and keeps the cover figures, which already reflect them, after the last trade', async () => {
    await withMemoryStore(async (store) => {
      // Given the filing ingested
      const outcome = await ingestFiling(store, parseFilingContent(FILING, 'vale-a2.txt'));
      expect(outcome).toMatchObject({ status: 'appended', transactions: 2, cusip: '66510N103' });
      const sales = (await store.readAll())
        .filter((e) => e.type === 'SharesSold')
        .map((e) => e.data as { effectiveDate: string; shares: number; pricePerShare: number });
      expect(sales.map((s) => [s.effectiveDate, s.shares, s.pricePerShare])).toEqual([
        ['2010-05-12', 1_250, 16.28],
        ['2010-06-01', 500, 16.46],
      ]);
      // When holdings are asked for after the June 1 sale, Then they are the cover's: the 500 shares are not taken off
      // again
      const holdings = await queryHoldings(store, { issuer: '66510N103', asOf: '2010-06-30' });
      expect(holdings.holders.map((h) => [h.name, h.aggregate, h.soleVotingPower])).toEqual([
        ['Olivia M. Vale', 97_330, 97_330],
      ]);
      // And a sale from a holding no filing states is not called an undisclosed acquisition
      const reconciliation = await queryReconciliation(store, { issuer: '66510N103' });
      expect(reconciliation.findings.filter((f) => f.kind === 'unexplained-position-difference')).toEqual([]);
    });
  });
});
