/**
 * Cover pages in the layouts real Schedule 13D filers used from 1994 to today, each imitated by a small
 * fixture written for the tests (fictional issuers and reporting persons): test/fixtures/layouts/.
 * expected.json holds the figures as a careful reader reads them off each fixture.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CoverPage, ParsedFiling, ReportedPercent } from '../../src/ingest/parsed-filing.js';
import { readFilingFile } from '../../src/ingest/read-filing.js';

const dir = (name: string) => fileURLToPath(new URL(`../fixtures/layouts/${name}`, import.meta.url));

type ExpectedPercent = { kind: 'value'; value: number } | { kind: 'less-than'; bound: number };

interface ExpectedCover {
  name: string;
  soleVotingPower: number;
  sharedVotingPower: number;
  soleDispositivePower: number;
  sharedDispositivePower: number;
  aggregate: number;
  percentOfClass: ExpectedPercent;
  /** Rows whose figure is printed with a note: the parser must record a doubt for them. */
  doubtRows?: number[];
}

interface ExpectedFiling {
  file: string;
  title: string;
  layout: string;
  form: 'SC 13D' | 'SC 13D/A';
  amendmentNo: number | null;
  cusip: string;
  /** ISO date; null when the filing prints none. */
  eventDate: string | null;
  covers: ExpectedCover[];
}

const EXPECTED = JSON.parse(readFileSync(dir('expected.json'), 'utf8')) as ExpectedFiling[];

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
/**
 * Names as a reader compares them: spacing squeezed, typographic quotes as plain ones (the parser folds them on
 * purpose).
 */
const sameName = (text: string) => squeeze(text).replace(/[\u2018\u2019]/g, "'");

const percentOf = (p: ReportedPercent | undefined): ExpectedPercent | undefined =>
  p === undefined
    ? undefined
    : p.kind === 'value'
      ? { kind: 'value', value: p.value }
      : { kind: 'less-than', bound: p.bound };

/** The parse in the shape of expected.json, so that one comparison shows every figure that differs. */
function asRead(filing: ParsedFiling) {
  return {
    form: filing.formType,
    amendmentNo: filing.amendmentNo,
    cusip: filing.issuer.cusip,
    eventDate: filing.eventDate ?? null,
    covers: filing.coverPages.map((cover: CoverPage) => ({
      name: sameName(cover.name),
      soleVotingPower: cover.soleVotingPower,
      sharedVotingPower: cover.sharedVotingPower,
      soleDispositivePower: cover.soleDispositivePower,
      sharedDispositivePower: cover.sharedDispositivePower,
      aggregate: cover.aggregate,
      percentOfClass: percentOf(cover.percentOfClass),
    })),
  };
}

describe('cover pages in the layouts filers used, 1994 to today', () => {
  it('has a fixture file for every entry of expected.json', () => {
    expect(EXPECTED.length).toBeGreaterThanOrEqual(14);
    for (const entry of EXPECTED) expect(() => readFileSync(dir(entry.file))).not.toThrow();
  });

  for (const want of EXPECTED) {
    it(`${want.file.slice(0, 3)}: ${want.title}`, async () => {
      // Given a filing in this layout; When it is read
      const filing = await readFilingFile(dir(want.file));
      // Then the form, amendment number, CUSIP, event date and every cover figure are those printed
      expect(asRead(filing)).toEqual({
        form: want.form,
        amendmentNo: want.amendmentNo,
        cusip: want.cusip,
        eventDate: want.eventDate,
        covers: want.covers.map(({ doubtRows: _notes, ...cover }) => ({ ...cover, name: sameName(cover.name) })),
      });
      // And a figure printed with a note is read with a doubt on its row, for its person
      for (const cover of want.covers) {
        for (const row of cover.doubtRows ?? []) {
          const doubts = filing.doubts.filter(
            (d) => d.row === row && sameName(d.person ?? '') === sameName(cover.name),
          );
          expect(doubts, `a doubt on row ${row} of ${cover.name}`).not.toHaveLength(0);
        }
      }
    });
  }
});
