/**
 * The pure checks of reconciliation-checks.ts, one branch at a time: what an enumeration states, the footnotes against
 * the rows they are printed on (and row 11 against rows 7 + 8), Item 5(a)'s breakdown, the decimals a percent prints,
 * and what a percent implies about its denominator, at the rounding boundaries of the decimals printed.
 */
import { describe, expect, it } from 'vitest';
import type { StatedRows } from '../../projections/folds/cover-pages.js';
import {
  decimalsOf,
  denominatorNotStated,
  footnoteChecks,
  item5BreakdownCheck,
  percentAgainstOutstanding,
  statedParts,
  type AddCheck,
} from '../../projections/views/reconciliation-checks.js';
import type { ReportedPercent } from '../../src/domain/index.js';

type Check = Parameters<AddCheck>[1] & { ok: boolean };

/** Runs a check and returns what it added, in order, with `ok` beside each. */
function checksOf(run: (add: AddCheck) => void): Check[] {
  const checks: Check[] = [];
  run((ok, finding) => checks.push({ ok, ...finding }));
  return checks;
}

/** Row 13 as read: the value is the text's number (the text may carry a "%" and stray spaces, as read). */
const value = (text: string): ReportedPercent => ({ kind: 'value', value: Number(text.replace('%', '')), text });
const LESS_THAN_1: ReportedPercent = { kind: 'less-than', bound: 1, text: 'Less than 1%' };

const page = (rows: Omit<StatedRows, 'personId' | 'name'>, personId = 'holder'): StatedRows => ({
  personId,
  name: personId.toUpperCase(),
  ...rows,
});
const footnote = (marker: string, text: string, rows: number[] | null) => ({ marker, text, rows });

describe('statedParts: the share counts an enumeration states', () => {
  it('reads a cover footnote "Represents (i) ... and (ii) ..." with no total', () => {
    expect(
      statedParts(
        'Represents (i) 2,245 shares of Common Stock held directly and (ii) 81 shares issuable upon exercise of options.',
      ),
    ).toEqual({ total: null, parts: [2_245, 81] });
  });

  it('reads the total an Item 5(a) sentence gives before "consisting of"', () => {
    // The total is in the words before "consisting of"; the sentence ends with a full stop
    expect(
      statedParts(
        'The Reporting Person may be deemed to beneficially own 162 Shares, consisting of (i) 81 Shares held directly ' +
          'and (ii) 81 Shares issuable upon the exercise of options.',
      ),
    ).toEqual({ total: 162, parts: [81, 81] });
    // A total with a thousands separator: 2,326
    expect(
      statedParts('He beneficially owns 2,326 Shares, consisting of (i) 2,245 Shares and (ii) 81 Shares.')?.total,
    ).toBe(2_326);
  });

  it('reads three parts with thousands separators', () => {
    expect(
      statedParts(
        'Represents (i) 25,229 shares held directly, (ii) 200,000,000 shares issuable upon conversion of Series C ' +
          'Preferred and (iii) 14,915,571 shares issuable upon exercise of warrants.',
      ),
    ).toEqual({ total: null, parts: [25_229, 200_000_000, 14_915_571] });
  });

  it('reads only the first sentence, not a later "(i) $0.10 ... (ii) $0.22" list', () => {
    expect(
      statedParts(
        'Represents (i) 1,000 shares and (ii) 2,000 shares issuable on conversion. The conversion price is the greater ' +
          'of (i) $0.10 and (ii) the lesser of $0.22 and 105% of the VWAP.',
      ),
    ).toEqual({ total: null, parts: [1_000, 2_000] });
  });

  it('reads a list that ends without a full stop to its last word', () => {
    expect(statedParts('Represents (i) 10 shares and (ii) 20 shares')).toEqual({ total: null, parts: [10, 20] });
  });

  it('starts at "Represents", whatever sentence comes before it', () => {
    expect(statedParts('See Item 5. Represents (i) 10 shares and (ii) 20 shares.')).toEqual({
      total: null,
      parts: [10, 20],
    });
  });

  it('is null for a single part, which is no breakdown to add up', () => {
    expect(statedParts('Represents (i) 100 shares held directly.')).toBeNull();
  });

  it('is null when one part does not start with a share count (a half-read list)', () => {
    expect(statedParts('Represents (i) 2,245 shares and (ii) options to purchase 81 shares.')).toBeNull();
  });

  it('is null for a footnote that enumerates nothing', () => {
    expect(statedParts('Includes 81 shares issuable upon exercise of options.')).toBeNull();
  });
});

