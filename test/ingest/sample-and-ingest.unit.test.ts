import { describe, expect, it } from 'vitest';
import { AULT_ALLIANCE_SECURITIES, aultAllianceHistory } from '../../data/ault-alliance.js';
import { canonicalSecurityId } from '../../src/domain/index.js';
import { ingestFiling } from '../../src/ledger/ingest-filing.js';
import { readFilingFile } from '../../src/ingest/read-filing.js';
import { queryHoldings } from '../../src/ledger/holdings-query.js';
import { loadSample } from '../../src/ledger/sample.js';
import type { EventStore } from '../../src/store/event-store.js';
import { AULT_TEXT } from './fixtures.js';
import { amendmentNine } from './later-amendments.js';
import { withMemoryStore } from '../support/memory-store.js';

const AULT = '09175M507';

const figures = async (store: EventStore, asOf: string) =>
  (await queryHoldings(store, { issuer: AULT, asOf })).holders.map((h) => ({
    personId: h.personId,
    name: h.name,
    aggregate: h.aggregate,
    percent: h.percentOfClass === null ? null : Number(h.percentOfClass.toFixed(2)),
  }));

describe('the bundled sample and ingest name one security the same way', () => {
  it("gives the sample's security ids from the canonical naming function", () => {
    // Given the titles the filing uses for each security
    // When they are named canonically, Then they are the ids the sample was built with
    expect(canonicalSecurityId('Class A Common Stock', 'common')).toBe(AULT_ALLIANCE_SECURITIES.common);
    expect(canonicalSecurityId('Series C Convertible Preferred Stock', 'convertible-preferred')).toBe(
      AULT_ALLIANCE_SECURITIES.seriesC,
    );
    expect(canonicalSecurityId('Series C Preferred Stock', 'convertible-preferred')).toBe(
      AULT_ALLIANCE_SECURITIES.seriesC,
    );
    expect(canonicalSecurityId('Series C Warrants', 'warrant')).toBe(AULT_ALLIANCE_SECURITIES.seriesCWarrants);
    expect(canonicalSecurityId('Warrants', 'warrant', { issuedWithNote: true })).toBe(
      AULT_ALLIANCE_SECURITIES.noteWarrants,
    );
    expect(canonicalSecurityId('8% Convertible Promissory Note', 'convertible-note', { issuedOn: '2020-02-05' })).toBe(
      AULT_ALLIANCE_SECURITIES.note2020,
    );
    expect(
      canonicalSecurityId('Senior Secured Convertible Promissory Note', 'convertible-note', { issuedOn: '2023-10-13' }),
    ).toBe(AULT_ALLIANCE_SECURITIES.seniorNote);
    expect(canonicalSecurityId('Stock options', 'option')).toBe(AULT_ALLIANCE_SECURITIES.options);
  });

  it("keeps Ault & Company at Amendment No. 8's figures when Amendment No. 9 is ingested after `sample load`", async () => {
    await withMemoryStore(async (store) => {
      // Given the bundled sample, then a synthetic Amendment No. 9 restating A8's figures as of August 23, 2024
      await loadSample(store);
      const outcome = await ingestFiling(store, amendmentNine());
      expect(outcome.status).toBe('appended');
      // When holdings are asked at its date
      const holders = await figures(store, '2024-08-23');
      // Then each security is held once: 214,940,800 and 85.72%, not doubled (416,848,240)
      expect(holders.find((h) => h.personId === 'ault-and-company')).toMatchObject({
        aggregate: 214_940_800,
        percent: 85.72,
      });
      expect(holders.find((h) => h.personId === 'milton-c-ault-iii')).toMatchObject({
        aggregate: 214_943_126,
        percent: 85.72,
      });
      const company = (await queryHoldings(store, { issuer: AULT, asOf: '2024-08-23' })).holders.find(
        (h) => h.personId === 'ault-and-company',
      )!;
      expect(company.securities.map((s) => s.securityId).sort()).toEqual([
        'common',
        'note-warrants',
        'series-c-preferred',
        'series-c-warrants',
      ]);
      expect(company.securities.reduce((sum, s) => sum + (s.sharesIssuable ?? 0), 0)).toBe(200_000_000 + 14_915_571);
      // And the sample's holders keep their names (Item 2 spelling, not the cover's capitals)
      expect(holders.map((h) => h.name)).toEqual(
        expect.arrayContaining([
          'Ault & Company, Inc.',
          'Milton C. Ault, III',
          'William B. Horne',
          'Henry C.W. Nisser',
          'Kenneth S. Cragun',
        ]),
      );
    });
  });

  it('names ingested holders as the sample does and holds the same securities at 2024-07-23', async () => {
    await withMemoryStore(async (sample) => {
      await withMemoryStore(async (ingested) => {
        // Given the sample in one store and the seed text ingested into another
        await loadSample(sample);
        await ingestFiling(ingested, await readFilingFile(AULT_TEXT));
        // When holdings are asked as of the event date
        const ids = async (store: EventStore) =>
          (await queryHoldings(store, { issuer: AULT, asOf: '2024-07-23' })).holders.map((h) => [
            h.personId,
            h.name,
            h.securities.map((s) => s.securityId).sort(),
          ]);
        // Then ids, names and security ids agree
        expect(await ids(ingested)).toEqual(await ids(sample));
      });
    });
  });
});

describe('`sample load` and ingest record one filing once, in either order', () => {
  it("skips the sample's Amendment No. 8 after the same filing was ingested, and says why", async () => {
    await withMemoryStore(async (store) => {
      // Given the seed text ingested (Amendment No. 8 and the eight earlier filings its preamble names)
      const ingested = await ingestFiling(store, await readFilingFile(AULT_TEXT));
      const before = await figures(store, '2024-07-23');
      // When the sample is loaded
      const loaded = await loadSample(store);
      // Then nothing is appended: every filing of the sample is reported as already recorded from the ingest
      expect(loaded.appended).toBe(0);
      expect(loaded.skipped.map((s) => s.filing)).toEqual(
        expect.arrayContaining(['Original Schedule 13D', 'Amendment No. 7', 'Amendment No. 8']),
      );
      expect(loaded.skipped.every((s) => s.reason === `already recorded from ingest:${AULT_TEXT}`)).toBe(true);
      expect(loaded.skipped.reduce((sum, s) => sum + s.events, 0)).toBe(aultAllianceHistory().events.length);
      expect(await store.readAll({ filter: { streamPrefixes: ['issuer-'] } })).toHaveLength(ingested.appended);
      // And holdings are not doubled
      expect(await figures(store, '2024-07-23')).toEqual(before);
    });
  });

  it('writes nothing from the seed text after `sample load`, the earlier filings included', async () => {
    await withMemoryStore(async (store) => {
      // Given the sample loaded
      const loaded = await loadSample(store);
      // When the seed text is ingested, Then it is already recorded and nothing is appended
      expect(await ingestFiling(store, await readFilingFile(AULT_TEXT))).toMatchObject({
        status: 'already-recorded',
        appended: 0,
      });
      expect(await store.readAll({ filter: { streamPrefixes: ['issuer-'] } })).toHaveLength(loaded.total);
      // And a second sample load still writes nothing
      expect(await loadSample(store)).toMatchObject({ appended: 0, alreadyPresent: loaded.total, skipped: [] });
    });
  });
});
