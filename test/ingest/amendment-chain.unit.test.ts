import { describe, expect, it } from 'vitest';
import { aultAllianceHistory } from '../../data/ault-alliance.js';
import type { EventData } from '../../src/domain/index.js';
import { FilingParseError } from '../../src/ingest/filing-parse-error.js';
import { ingestFiling } from '../../src/ledger/ingest-filing.js';
import { planIngest } from '../../src/ingest/plan-filing.js';
import { parseFilingContent, readFilingFile } from '../../src/ingest/read-filing.js';
import { queryDiff } from '../../src/ledger/diff-query.js';
import { queryHoldings } from '../../src/ledger/holdings-query.js';
import { queryReconciliation, queryStatement } from '../../src/ledger/queries.js';
import { loadSample } from '../../src/ledger/sample.js';
import type { EventStore } from '../../src/store/event-store.js';
import { AULT_TEXT, fixture, SYNTHETIC_XML } from './fixtures.js';
import { seedText } from './later-amendments.js';
import { withMemoryStore } from '../support/memory-store.js';

const AULT = '09175M507';
type Filed = EventData<'StatementFiled'>;

const statements = (events: { type: string; data: unknown }[]) =>
  events.filter((e) => e.type === 'StatementFiled').map((e) => e.data as Filed);

describe('the amendment number', () => {
  it('reads a number written as a word: "(Amendment No. eight)" is Amendment No. 8', () => {
    // Given the seed text whose amendment number is spelt out
    const text = seedText().replace('(Amendment No. 8)', '(Amendment No. eight)');
    // When it is parsed, Then it is Amendment No. 8
    expect(parseFilingContent(text, 'eight.txt')).toMatchObject({ amendmentNo: 8, formType: 'SC 13D/A' });
  });

  it('takes the number from the body when a "SCHEDULE 13D/A" prints none on its first page', () => {
    // Given the seed text titled as an amendment, its first-page number removed ("This Amendment No. 8 ..." stays in
    // the preamble)
    const text = seedText().replace('SCHEDULE 13D', 'SCHEDULE 13D/A').replace('(Amendment No. 8)', '');
    // When parsed, Then the preamble's number is read
    expect(parseFilingContent(text, 'no-number.txt').amendmentNo).toBe(8);
  });

  it('records a "SCHEDULE 13D/A" that states no number anywhere as an amendment of unknown number, never an original', async () => {
    // Given an amendment whose number appears nowhere
    const text = seedText()
      .replace('SCHEDULE 13D', 'SCHEDULE 13D/A')
      .replace('(Amendment No. 8)', '')
      .replaceAll('Amendment No. 8', 'this amendment');
    const filing = parseFilingContent(text, 'unnumbered.txt');
    expect(filing).toMatchObject({ amendmentNo: null, formType: 'SC 13D/A' });
    await withMemoryStore(async (store) => {
      // When it is ingested, Then the statement is recorded with no number and labelled so
      await ingestFiling(store, filing);
      const [own] = statements(await store.readAll()).filter((s) => s.contentsKnown);
      expect(own).toMatchObject({
        amendmentNumber: null,
        filedOn: '2024-07-24',
        source: { quote: 'Amendment (no number)' },
      });
    });
  });

  it('reads a blank "(Amendment No. ___)" on a Schedule 13D as the original, as filers print it', () => {
    const text = seedText()
      .replace('(Amendment No. 8)', '(Amendment No. ___)')
      .replaceAll('Amendment No. 8', 'this statement');
    expect(parseFilingContent(text, 'blank.txt')).toMatchObject({ amendmentNo: 0, formType: 'SC 13D' });
  });

  it('refuses "(Amendment No. X)" with nothing else to go by, naming the line, instead of recording an original', () => {
    // Given a first page whose amendment number is neither a number nor blank, and no number in the body
    const text = seedText()
      .replace('(Amendment No. 8)', '(Amendment No. X)')
      .replaceAll('Amendment No. 8', 'this amendment');
    // When it is parsed, Then it is refused at line 14, where the cover says so
    expect(() => parseFilingContent(text, 'x.txt')).toThrowError(FilingParseError);
    expect(() => parseFilingContent(text, 'x.txt')).toThrowError(
      /^x\.txt:14: the first page says "Amendment No\. X" but gives no amendment number that parses$/,
    );
  });

  it('refuses a second original by the same filers on another event', async () => {
    await withMemoryStore(async (store) => {
      // Given an original (the seed text without its amendment number) recorded
      const original = seedText().replace('(Amendment No. 8)', '');
      await ingestFiling(store, parseFilingContent(original, 'original.txt'));
      // When another "original" by the same persons, on a later event, arrives
      const later = parseFilingContent(original.replaceAll('July 23, 2024', 'August 23, 2024'), 'later.txt');
      // Then it is refused with the recorded original named, and nothing is written
      const before = (await store.readAll()).length;
      await expect(ingestFiling(store, later)).rejects.toThrowError(
        /a second original Schedule 13D for 09175M507 by the same reporting persons: the original filed 2024-07-24 is already recorded from ingest:original\.txt/,
      );
      expect(await store.readAll()).toHaveLength(before);
    });
  });
});