describe('decimalsOf: the decimals row 13 prints', () => {
  it('counts the digits after the point, trailing zeros included, and 0 for none', () => {
    expect([value('85.72%'), value('8.5'), value('9'), value('12.250%'), LESS_THAN_1].map(decimalsOf)).toEqual([
      2, 1, 0, 3, 0,
    ]);
  });
});

describe('footnoteChecks: cover footnotes against the rows they are printed on', () => {
  it('checks each row a footnote is printed on, then row 11 against rows 7 + 8', () => {
    // Given sole voting/dispositive 2,326 = (1) 2,245 + 81, shared voting/dispositive 50,000 = (2) 20,000 + 30,000, and
    // an aggregate of 2,326 + 50,000 = 52,326
    const cover = page({
      soleVotingPower: 2_326,
      sharedVotingPower: 50_000,
      soleDispositivePower: 2_326,
      sharedDispositivePower: 50_000,
      aggregate: 52_326,
      footnotes: [
        footnote('1', 'Represents (i) 2,245 shares held directly and (ii) 81 shares issuable on options.', [7, 9]),
        footnote(
          '2',
          'Represents (i) 20,000 shares held by the Fund and (ii) 30,000 shares issuable on warrants.',
          [8, 10],
        ),
      ],
    });
    // When checked
    const checks = checksOf((add) => footnoteChecks(add, cover, 'Holder'));
    // Then every row holds, in the order of the footnotes and the rows each is printed on
    const row = (n: number, sum: number, marker: string, parts: string): Check => ({
      ok: true,
      kind: 'footnote-sum',
      personId: 'holder',
      item: `cover footnote (${marker})`,
      reported: sum,
      computed: sum,
      message: `Holder: row ${n} is ${sum.toLocaleString('en-US')}; footnote (${marker}) printed on it enumerates ${parts}`,
    });
    expect(checks).toEqual([
      row(7, 2_326, '1', '2,245 + 81 = 2,326'),
      row(9, 2_326, '1', '2,245 + 81 = 2,326'),
      row(8, 50_000, '2', '20,000 + 30,000 = 50,000'),
      row(10, 50_000, '2', '20,000 + 30,000 = 50,000'),
      {
        ok: true,
        kind: 'footnote-sum',
        personId: 'holder',
        item: 'cover row 11',
        reported: 52_326,
        computed: 2_326 + 50_000,
        message:
          'Holder: row 11 is 52,326; the footnotes claim 2,326 (sole voting, row 7) + 50,000 (shared voting, row 8) = 52,326',
      },
    ]);
  });

  it('finds a row that is not what its footnote enumerates, and row 11 against the claim (a zero row 8 needs none)', () => {
    // Given row 7 of 2,400 whose footnote enumerates 2,245 + 81 = 2,326, row 8 of 0, and row 11 of 2,400
    const cover = page({
      soleVotingPower: 2_400,
      sharedVotingPower: 0,
      aggregate: 2_400,
      footnotes: [footnote('a', 'Represents (i) 2,245 shares and (ii) 81 shares issuable on options.', [7])],
    });
    // When checked
    const checks = checksOf((add) => footnoteChecks(add, cover, 'Holder'));
    // Then row 7 is a finding (2,400 against 2,326), and so is row 11: the footnotes claim 2,326 + 0 = 2,326, not 2,400
    expect(checks).toEqual([
      {
        ok: false,
        kind: 'footnote-sum',
        personId: 'holder',
        item: 'cover footnote (a)',
        reported: 2_400,
        computed: 2_326,
        message: 'Holder: row 7 is 2,400; footnote (a) printed on it enumerates 2,245 + 81 = 2,326',
      },
      {
        ok: false,
        kind: 'footnote-sum',
        personId: 'holder',
        item: 'cover row 11',
        reported: 2_400,
        computed: 2_326,
        message:
          'Holder: row 11 is 2,400; the footnotes claim 2,326 (sole voting, row 7) + 0 (shared voting, row 8) = 2,326',
      },
    ]);
  });

  it('takes a zero row 7 as claiming 0 when only row 8 has a footnote', () => {
    // Given a general partner: sole 0, shared 1,000 = (1) 600 + 400 printed on rows 8 and 10, aggregate 1,000
    const cover = page({
      soleVotingPower: 0,
      sharedVotingPower: 1_000,
      soleDispositivePower: 0,
      sharedDispositivePower: 1_000,
      aggregate: 1_000,
      footnotes: [
        footnote('1', 'Represents (i) 600 shares held by Fund A and (ii) 400 shares held by Fund B.', [8, 10]),
      ],
    });
    // When checked, Then row 11 holds: 0 + 1,000 = 1,000
    const checks = checksOf((add) => footnoteChecks(add, cover, 'GP'));
    expect(checks.map((c) => [c.item, c.ok, c.reported, c.computed])).toEqual([
      ['cover footnote (1)', true, 1_000, 1_000],
      ['cover footnote (1)', true, 1_000, 1_000],
      ['cover row 11', true, 1_000, 0 + 1_000],
    ]);
    expect(checks[2]!.message).toBe(
      'GP: row 11 is 1,000; the footnotes claim 0 (sole voting, row 7) + 1,000 (shared voting, row 8) = 1,000',
    );
  });

  it('accepts row 11 above the voting claim when rows 9 + 10 give dispositive power over all of it (Rule 13d-3)', () => {
    // Given 1,000 shares it may vote (footnote on row 7: 600 + 400) and 500 non-voting shares it may also sell: rows 9
    // and 10 give dispositive power over 1,500 = row 11
    const cover = page({
      soleVotingPower: 1_000,
      sharedVotingPower: 0,
      soleDispositivePower: 1_500,
      sharedDispositivePower: 0,
      aggregate: 1_500,
      footnotes: [footnote('1', 'Represents (i) 600 shares held by Fund A and (ii) 400 shares held by Fund B.', [7])],
    });
    // When checked, Then row 11 holds: a share counts when it may be voted or disposed of
    const row11 = checksOf((add) => footnoteChecks(add, cover, 'Holder')).find((c) => c.item === 'cover row 11')!;
    expect(row11).toEqual({
      ok: true,
      kind: 'footnote-sum',
      personId: 'holder',
      item: 'cover row 11',
      reported: 1_500,
      computed: 1_500,
      message:
        'Holder: row 11 is 1,500; the footnotes claim 1,000 (sole voting, row 7) + 0 (shared voting, row 8) = 1,000, ' +
        'and rows 9 + 10 = 1,500 reach it: Rule 13d-3 counts a share that may be voted or disposed of',
    });
  });

  it.each([
    ['dispositive power over fewer shares than row 11', 1_200, 0, 1_500, 1_000],
    ['dispositive power split between rows 9 and 10, short of row 11', 700, 700, 1_500, 1_000],
    ['a voting claim above row 11, whatever rows 9 + 10 say', 1_500, 0, 900, 1_000],
  ])('finds row 11 unexplained with %s', (_what, sole9, shared10, aggregate, voting) => {
    const cover = page({
      soleVotingPower: voting,
      sharedVotingPower: 0,
      soleDispositivePower: sole9,
      sharedDispositivePower: shared10,
      aggregate,
      footnotes: [footnote('1', 'Represents (i) 600 shares held by Fund A and (ii) 400 shares held by Fund B.', [7])],
    });
    const row11 = checksOf((add) => footnoteChecks(add, cover, 'Holder')).find((c) => c.item === 'cover row 11')!;
    expect([row11.ok, row11.reported, row11.computed]).toEqual([false, aggregate, voting]);
    expect(row11.message).toBe(
      `Holder: row 11 is ${aggregate.toLocaleString('en-US')}; the footnotes claim 1,000 (sole voting, row 7) + 0 ` +
        '(shared voting, row 8) = 1,000',
    );
  });

  it('counts row 10 with row 9: shared dispositive power over the rest explains row 11', () => {
    const cover = page({
      soleVotingPower: 1_000,
      sharedVotingPower: 0,
      soleDispositivePower: 1_000,
      sharedDispositivePower: 500,
      aggregate: 1_500,
      footnotes: [footnote('1', 'Represents (i) 600 shares held by Fund A and (ii) 400 shares held by Fund B.', [7])],
    });
    const row11 = checksOf((add) => footnoteChecks(add, cover, 'Holder')).find((c) => c.item === 'cover row 11')!;
    expect([row11.ok, row11.computed]).toEqual([true, 1_500]);
  });

  it('leaves row 11 alone when a non-zero row 7 or 8 has no footnote to explain it', () => {
    // Given row 7 (162) footnoted but a non-zero row 8 (50) without a footnote, and the reverse
    const sevenOnly = page({
      soleVotingPower: 162,
      sharedVotingPower: 50,
      aggregate: 212,
      footnotes: [footnote('1', 'Represents (i) 81 shares and (ii) 81 shares issuable on options.', [7])],
    });
    const eightOnly = page({
      soleVotingPower: 50,
      sharedVotingPower: 162,
      aggregate: 212,
      footnotes: [footnote('1', 'Represents (i) 81 shares and (ii) 81 shares issuable on options.', [8])],
    });
    // When checked, Then only the footnoted row is checked (81 + 81 = 162)
    expect(checksOf((add) => footnoteChecks(add, sevenOnly, 'Holder')).map((c) => [c.item, c.reported])).toEqual([
      ['cover footnote (1)', 162],
    ]);
    expect(checksOf((add) => footnoteChecks(add, eightOnly, 'Holder')).map((c) => [c.item, c.reported])).toEqual([
      ['cover footnote (1)', 162],
    ]);
  });

  it('leaves row 11 alone when no footnote is printed on row 7 or 8, even with both rows zero', () => {
    // Given dispositive power only: rows 7 and 8 zero, rows 9 and 11 of 300 = (1) 100 + 200 printed on them
    const cover = page({
      soleVotingPower: 0,
      sharedVotingPower: 0,
      soleDispositivePower: 300,
      sharedDispositivePower: 0,
      aggregate: 300,
      footnotes: [footnote('1', 'Represents (i) 100 shares and (ii) 200 shares held in managed accounts.', [9, 11])],
    });
    // When checked, Then rows 9 and 11 are checked against the footnote, and no row 11 check of rows 7 + 8 is made
    expect(checksOf((add) => footnoteChecks(add, cover, 'Adviser')).map((c) => [c.message, c.ok])).toEqual([
      ['Adviser: row 9 is 300; footnote (1) printed on it enumerates 100 + 200 = 300', true],
      ['Adviser: row 11 is 300; footnote (1) printed on it enumerates 100 + 200 = 300', true],
    ]);
  });

  it('places a footnote without known rows on every row whose figure equals its sum', () => {
    // Given a footnote (rows not known) enumerating 81 + 81 = 162, and rows 7, 9 and 11 of 162, rows 8 and 10 of 0
    const cover = page({
      soleVotingPower: 162,
      sharedVotingPower: 0,
      soleDispositivePower: 162,
      sharedDispositivePower: 0,
      aggregate: 162,
      footnotes: [footnote('1', 'Represents (i) 81 shares and (ii) 81 shares issuable on options.', null)],
    });
    // When checked, Then rows 7, 9 and 11 are checked, and row 11 against 162 (row 7) + 0 (row 8) = 162
    expect(checksOf((add) => footnoteChecks(add, cover, 'Holder')).map((c) => [c.item, c.ok, c.message])).toEqual([
      ['cover footnote (1)', true, 'Holder: row 7 is 162; footnote (1) printed on it enumerates 81 + 81 = 162'],
      ['cover footnote (1)', true, 'Holder: row 9 is 162; footnote (1) printed on it enumerates 81 + 81 = 162'],
      ['cover footnote (1)', true, 'Holder: row 11 is 162; footnote (1) printed on it enumerates 81 + 81 = 162'],
      [
        'cover row 11',
        true,
        'Holder: row 11 is 162; the footnotes claim 162 (sole voting, row 7) + 0 (shared voting, row 8) = 162',
      ],
    ]);
  });

  it('uses the rows a footnote is printed on, not every row that happens to equal its sum', () => {
    // Given the same figures, with the footnote printed on row 7 only
    const cover = page({
      soleVotingPower: 162,
      sharedVotingPower: 0,
      soleDispositivePower: 162,
      sharedDispositivePower: 0,
      aggregate: 162,
      footnotes: [footnote('1', 'Represents (i) 81 shares and (ii) 81 shares issuable on options.', [7])],
    });
    // When checked, Then row 7 only, and row 11 against 162 + 0
    expect(checksOf((add) => footnoteChecks(add, cover, 'Holder')).map((c) => c.item)).toEqual([
      'cover footnote (1)',
      'cover row 11',
    ]);
  });

  it('finds a footnote whose sum matches none of rows 7-11', () => {
    // Given a footnote (rows not known) enumerating 60 + 40 = 100 on a page whose rows are 162 and 0
    const cover = page({
      soleVotingPower: 162,
      sharedVotingPower: 0,
      soleDispositivePower: 162,
      sharedDispositivePower: 0,
      aggregate: 162,
      footnotes: [footnote('a', 'Represents (i) 60 shares and (ii) 40 shares.', null)],
    });
    // When checked, Then one finding, with row 11 as the figure reported, and no row 11 check (no claim on 7 or 8)
    expect(checksOf((add) => footnoteChecks(add, cover, 'Holder'))).toEqual([
      {
        ok: false,
        kind: 'footnote-sum',
        personId: 'holder',
        item: 'cover footnote (a)',
        reported: 162,
        computed: 60 + 40,
        message: 'Holder: footnote (a) enumerates 60 + 40 = 100 shares, which matches none of rows 7-11',
      },
    ]);
  });

  it('finds a footnote printed on a row the partial page does not state, with no aggregate to report', () => {
    // Given a 13D/A page restating only row 7 (50), with a footnote printed on row 11, which it leaves out
    const cover = page({
      soleVotingPower: 50,
      footnotes: [footnote('2', 'Represents (i) 30 shares and (ii) 20 shares.', [11])],
    });
    // When checked, Then it matches none of the rows stated, and the figure reported is null (no row 11)
    expect(checksOf((add) => footnoteChecks(add, cover, 'Holder'))).toEqual([
      {
        ok: false,
        kind: 'footnote-sum',
        personId: 'holder',
        item: 'cover footnote (2)',
        reported: null,
        computed: 30 + 20,
        message: 'Holder: footnote (2) enumerates 30 + 20 = 50 shares, which matches none of rows 7-11',
      },
    ]);
  });

  it('checks rows 7 and 8 of a partial page without row 11, and makes no row 11 check', () => {
    // Given a page restating rows 7 (300 = 100 + 200) and 8 (50 = 20 + 30) with footnotes, but not row 11
    const cover = page({
      soleVotingPower: 300,
      sharedVotingPower: 50,
      footnotes: [
        footnote('1', 'Represents (i) 100 shares and (ii) 200 shares.', [7]),
        footnote('2', 'Represents (i) 20 shares and (ii) 30 shares.', [8]),
      ],
    });
    // When checked, Then the two rows hold and nothing is said of row 11
    expect(checksOf((add) => footnoteChecks(add, cover, 'Holder')).map((c) => [c.message, c.ok])).toEqual([
      ['Holder: row 7 is 300; footnote (1) printed on it enumerates 100 + 200 = 300', true],
      ['Holder: row 8 is 50; footnote (2) printed on it enumerates 20 + 30 = 50', true],
    ]);
  });

  it('skips a footnote that enumerates nothing and checks the ones after it', () => {
    // Given footnote (1) that lists no shares, then footnote (2) enumerating 81 + 81 = 162 on row 7 (row 8 is 0)
    const cover = page({
      soleVotingPower: 162,
      sharedVotingPower: 0,
      aggregate: 162,
      footnotes: [
        footnote('1', 'The Reporting Person disclaims beneficial ownership except to the extent of its interest.', [7]),
        footnote('2', 'Represents (i) 81 shares and (ii) 81 shares issuable on options.', [7]),
      ],
    });
    // When checked, Then only footnote (2) is checked, and row 11 against 162 + 0
    expect(checksOf((add) => footnoteChecks(add, cover, 'Holder')).map((c) => c.item)).toEqual([
      'cover footnote (2)',
      'cover row 11',
    ]);
  });

  it('checks nothing on a partial page that states no footnotes', () => {
    expect(checksOf((add) => footnoteChecks(add, page({ soleVotingPower: 0, aggregate: 10 }), 'Holder'))).toEqual([]);
  });
});

