import { describe, expect, it } from 'vitest';
import { percentAgainstOutstanding, type AddCheck } from '../../projections/views/reconciliation-checks.js';

type Check = Parameters<AddCheck>[1] & { ok: boolean };

function check(aggregate: number, percentText: string, outstanding: number): Check[] {
  const checks: Check[] = [];
  const value = Number(percentText.replace('%', ''));
  percentAgainstOutstanding(
    (ok, finding) => checks.push({ ok, ...finding }),
    { personId: 'holder', name: 'Holder', aggregate, percentOfClass: { kind: 'value', value, text: percentText } },
    'Holder',
    outstanding,
  );
  return checks;
}

describe('a percent against the shares outstanding the filing states, with no breakdown of own rights', () => {
  it('holds with no rights when aggregate / outstanding rounds to the percent printed', () => {
    // 11,236,409 / 96,038,909 = 11.6999%, "11.7%" at one decimal
    const [c] = check(11_236_409, '11.7%', 96_038_909);
    expect(c).toMatchObject({
      ok: true,
      computed: 11.6999,
      message:
        'Holder: 11,236,409 / 96,038,909 outstanding = 11.6999%, against 11.7%: consistent, with no rights to acquire counted',
    });
  });

  it('says which own rights would make it hold when the percent is higher than aggregate / outstanding', () => {
    // "53.88%" of 19,717,461 puts the denominator in [ceil(1,971,746,100 / 53.885), floor(1,971,746,100 / 53.875)] =
    // [36,591,744, 36,598,535];
    // minus 30,442,101 outstanding: rights of 6,149,643 to 6,156,434 (the filing's footnote adds 594,098 + 5,559,610 =
    // 6,153,708)
    const [c] = check(19_717_461, '53.88%', 30_442_101);
    expect(c!.ok).toBe(true);
    expect(c!.message).toMatch(
      /consistent only if the person's own rights to acquire add 6,149,643 to 6,156,434 shares to the denominator/,
    );
  });

  it('finds a percent too high for the count outstanding, whatever the rights', () => {
    // 1,000,000 as "12.0%" needs a denominator of at most floor(100,000,000 / 11.95) = 8,368,200 < 10,000,000
    // outstanding
    const [c] = check(1_000_000, '12.0%', 10_000_000);
    expect(c).toMatchObject({
      ok: false,
      kind: 'percent-arithmetic',
      item: 'cover row 13',
      reported: '12.0%',
      computed: 10,
    });
    expect(c!.message).toMatch(
      /too high for that count even with no rights to acquire \(it implies at most 8,368,200 shares in the denominator\)/,
    );
  });
});
