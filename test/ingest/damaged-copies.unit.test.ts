import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFilingContent } from '../../src/ingest/read-filing.js';
import { runLedgerCommand } from '../../src/ledger/corrections.js';
import { FilingConflictError } from '../../src/ledger/ingest-decision.js';
import { ingestFiling } from '../../src/ledger/ingest-filing.js';
import { withMemoryStore } from '../support/memory-store.js';
import { asSubmission } from './hostile-inputs.js';
import { AULT_TEXT, fixture } from './fixtures.js';

const seed = () => readFileSync(AULT_TEXT, 'utf8');

/**
 * The seed with lines 81 and 82 swapped: William B. Horne's name printed above his row 1 label, which is left blank.
 */
function swapped(): string {
  const lines = seed().split('\n');
  [lines[80], lines[81]] = [lines[81]!, lines[80]!];
  return lines.join('\n');
}

describe('a damaged filing that still parses', () => {
  it('records the reporting person it announces but whose cover page was not read, for review', () => {
    // Given the seed with one swapped line, which loses Horne's cover page (4 of 5 are read)
    const filing = parseFilingContent(swapped(), 'swapped.txt');
    expect(filing.coverPages.map((c) => c.name)).toEqual([
      'AULT & COMPANY, INC.',
      'MILTON C. AULT, III',
      'HENRY C.W. NISSER',
      'KENNETH S. CRAGUN',
    ]);
    // Then the blank row 1 and Item 2's entry (iii) for Horne are read with doubt: nothing silently dropped
    expect(filing.doubts).toEqual([
      {
        row: 1,
        read: '',
        reason: 'a cover page names no reporting person in row 1: its figures are not recorded',
        place: 'line 82',
      },
      expect.objectContaining({
        row: 1,
        read: expect.stringMatching(/^William B\. Horne, Chief Financial Officer/),
        reason: 'Item 2 lists this person among those filing; no cover page read for it',
        place: 'Item 2',
      }),
    ]);
  });

  it('records a filer the submission header names with no cover page, and none for conformed names that fit', () => {
    // Given the seed's HTML in a submission whose header names two of its persons as EDGAR conforms them, and one more
    const html = readFileSync(fixture('ault-a8.htm'), 'utf8');
    const filing = parseFilingContent(
      asSubmission(html, ['AULT MILTON C III', 'NISSER HENRY C W', 'DOE JANE Q']),
      'header.txt',
    );
    // Then only the person without a cover page is read with doubt
    expect(filing.doubts).toEqual([
      {
        row: 1,
        read: 'DOE JANE Q',
        reason: 'the submission header names DOE JANE Q as a filer; no cover page read for it',
        place: 'submission header',
      },
    ]);
  });

  it('refuses the genuine copy after the damaged one as a conflict, with both content hashes, and writes nothing', async () => {
    await withMemoryStore(async (store) => {
      // Given the damaged copy ingested (4 persons, Amendment No. 8 of 2024-07-24)
      const damaged = parseFilingContent(swapped(), 'damaged.txt');
      expect((await ingestFiling(store, damaged)).status).toBe('appended');
      const before = (await store.readAll()).length;
      // When the genuine copy is ingested
      const genuine = parseFilingContent(seed(), 'genuine.txt');
      const refused = await ingestFiling(store, genuine).then(
        () => undefined,
        (error: unknown) => error,
      );
      // Then it is refused for that filing as a conflict naming both copies and Horne, and nothing is written
      expect(refused).toBeInstanceOf(FilingConflictError);
      const conflict = refused as FilingConflictError;
      expect(conflict).toMatchObject({
        file: 'genuine.txt',
        recordedContentHash: damaged.contentHash,
        contentHash: genuine.contentHash,
      });
      expect(conflict.problem).toContain(
        `Amendment No. 8 filed 2024-07-24 is already recorded from ingest:damaged.txt (content sha256:${damaged.contentHash})`,
      );
      expect(conflict.problem).toContain(
        `(content sha256:${genuine.contentHash}): only this copy names WILLIAM B. HORNE`,
      );
      expect(conflict.problem).not.toMatch(/fills in/);
      expect((await store.readAll()).length).toBe(before);
    });
  });

  it('ingests the genuine copy once the damaged statement is retracted', async () => {
    await withMemoryStore(async (store) => {
      // Given the damaged copy ingested, then its statement retracted
      await ingestFiling(store, parseFilingContent(swapped(), 'damaged.txt'));
      const statement = (await store.readAll()).find(
        (e) => e.type === 'StatementFiled' && (e.data as { contentsKnown: boolean }).contentsKnown,
      )!;
      await runLedgerCommand(store, {
        kind: 'RetractEvent',
        eventId: statement.id,
        reason: 'damaged copy: Horne cover page lost',
      });
      // When the genuine copy is ingested / Then it is appended, with no note that it fills in a filing known by date
      const outcome = await ingestFiling(store, parseFilingContent(seed(), 'genuine.txt'));
      expect(outcome.status).toBe('appended');
      expect(outcome.persons).toContain('WILLIAM B. HORNE');
      expect(outcome.notes.filter((n) => /fills in/.test(n))).toEqual([]);
    });
  });
});
