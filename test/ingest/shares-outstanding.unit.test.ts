import { describe, expect, it } from 'vitest';
import { readSharesOutstanding } from '../../src/ingest/shares-outstanding.js';

const read = (text: string, item = '5') => readSharesOutstanding([{ text, item }]);

describe('shares outstanding as filings state them', () => {
  it.each([
    [
      'Based on 67,584,573 shares of Common Stock outstanding as of November 8, 2022, as reported in the Form 10-Q.',
      67_584_573,
      '2022-11-08',
    ],
    [
      'The percentages used herein are calculated based on an aggregate total of 106,130,396 issued and outstanding as of September 19, 2014.',
      106_130_396,
      '2014-09-19',
    ],
    ['(a) There are currently 19,376,667 shares of Common Stock outstanding.', 19_376_667, undefined],
    [
      'According to the Company, as of May 10, 1995, the Company had 6,518,469 shares of Common Stock outstanding.',
      6_518_469,
      '1995-05-10',
    ],
    [
      'According to information provided by the Issuer, the number of shares outstanding after its initial public offering is 12,300,000.',
      12_300_000,
      undefined,
    ],
    [
      'According to Atari, at December 31, 1993, there were outstanding on such date 57,214,587 shares of Atari Common Stock.',
      57_214_587,
      '1993-12-31',
    ],
  ])('reads "%s"', (sentence, count, asOf) => {
    expect(read(sentence)).toMatchObject({ count, asOf, item: '5' });
  });

  it('reads a note in row 13 that says "based on" without "outstanding"', () => {
    expect(read('9.66% at 5/19/03 based on 8,460,187 common shares', 'cover row 13')).toMatchObject({
      count: 8_460_187,
      item: 'cover row 13',
    });
    // The same words in an item are not enough: an item names many counts of shares.
    expect(read('9.66% at 5/19/03 based on 8,460,187 common shares', '4')).toBeUndefined();
  });

  it('never takes a holding for the class', () => {
    expect(
      read(
        'Mr. Rose may be deemed to beneficially own 3,215,700 shares of Class A Common Stock, representing approximately 9.7% of the outstanding shares.',
      ),
    ).toBeUndefined();
    expect(
      read(
        'In addition, Mrs. Shaw owns one-third of the outstanding shares and is an officer and director of Micco Corporation, holder of 474,052 shares of Common Stock.',
      ),
    ).toBeUndefined();
    expect(
      read(
        'The 13,942,451 shares are comprised of 13,348,353 issued and outstanding shares and 594,098 shares issuable upon exercise.',
      ),
    ).toBeUndefined();
  });

  it('prefers the sentence that states the basis of the percents, from the best source first', () => {
    const found = readSharesOutstanding([
      { text: 'There are 10,000,000 shares outstanding.', item: '5' },
      {
        text: 'All percentages are calculated based upon 96,038,909 common shares outstanding as of February 13, 2017.',
        item: '5',
      },
    ]);
    expect(found).toMatchObject({ count: 96_038_909, asOf: '2017-02-13' });
  });

  it("counts a merger's units in Item 4 only where the sentence says it is the basis", () => {
    expect(
      read(
        'Upon the consummation of the Merger, holders of the 5,935,000 issued and outstanding limited partnership units will receive cash.',
        '4',
      ),
    ).toBeUndefined();
  });
});