describe('the earlier filings the preamble names', () => {
  it('are recorded as the sample records them: the original and Amendments 1-7, contents unknown', async () => {
    // Given the seed text, whose preamble names the original of October 12, 2021 and seven amendments
    const planned = planIngest(await readFilingFile(AULT_TEXT));
    // When mapped, Then each is a statement known only by date, with the sample's numbers and dates
    const earlier = statements(planned.events).filter((s) => !s.contentsKnown);
    const sample = statements(aultAllianceHistory().events).filter((s) => !s.contentsKnown);
    const brief = (s: Filed) => [
      s.amendmentNumber,
      s.filedOn,
      s.eventDate,
      s.coverPages.length,
      s.filedOnFrom ?? 'stated',
    ];
    expect(earlier.map(brief)).toEqual(sample.map((s) => [...brief(s).slice(0, 4), 'preamble']));
    expect(earlier[0]!.source).toMatchObject({
      amendmentNumber: 8,
      item: 'preamble',
      quote: expect.stringMatching(
        /^This Amendment No\. 8 .* filed by the undersigned on October 12, 2021 and amended on/,
      ),
    });
  });

  it('let `statement` and `diff --from 7 --to 8` work on an ingest-only store', async () => {
    await withMemoryStore(async (store) => {
      // Given only the seed text ingested
      await ingestFiling(store, await readFilingFile(AULT_TEXT));
      // When the statement and the diff are asked
      const statement = await queryStatement(store, { issuer: AULT, asOf: '2024-07-24' });
      const diff = await queryDiff(store, { issuer: AULT, from: '7', to: '8' });
      // Then nine filings are listed, and Amendment No. 7 is named as unknown
      expect(statement.filings.map((f) => [f.amendmentNumber, f.contentsKnown])).toEqual([
        [0, false],
        [1, false],
        [2, false],
        [3, false],
        [4, false],
        [5, false],
        [6, false],
        [7, false],
        [8, true],
      ]);
      expect(diff.from).toMatchObject({ contentsKnown: false });
    });
  });

  it("are filled in when the filing's own text arrives later, and not recorded again after it", async () => {
    await withMemoryStore(async (store) => {
      // Given the seed text ingested (Amendment No. 7 known only as filed on 2023-10-24)
      await ingestFiling(store, await readFilingFile(AULT_TEXT));
      // When a text of Amendment No. 7 filed (signed) on October 24, 2023 arrives
      const seventh = seedText()
        .replace('(Amendment No. 8)', '(Amendment No. 7)')
        .replaceAll('Dated: July 24, 2024', 'Dated: October 24, 2023')
        .replace(
          / and amended on November 24, 2021, .*? and October 24, 2023/,
          ' and amended on November 24, 2021, January 4, 2022, July 11, 2022, August 11, 2022, August 22, 2022 and September 8, 2022',
        );
      const outcome = await ingestFiling(store, parseFilingContent(seventh, 'a7.txt'));
      // Then its known statement is appended, and the outcome says it fills in the one known by date
      expect(outcome).toMatchObject({ status: 'appended', amendmentNo: 7 });
      expect(outcome.notes).toContain(
        'fills in Amendment No. 7 filed 2023-10-24, recorded until now with contents unknown',
      );
      // And the earlier filings it names were already known: no second statement for any of them
      const recorded = statements((await store.readAll()).map((e) => ({ type: e.type, data: e.data })));
      expect(recorded.filter((s) => s.amendmentNumber === 3)).toHaveLength(1);
      expect(
        recorded
          .filter((s) => s.amendmentNumber === 7)
          .map((s) => s.contentsKnown)
          .sort(),
      ).toEqual([false, true]);
      // And the statement, the diff and reconcile see one Amendment No. 7, its contents now known
      const statement = await queryStatement(store, { issuer: AULT, asOf: '2024-07-24' });
      expect(statement.filings.map((f) => [f.amendmentNumber, f.contentsKnown])).toEqual([
        [0, false],
        [1, false],
        [2, false],
        [3, false],
        [4, false],
        [5, false],
        [6, false],
        [7, true],
        [8, true],
      ]);
      const diff = await queryDiff(store, { issuer: AULT, from: '7', to: '8' });
      expect(diff.from.contentsKnown).toBe(true);
      const reconciliation = await queryReconciliation(store, { issuer: AULT });
      expect(reconciliation.notChecked.filter((line) => line.startsWith('Amendment No. 7'))).toEqual([]);
    });
  });
});

