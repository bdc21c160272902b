import { describe, expect, it } from 'vitest';
import { selectFacts } from '../../projections/timeline/facts.js';
import { statementAt } from '../../projections/views/statement.js';
import { foldCoverPages } from '../../projections/folds/cover-pages.js';
import { decodeEvent, LEGACY_SCHEMA_VERSION, validateEvent, type EventData } from '../../src/domain/index.js';
import { planIngest } from '../../src/ingest/plan-filing.js';
import { readFilingFile } from '../../src/ingest/read-filing.js';
import { SYNTHETIC_AMENDMENT_XML, SYNTHETIC_XML } from './fixtures.js';

const statementOf = async (file: string) => {
  const planned = planIngest(await readFilingFile(file));
  return {
    planned,
    filed: planned.events.find((e) => e.type === 'StatementFiled')!.data as EventData<'StatementFiled'>,
  };
};

describe('an XML amendment that restates only some cover rows', () => {
  it('records the page as partial, with only the rows it states', async () => {
    // Given the synthetic 13D/A that restates Kestrel Hollow Partners' aggregate and percent and nothing else
    // When it is mapped to events
    const { planned, filed } = await statementOf(SYNTHETIC_AMENDMENT_XML);
    // Then the statement carries a partial page (absent rows are not restated, never zero) and no full page
    expect(filed.coverPages).toEqual([]);
    expect(filed.partialCoverPages).toEqual([
      {
        personId: 'kestrel-hollow-partners-lp',
        name: 'Kestrel Hollow Partners, L.P.',
        aggregate: 1_760_000,
        percentOfClass: { kind: 'value', value: 8.2, text: '8.2' },
      },
    ]);
    expect(planned.partial).toEqual([
      'Kestrel Hollow Partners, L.P.: soleVotingPower, sharedVotingPower, soleDispositivePower, sharedDispositivePower not restated (unchanged)',
    ]);
  });

  it('folds over the original so the rows not restated keep their earlier figures', async () => {
    // Given the synthetic original's full pages and the amendment's partial one
    const original = (await statementOf(SYNTHETIC_XML)).filed;
    const amendment = (await statementOf(SYNTHETIC_AMENDMENT_XML)).filed;
    // When the amendment is folded over the original
    const folded = foldCoverPages(original.coverPages, amendment);
    // Then the partnership's powers are the original's 0 / 1,640,000 and its aggregate and percent the amendment's
    const kestrel = folded.coverPages.find((p) => p.personId === 'kestrel-hollow-partners-lp');
    expect(kestrel).toMatchObject({
      soleVotingPower: 0,
      sharedVotingPower: 1_640_000,
      aggregate: 1_760_000,
      percentOfClass: { value: 8.2 },
      citizenshipOrPlace: 'DE',
    });
    expect(folded.coverPages.find((p) => p.personId === 'castellano-imogen-rose')?.aggregate).toBe(1_850_000);
    expect(folded.unmatchedPartial).toEqual([]);
  });

  it('still reads a StatementFiled recorded (ledger-events/1) before partial pages and footnote rows existed', () => {
    // Given stored data in the old shape: no partialCoverPages, footnotes without rows
    const page = {
      personId: 'x',
      name: 'X',
      memberOfGroup: { a: false, b: false },
      sourceOfFunds: [],
      legalProceedings: false,
      citizenshipOrPlace: '',
      soleVotingPower: 1,
      sharedVotingPower: 0,
      soleDispositivePower: 1,
      sharedDispositivePower: 0,
      aggregate: 1,
      excludesCertainShares: false,
      percentOfClass: { kind: 'less-than', bound: 1, text: 'Less than 1%' },
      typeOfReportingPerson: ['IN'],
      footnotes: [{ marker: '1', text: 'Represents 1 share.' }],
    };
    const data = {
      effectiveDate: '2024-07-23',
      disclosedOn: '2024-07-24',
      source: { amendmentNumber: 1, accessionNumber: null, filedOn: '2024-07-24', item: 'cover', quote: '' },
      issuer: { name: 'Ault Alliance, Inc.', cusip: '09175M507', cik: null },
      classTitle: 'Common',
      amendmentNumber: 1,
      accessionNumber: null,
      eventDate: null,
      filedOn: '2024-07-24',
      contentsKnown: true,
      items: [],
      coverPages: [page],
      noticeContact: null,
      businessAddresses: [],
    };
    // When it is decoded, as written by the ledger under /1 and as written by another program
    for (const schema of [LEGACY_SCHEMA_VERSION, undefined]) {
      const { event } = decodeEvent({
        id: 'e1',
        type: 'StatementFiled',
        data,
        metadata: { recordedAt: '2024-07-24T00:00:00.000Z', schema },
        position: 0,
      });
      // Then it reads with no partial pages, footnote rows unknown, an exact date and no doubts
      if (event.type !== 'StatementFiled') throw new Error('not a statement');
      expect(event.data).toMatchObject({
        partialCoverPages: [],
        readingDoubts: [],
        previousAccessionNumber: null,
        filedOnFrom: null,
        effectiveDatePrecision: 'exact',
      });
      expect(event.data.coverPages[0]!.footnotes).toEqual([{ marker: '1', text: 'Represents 1 share.', rows: null }]);
    }
  });

  it('keeps the rows each cover footnote is printed on', async () => {
    // Given the seed text, where Mr. Ault's footnote (1) sits on rows 7 and 9 and (2) on rows 8 and 10
    const { filed } = await statementOf((await import('./fixtures.js')).AULT_TEXT);
    // Then the footnotes say so
    const ault = filed.coverPages.find((p) => p.personId === 'milton-c-ault-iii')!;
    expect(ault.footnotes.map((f) => [f.marker, f.rows])).toEqual([
      ['1', [7, 9]],
      ['2', [8, 10]],
    ]);
  });
});

describe('the statement as of a date after an XML amendment with a partial cover page', () => {
  it('keeps the rows the amendment did not restate and takes the ones it did', async () => {
    // Given the synthetic original and its 13D/A (Kestrel Hollow Partners' aggregate 1,760,000 and 8.2% restated,
    // nothing else)
    const filings = [SYNTHETIC_XML, SYNTHETIC_AMENDMENT_XML];
    const events = (
      await Promise.all(filings.map(async (file) => planIngest(await readFilingFile(file)).events))
    ).flat();
    const facts = selectFacts(
      events.map((e, i) => ({
        id: e.id,
        event: validateEvent(e),
        recordedAt: '2025-06-01T00:00:00.000Z',
        position: i,
      })),
    );
    // When the statement is folded after both were filed
    const statement = statementAt(facts, '2099-12-31');
    // Then the partnership's page has the original's powers (0 sole / 1,640,000 shared) with the amendment's aggregate
    // and percent
    const kestrel = statement.coverPages.find((p) => p.personId === 'kestrel-hollow-partners-lp');
    expect(kestrel).toMatchObject({
      soleVotingPower: 0,
      sharedVotingPower: 1_640_000,
      aggregate: 1_760_000,
      percentOfClass: { value: 8.2 },
    });
    expect(statement.coverPages).toHaveLength(2);
    expect(statement.coverPagesWithoutBase).toEqual([]);
  });
});