describe('item5BreakdownCheck: Item 5(a) "beneficially own N Shares, consisting of ..."', () => {
  const check = (aggregate: number, quote: string) =>
    checksOf((add) => item5BreakdownCheck(add, 'horne', 'Mr. Horne', aggregate, quote));

  it('holds when the parts add up to the total and the total is the aggregate Item 5 reports', () => {
    // 81 + 81 = 162 = the aggregate
    expect(
      check(162, 'He may be deemed to beneficially own 162 Shares, consisting of (i) 81 Shares and (ii) 81 Shares.'),
    ).toEqual([
      {
        ok: true,
        kind: 'item-5-breakdown',
        personId: 'horne',
        item: '5(a)',
        reported: 162,
        computed: 162,
        message: 'Mr. Horne: Item 5(a) states 162 Shares, consisting of 81 + 81 = 162',
      },
    ]);
  });

  it('finds a total that adds up but is not the aggregate reported, and names both', () => {
    // 82 + 81 = 163 = the total stated, but Item 5 reports 162
    expect(
      check(162, 'He may be deemed to beneficially own 163 Shares, consisting of (i) 82 Shares and (ii) 81 Shares.'),
    ).toEqual([
      {
        ok: false,
        kind: 'item-5-breakdown',
        personId: 'horne',
        item: '5(a)',
        reported: 163,
        computed: 82 + 81,
        message: 'Mr. Horne: Item 5(a) states 163 Shares (aggregate reported 162), consisting of 82 + 81 = 163',
      },
    ]);
  });

  it('finds parts that do not add up to the total', () => {
    // 81 + 80 = 161, against 162 stated and reported
    expect(
      check(162, 'He may be deemed to beneficially own 162 Shares, consisting of (i) 81 Shares and (ii) 80 Shares.'),
    ).toMatchObject([
      {
        ok: false,
        reported: 162,
        computed: 81 + 80,
        message: 'Mr. Horne: Item 5(a) states 162 Shares, consisting of 81 + 80 = 161',
      },
    ]);
  });

  it('takes the aggregate as the total when the breakdown states none', () => {
    // 2,245 + 81 = 2,326 against the aggregate 2,326, then against 2,400
    expect(check(2_326, 'Represents (i) 2,245 shares and (ii) 81 shares.')).toMatchObject([
      {
        ok: true,
        reported: 2_326,
        computed: 2_326,
        message: 'Mr. Horne: Item 5(a) states 2,326 Shares, consisting of 2,245 + 81 = 2,326',
      },
    ]);
    expect(check(2_400, 'Represents (i) 2,245 shares and (ii) 81 shares.')).toMatchObject([
      { ok: false, reported: 2_400, computed: 2_245 + 81 },
    ]);
  });

  it('checks nothing when Item 5(a) gives no breakdown', () => {
    expect(check(162, 'He may be deemed to beneficially own 162 Shares.')).toEqual([]);
  });
});