describe('the notice address and Item 2(b)', () => {
  it('gives an ingest-only store the same reconcile findings as the sample, Suite 330 against Suite 240 included', async () => {
    await withMemoryStore(async (sample) => {
      await withMemoryStore(async (ingested) => {
        // Given the sample in one store and the seed text ingested into another
        await loadSample(sample);
        await ingestFiling(ingested, await readFilingFile(AULT_TEXT));
        // When each is reconciled
        const kinds = async (store: EventStore) =>
          (await queryReconciliation(store, { issuer: AULT })).findings.map((f) => f.kind).sort();
        const address = (await queryReconciliation(ingested, { issuer: AULT })).findings.find(
          (f) => f.kind === 'address-mismatch',
        );
        // Then the ingest finds the address mismatch with both suites, and as many findings of each kind as the sample
        expect(address).toMatchObject({ reported: 'Suite 330', computed: 'Suite 240', personId: 'ault-and-company' });
        expect(await kinds(ingested)).toEqual(await kinds(sample));
      });
    });
  });

  it('reads the cover notice block as the sample records it', async () => {
    // Given the seed text, When mapped, Then the notice block is name, address (c/o the entity) and phone
    const [own] = statements(planIngest(await readFilingFile(AULT_TEXT)).events);
    const [, , , , , , , , sampleA8] = statements(aultAllianceHistory().events);
    expect(own!.noticeContact).toEqual(sampleA8!.noticeContact);
    expect(own!.businessAddresses).toEqual(sampleA8!.businessAddresses);
  });
});

describe('the notice block of an EDGAR XML filing', () => {
  it('is read from coverPageHeader/authorizedPersons/notificationInfo', async () => {
    // Given the synthetic XML, When mapped, Then its StatementFiled carries the notice name, address and phone
    const [own] = statements(planIngest(await readFilingFile(SYNTHETIC_XML)).events);
    expect(own!.noticeContact).toEqual({
      name: 'Imogen R Castellano',
      address: '18 Millrace Row - Suite 4, Alder Falls, OR 97999',
      careOf: null,
      phone: '503-555-0142',
    });
  });
});

describe('the note warrants of October 13, 2023', () => {
  it('are issued with the five-year term and six-month exercisability, the count tied to Item 3', async () => {
    // Given the seed text, whose Item 6 sells the Senior Note and Warrants and whose Item 3 defines both
    const planned = planIngest(await readFilingFile(AULT_TEXT));
    // When mapped
    const issued = planned.events.find(
      (e) => e.type === 'WarrantsIssued' && (e.data as EventData<'WarrantsIssued'>).securityId === 'note-warrants',
    )?.data;
    const note = planned.events.find(
      (e) =>
        e.type === 'ConvertibleNoteIssued' &&
        (e.data as EventData<'ConvertibleNoteIssued'>).securityId === 'senior-note',
    )?.data;
    // Then 1,907,440 warrant shares, exercisable from Monday 2024-04-15 (April 13, 2024 is a Saturday) to 2028-10-13
    expect(issued).toMatchObject({
      effectiveDate: '2023-10-13',
      personId: 'ault-and-company',
      shares: 1_907_440,
      exercisableFrom: '2024-04-15',
      expiresOn: '2028-10-13',
    });
    expect((issued as EventData<'WarrantsIssued'>).source.quote).toMatch(
      /^On October 13, 2023, the Issuer entered into a note purchase agreement .* \(the "Senior Note"\)\.$/,
    );
    expect(note).toMatchObject({ effectiveDate: '2023-10-13', principal: 17_500_000 });
    // And neither sentence is left for review
    expect(planned.review.map((r) => r.sentence).join(' ')).not.toMatch(/note purchase agreement|1,907,440/);
  });

  it('explain the 1,907,440 reported warrants: no unexplained difference at 2024-07-23', async () => {
    await withMemoryStore(async (store) => {
      // Given only the seed text ingested
      await ingestFiling(store, await readFilingFile(AULT_TEXT));
      // When holdings are asked as of the event date
      const company = (await queryHoldings(store, { issuer: AULT, asOf: '2024-07-23' })).holders.find(
        (h) => h.personId === 'ault-and-company',
      )!;
      // Then the only unexplained differences are those DOMAIN.md names: 10,179 of 25,229 common shares explained,
      // and the undisclosed 500-share Series C closing (44,000 against 43,500; 13,008,131 against 12,860,311)
      expect(company.unexplainedDifferences.map((d) => [d.securityId, d.reported, d.computed]).sort()).toEqual([
        ['common', 25_229, 10_179],
        ['series-c-preferred', 44_000, 43_500],
        ['series-c-warrants', 13_008_131, 12_860_311],
      ]);
    });
  });
});

describe('the filing date', () => {
  it('says when it was taken from the signature date, and prefers FILED AS OF DATE', async () => {
    // Given the synthetic XML (no submission header; signed 01/06/2025) and the seed filing as a full submission
    const xml = await ingestFiling(undefined, await readFilingFile(SYNTHETIC_XML));
    const submission = planIngest(await readFilingFile(fixture('ault-a8-submission.txt')));
    // Then the XML outcome notes the origin, and each StatementFiled records it
    expect(xml.notes).toEqual([
      expect.stringMatching(/^filing date 2025-01-06 taken from the signature date: no submission header/),
    ]);
    expect(statements(planIngest(await readFilingFile(SYNTHETIC_XML)).events)[0]).toMatchObject({
      filedOn: '2025-01-06',
      filedOnFrom: 'signature-date',
    });
    expect(statements(submission.events)[0]).toMatchObject({ filedOnFrom: 'submission-header' });
    expect(submission.notes).toEqual([]);
  });
});
