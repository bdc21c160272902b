import { describe, expect, it } from 'vitest';
import { selectFacts } from '../../projections/timeline/facts.js';
import { statementAt } from '../../projections/views/statement.js';
import { sampleEnvelopes } from './build.js';

describe('the statement as it stood after Amendment No. 8', () => {
  // The bundled history: the original and Amendments No. 1-7 are known by date only (their contents are not at
  // hand); Amendment No. 8 restates Items 2, 3, 5, 6 and 7 ("Items 2, 3, 5, 6 and 7 are hereby amended and restated")
  it('lists Items 1-7, each restated one clear of the filings not at hand, the others possibly changed by them', () => {
    const view = statementAt(selectFacts(sampleEnvelopes()), '2024-07-24');
    const items = view.items.map((i) => [i.item, i.lastChangedBy, i.possiblyChangedByUnknownFilings.length]);
    expect(items.map(([item]) => item)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(view.items[0]!.possiblyChangedByUnknownFilings.at(-1)).toBe('Amendment No. 7');
    for (const [item, lastChangedBy, unknown] of items) {
      if (['2', '3', '5', '6', '7'].includes(item as string))
        expect([item, lastChangedBy, unknown]).toEqual([item, 'Amendment No. 8', 0]);
      // The original and Amendments No. 1-7: 1 + 7 = 8 filings of unknown contents
      else expect([item, lastChangedBy, unknown]).toEqual([item, null, 8]);
    }
  });
});
