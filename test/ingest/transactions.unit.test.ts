import { describe, expect, it } from 'vitest';
import { readFilingFile } from '../../src/ingest/read-filing.js';
import type { ParsedTransaction } from '../../src/ingest/parsed-filing.js';
import { AULT_TEXT, fixture } from './fixtures.js';

const brief = (t: ParsedTransaction) => {
  const { source, ...rest } = t;
  return { ...rest, item: source.item };
};

describe('transactions from prose', () => {
  it('turns each sentence matching a pattern into transactions that cite it', async () => {
    // Given Amendment No. 8, whose Items 5(c) and 6 describe the history in sentences
    const filing = await readFilingFile(AULT_TEXT);
    const tx = filing.transactions.map(brief);
    const ac = 'AULT & COMPANY, INC.';
    // Then the sentences DOMAIN.md lists become transactions with the figures they state
    expect(tx).toContainEqual({
      kind: 'note-converted',
      date: '2020-08-20',
      holder: ac,
      principal: 600_000,
      shares: 55,
      title: 'Note',
      item: '6',
    });
    expect(tx).toContainEqual({
      kind: 'note-converted',
      date: '2021-05-12',
      holder: ac,
      principal: 400_000,
      shares: 36,
      title: 'Note',
      item: '6',
    });
    expect(tx).toContainEqual({
      kind: 'shares-purchased',
      method: 'open-market',
      date: '2024-06-17',
      holder: ac,
      shares: 10_000,
      item: '5(c)',
    });
    expect(tx).toContainEqual({
      kind: 'shares-purchased',
      method: 'private-placement',
      date: '2020-01-15',
      holder: ac,
      shares: 88,
      totalPrice: 739_948,
      item: '6',
    });
    expect(tx).toContainEqual(
      expect.objectContaining({
        kind: 'note-issued',
        date: '2020-02-05',
        principal: 1_000_000,
        interestRatePercent: 8,
        conversionPrice: 10_989,
      }),
    );
    expect(tx).toContainEqual(
      expect.objectContaining({
        kind: 'exchange-cap-lifted',
        date: '2024-07-23',
        capPercent: 19.99,
        exchange: 'NYSE American',
      }),
    );
    expect(tx).toContainEqual(expect.objectContaining({ kind: 'joint-filing-agreement', date: '2024-07-24' }));
    // Series C: the December closing and the four March closings, each with its warrants.
    const preferred = filing.transactions.filter((t) => t.kind === 'preferred-issued');
    expect(preferred.map((t) => [t.date, t.shares])).toEqual([
      ['2023-12-14', 41_500],
      ['2024-03-07', 500],
      ['2024-03-08', 500],
      ['2024-03-18', 500],
      ['2024-03-19', 500],
    ]);
    const warrants = filing.transactions.filter((t) => t.kind === 'warrants-issued');
    expect(warrants.reduce((sum, t) => sum + (t.kind === 'warrants-issued' ? t.shares : 0), 0)).toBe(12_860_311);
    // Each transaction quotes its sentence.
    const converted = filing.transactions.find((t) => t.kind === 'note-converted')!;
    expect(converted.source.sentence).toBe(
      'On August 20, 2020, Ault & Company converted $600,000 of the Note principal into 55 Shares.',
    );
  });

  it('lists transaction-like sentences it cannot read with certainty for review, never guessing', async () => {
    const filing = await readFilingFile(AULT_TEXT);
    const sentences = filing.review.map((r) => r.sentence);
    // The Series C SPA says "up to" 50,000 shares: an agreement, not a closing.
    expect(sentences).toContainEqual(
      expect.stringMatching(/^On November 6, 2023, the Issuer entered into a securities purchase agreement/),
    );
    // ...and none of them also became a transaction.
    const cited = new Set(filing.transactions.map((t) => t.source.sentence));
    expect(sentences.filter((s) => cited.has(s))).toEqual([]);
  });

  it('reads the note purchase agreement of October 13, 2023 with the warrant terms, and the repayment', async () => {
    // Given Amendment No. 8, whose Item 6 sells "the Senior Note and Warrants" and states the warrants' term
    const filing = await readFilingFile(AULT_TEXT);
    // When its transactions are read
    const sold = filing.transactions.find((t) => t.kind === 'note-and-warrants-sold');
    const repaid = filing.transactions.find((t) => t.kind === 'note-repaid');
    // Then the sale cites both Item 6 sentences, with a five-year term and exercisability after six months
    expect(sold).toMatchObject({
      date: '2023-10-13',
      holder: 'AULT & COMPANY, INC.',
      noteAlias: 'Senior Note',
      warrantsAlias: 'Warrants',
      termYears: 5,
      exercisableAfterMonths: 6,
      source: { item: '6' },
    });
    expect(sold!.source.sentence).toMatch(
      /Senior Note and Warrants\. The Warrants have a five-year term, .* six-month anniversary of the closing date\.$/,
    );
    // And "The Senior Note was subsequently repaid." names its note
    expect(repaid).toMatchObject({
      noteAlias: 'Senior Note',
      source: { item: '3', sentence: 'The Senior Note was subsequently repaid.' },
    });
    expect(filing.review.map((r) => r.sentence)).not.toContain('The Senior Note was subsequently repaid.');
  });

  it('finds the same transactions in the reflowed, HTML and submission versions', async () => {
    const reference = (await readFilingFile(AULT_TEXT)).transactions.map(brief);
    for (const name of ['ault-a8-reflowed.txt', 'ault-a8.htm', 'ault-a8-submission.txt']) {
      const filing = await readFilingFile(fixture(name));
      expect(filing.transactions.map(brief), name).toEqual(reference);
    }
  });
});
