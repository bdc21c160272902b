import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aultAllianceHistory } from '../../data/ault-alliance.js';
import { ingestFiling } from '../../src/ledger/ingest-filing.js';
import { parseFilingContent } from '../../src/ingest/read-filing.js';
import { appendToIssuer } from '../../src/ledger/issuer-events.js';
import { issuerDirectory } from '../../src/ledger/issuer-directory.js';
import { queryHoldings } from '../../src/ledger/holdings-query.js';
import { queryStatement } from '../../src/ledger/queries.js';
import { loadSample } from '../../src/ledger/sample.js';
import { AULT_TEXT, fixture } from '../ingest/fixtures.js';
import { onTarget, storeTargets, withFreshStore } from '../support/store-targets.js';

const seed = () => readFileSync(AULT_TEXT, 'utf8');
const submission = () => readFileSync(fixture('ault-a8-submission.txt'), 'utf8');
/** The seed text as another amendment of the chain: the number changed, the rest as filed. */
const renumbered = (text: string, n: number) => text.replace('(Amendment No. 8)', `(Amendment No. ${n})`);

const targets = await storeTargets('the issuer and its identifiers', () => 'sqlite::memory:');

describe.each(targets)('the issuer and its identifiers on $name', (target) => {
  onTarget(target);
  it("files an amendment printing the chain's earlier CUSIP (09175M408) in the chain of 09175M507", async () => {
    await withFreshStore(async (store) => {
      // Given the bundled sample, which knows Amendment No. 7's CUSIP as an alias
      await loadSample(store);
      // When an amendment printing 09175M408 is ingested
      const text = renumbered(seed(), 9).replace('09175M 507', '09175M 408');
      const outcome = await ingestFiling(store, parseFilingContent(text, 'a9-old-cusip.txt'));
      // Then it lands in the issuer's one stream, keeps the CUSIP it printed, and says so
      expect(outcome).toMatchObject({
        status: 'appended',
        cusip: '09175M408',
        issuerKey: '09175M507',
        stream: 'issuer-09175M507',
      });
      expect(outcome.notes).toContain(
        "continues the chain of issuer 09175M507, which the ledger already knows (this filing's CUSIP 09175M408)",
      );
      // And a query by either CUSIP sees the whole chain: the original, Amendments 1-8 and this one
      for (const issuer of ['09175M507', '09175M408']) {
        const statement = await queryStatement(store, { issuer, asOf: '2024-12-31' });
        expect(statement.filings.map((f) => f.amendmentNumber)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      }
    });
  });

  it("answers a query by the issuer's CIK as by its CUSIP", async () => {
    await withFreshStore(async (store) => {
      await loadSample(store);
      const byCusip = await queryHoldings(store, { issuer: '09175M507', asOf: '2024-07-23' });
      for (const issuer of ['cik:896493', 'CIK0000896493', '0000896493']) {
        expect(await queryHoldings(store, { issuer, asOf: '2024-07-23' })).toEqual(byCusip);
      }
    });
  });

  it("files a filing that prints no CUSIP by its subject company's CIK, and the same issuer's next filing with a CUSIP continues it", async () => {
    await withFreshStore(async (store) => {
      // Given a full submission whose "(CUSIP Number)" line is left blank: the header names SUBJECT COMPANY CIK
      // 0000896493
      const noCusip = parseFilingContent(
        submission().replace('<p>09175M 507</p>', '<p>__________</p>'),
        'no-cusip.txt',
      );
      expect(noCusip.issuer).toMatchObject({ cusip: undefined, cik: '0000896493' });
      const first = await ingestFiling(store, noCusip);
      // Then it is filed under the CIK, its statement naming no CUSIP
      expect(first).toMatchObject({
        status: 'appended',
        cusip: null,
        issuerKey: 'cik-0000896493',
        stream: 'issuer-cik-0000896493',
      });
      // When the next amendment arrives with both its CUSIP and the CIK
      const next = await ingestFiling(
        store,
        parseFilingContent(
          renumbered(submission(), 9).replaceAll('0001213900-24-062810', '0001213900-24-099999'),
          'a9.txt',
        ),
      );
      // Then it continues the same stream, and the CUSIP now finds it
      expect(next).toMatchObject({ status: 'appended', cusip: '09175M507', issuerKey: 'cik-0000896493' });
      const statement = await queryStatement(store, { issuer: '09175M507', asOf: '2024-12-31' });
      expect(statement.filings.filter((f) => f.contentsKnown).map((f) => f.amendmentNumber)).toEqual([8, 9]);
      expect(statement.issuer).toEqual({ cusip: '09175M507', name: 'Ault Alliance, Inc.' });
    });
  });

  it('keeps finding a stream written before the directory existed, and records its aliases on the first write', async () => {
    await withFreshStore(async (store) => {
      // Given the sample's events written straight to issuer-09175M507, as stores were before aliases
      const history = aultAllianceHistory();
      await appendToIssuer(store, history.issuer.cusip, history.events, { source: 'sample:ault-alliance' });
      // Then its CUSIP finds it
      expect((await queryHoldings(store, { issuer: '09175M507', asOf: '2024-07-23' })).holders).toHaveLength(5);
      // When a filing naming the issuer by CIK arrives (the full submission of Amendment No. 8)
      const outcome = await ingestFiling(store, parseFilingContent(submission(), 'a8-submission.txt'));
      // Then it is the same filing in the same chain, and the CIK is now an alias of that stream
      expect(outcome).toMatchObject({ status: 'already-recorded', issuerKey: '09175M507' });
      expect(await issuerDirectory(store).lookup('cik:0000896493')).toBe('09175M507');
    });
  });

  it('gives an alias to the first writer: a second key for it is not recorded, and resolving says the first', async () => {
    await withFreshStore(async (store) => {
      // Given two processes' directories recording one CIK for two different issuer keys
      const one = issuerDirectory(store);
      const two = issuerDirectory(store);
      await one.record(['cik:0000000042'], 'cik-0000000042', 'First Co.', 'test:one');
      await two.record(['cik:0000000042'], '12345E108', 'First Co.', 'test:two');
      // Then the first key stands for both
      expect(await two.lookup('cik:0000000042')).toBe('cik-0000000042');
      expect((await two.resolve({ cusip: '12345E108', cik: '42' })).key).toBe('cik-0000000042');
    });
  });
});