describe('denominatorNotStated: what the percents imply when no shares outstanding are stated', () => {
  // A percent printed at d decimals is within h = 0.5 x 10^-d of the true one, so the denominator is within
  // [ceil(aggregate x 100 / (p + h)), floor(aggregate x 100 / (p - h))].
  // 1,000,000 at "12.0%": [ceil(100,000,000 / 12.05), floor(100,000,000 / 11.95)] = [ceil(8,298,755.19),
  // floor(8,368,200.84)] = [8,298,756, 8,368,200]
  const twelve = page({ aggregate: 1_000_000, percentOfClass: value('12.0%') }, 'fund');
  // 500,000 at "6.00% " (as read, with a trailing space): [ceil(50,000,000 / 6.005), floor(50,000,000 / 5.995)] =
  // [ceil(8,326,394.67), floor(8,340,283.57)] = [8,326,395, 8,340,283]
  const six = page({ aggregate: 500_000, percentOfClass: value('6.00% ') }, 'gp');
  const run = (...covers: StatedRows[]) =>
    checksOf((add) =>
      denominatorNotStated(
        add,
        covers.map((cover) => ({ cover, who: cover.name })),
      ),
    );

  it('says each percent cannot be checked, and the denominator it implies', () => {
    expect(run(twelve)).toEqual([
      {
        ok: false,
        kind: 'percent-denominator-not-stated',
        personId: 'fund',
        item: 'cover row 13',
        reported: '12.0%',
        computed: null,
        message:
          'FUND: 1,000,000 shares stated as 12.0%, but the filing states no shares outstanding, so the percent cannot be ' +
          'checked; it implies a denominator (shares outstanding + own rights) of 8,298,756 to 8,368,200',
      },
    ]);
  });

  it('prints a percent read without "%" or with stray spaces as one percent', () => {
    // " 7.7" (XML style, a leading space): 1,640,000 / 7.75% = 21,161,290.3 (up: 21,161,291) to 1,640,000 / 7.65% =
    // 21,437,908.5 (down: 21,437,908)
    const xml = page({ aggregate: 1_640_000, percentOfClass: value(' 7.7') }, 'kestrel');
    const [k, s] = run(xml, six);
    expect(k!.message).toBe(
      'KESTREL: 1,640,000 shares stated as 7.7%, but the filing states no shares outstanding, so the percent cannot be ' +
        'checked; it implies a denominator (shares outstanding + own rights) of 21,161,291 to 21,437,908',
    );
    expect(s!.message).toContain('500,000 shares stated as 6.00%, but');
    expect(s!.message).toContain('of 8,326,395 to 8,340,283');
    expect([k!.reported, s!.reported]).toEqual([' 7.7', '6.00% ']);
  });

  it('says the percents fit one denominator: the largest low to the smallest high', () => {
    // max(8,298,756, 8,326,395) = 8,326,395; min(8,368,200, 8,340,283) = 8,340,283
    const checks = run(twelve, six);
    expect(checks.map((c) => c.kind)).toEqual([
      'percent-denominator-not-stated',
      'percent-denominator-not-stated',
      'percent-arithmetic',
    ]);
    expect(checks[2]).toEqual({
      ok: true,
      kind: 'percent-arithmetic',
      personId: null,
      item: 'cover row 13',
      reported: '12.0%, 6.00% ',
      computed: '8326395-8340283',
      message:
        "the percents of FUND (12.0%), GP (6.00%) fit one denominator between 8,326,395 and 8,340,283 (if no one's own " +
        'rights differ)',
    });
  });

  it('says they fit when the ranges meet at a single denominator', () => {
    // 841,004 at "10.0%": [ceil(84,100,400 / 10.05), floor(84,100,400 / 9.95)] = [ceil(8,368,199.005),
    // floor(8,452,301.5)] = [8,368,200, 8,452,301]; with "12.0%"'s [8,298,756, 8,368,200] they meet at 8,368,200
    const ten = page({ aggregate: 841_004, percentOfClass: value('10.0%') }, 'manager');
    const [, second, both] = run(twelve, ten);
    expect(second!.message).toContain('of 8,368,200 to 8,452,301');
    expect(both).toMatchObject({
      ok: true,
      computed: '8368200-8368200',
      message:
        "the percents of FUND (12.0%), MANAGER (10.0%) fit one denominator between 8,368,200 and 8,368,200 (if no one's " +
        'own rights differ)',
    });
  });

  it('finds percents whose denominators do not overlap', () => {
    // 1,000,000 at "11.0%": [ceil(100,000,000 / 11.05), floor(100,000,000 / 10.95)] = [9,049,774, 9,132,420], above
    // "12.0%"'s high of 8,368,200
    const eleven = page({ aggregate: 1_000_000, percentOfClass: value('11.0%') }, 'other');
    const [, second, both] = run(twelve, eleven);
    expect(second!.message).toContain('of 9,049,774 to 9,132,420');
    expect(both).toEqual({
      ok: false,
      kind: 'percent-arithmetic',
      personId: null,
      item: 'cover row 13',
      reported: '12.0%, 11.0%',
      computed: null,
      message:
        'the percents of FUND (12.0%), OTHER (11.0%) imply denominators that do not overlap; with no rights held they ' +
        'cannot all be right',
    });
  });

  it('leaves out pages with no aggregate, no percent, a "Less than" percent or 0%, and compares no single percent', () => {
    // Given one checkable page and four that give nothing to divide
    const checks = run(
      twelve,
      page({ percentOfClass: value('5.0%') }, 'no-aggregate'),
      page({ aggregate: 10_000 }, 'no-percent'),
      page({ aggregate: 10_000, percentOfClass: LESS_THAN_1 }, 'less-than'),
      page({ aggregate: 0, percentOfClass: value('0.0%') }, 'none'),
    );
    // Then only the "12.0%" page is reported, and nothing is compared with it
    expect(checks.map((c) => [c.kind, c.personId])).toEqual([['percent-denominator-not-stated', 'fund']]);
  });
});

describe('percentAgainstOutstanding: a percent against the count outstanding, no breakdown of own rights', () => {
  // 1,000,000 at "12.0%" fits a denominator in [8,298,756, 8,368,200] (see above)
  const twelve = page({ aggregate: 1_000_000, percentOfClass: value('12.0%') }, 'fund');
  const check = (cover: StatedRows, outstanding: number) =>
    checksOf((add) => percentAgainstOutstanding(add, cover, 'Fund', outstanding));

  it('holds with no rights at the highest count the percent allows', () => {
    // 1,000,000 / 8,368,200 = 11.950001%, "12.0" at one decimal
    expect(check(twelve, 8_368_200)).toEqual([
      {
        ok: true,
        kind: 'percent-arithmetic',
        personId: 'fund',
        item: 'cover row 13',
        reported: '12.0%',
        computed: 11.95,
        message:
          'Fund: 1,000,000 / 8,368,200 outstanding = 11.95%, against 12.0%: consistent, with no rights to acquire counted',
      },
    ]);
  });

  it('finds the percent too high one share above that count, whatever the rights', () => {
    // 1,000,000 / 8,368,201 = 11.9499998%, "11.9" at one decimal: more rights only lower it further
    expect(check(twelve, 8_368_201)).toEqual([
      {
        ok: false,
        kind: 'percent-arithmetic',
        personId: 'fund',
        item: 'cover row 13',
        reported: '12.0%',
        computed: 11.95,
        message:
          'Fund: 1,000,000 / 8,368,201 outstanding = 11.95%, against 12.0%: too high for that count even with no rights ' +
          'to acquire (it implies at most 8,368,200 shares in the denominator)',
      },
    ]);
  });

  it('holds with no rights at the lowest count the percent allows', () => {
    // 1,000,000 / 8,298,756 = 12.049999%, "12.0" at one decimal
    expect(check(twelve, 8_298_756)).toMatchObject([
      {
        ok: true,
        computed: 12.05,
        message:
          'Fund: 1,000,000 / 8,298,756 outstanding = 12.05%, against 12.0%: consistent, with no rights to acquire counted',
      },
    ]);
  });

  it('holds one share below it only if own rights fill the denominator, and says how many', () => {
    // 1,000,000 / 8,298,755 = 12.0500003%, "12.1": rights of 8,298,756 - 8,298,755 = 1 to 8,368,200 - 8,298,755 =
    // 69,445 shares bring it into [8,298,756, 8,368,200]
    expect(check(twelve, 8_298_755)).toEqual([
      {
        ok: true,
        kind: 'percent-arithmetic',
        personId: 'fund',
        item: 'cover row 13',
        reported: '12.0%',
        computed: 12.05,
        message:
          "Fund: 1,000,000 / 8,298,755 outstanding = 12.05%, against 12.0%: consistent only if the person's own rights " +
          'to acquire add 1 to 69,445 shares to the denominator (not broken down by the filing)',
      },
    ]);
  });

  it('prints a percent read without "%" once, and checks it at the decimals printed', () => {
    // "9.90" (two decimals): 990,000 / 10,000,000 = 9.9%, in [ceil(99,000,000 / 9.905), floor(99,000,000 / 9.895)] =
    // [9,994,953, 10,005,053]
    const [c] = check(page({ aggregate: 990_000, percentOfClass: value('9.90') }), 10_000_000);
    expect(c!.message).toBe(
      'Fund: 990,000 / 10,000,000 outstanding = 9.9%, against 9.90%: consistent, with no rights to acquire counted',
    );
  });

  it('checks nothing without an aggregate, without a percent, for a "Less than" percent or for 0%', () => {
    const pages = [
      page({ percentOfClass: value('12.0%') }),
      page({ aggregate: 1_000_000 }),
      page({ aggregate: 1_000_000, percentOfClass: LESS_THAN_1 }),
      page({ aggregate: 0, percentOfClass: value('0%') }),
    ];
    expect(pages.flatMap((p) => check(p, 10_000_000))).toEqual([]);
  });
});
