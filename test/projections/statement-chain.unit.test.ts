import { describe, expect, it } from 'vitest';
import { inChainOrder, knownOverUnknown, statementFold, type FiledFact } from '../../projections/folds/statements.js';
import type { Fact } from '../../projections/timeline/facts.js';
import { foldContext } from '../../projections/timeline/fold-context.js';
import { cusipCheckDigit, parseCusip, type DomainEventInput } from '../../src/domain/index.js';
import { givenFacts } from '../support/given-facts.js';
import { on } from './build.js';

// Synthetic filings of one chain: amendment N filed on 2024-0N-15.
interface Filing {
  contentsKnown?: boolean;
  noticeContact?: { name: string; address: string; careOf: null; phone: null } | null;
  addresses?: string[];
  items?: { item: string; change: 'restated' | 'amended' | 'supplemented'; summary: null }[];
}
const filing = (amendmentNumber: number, f: Filing = {}): DomainEventInput => {
  const filedOn = `2024-0${amendmentNumber}-15`;
  return {
    type: 'StatementFiled',
    data: {
      ...on(filedOn),
      issuer: { name: 'Example Issuer, Inc.', cusip: parseCusip(`99999X10${cusipCheckDigit('99999X10')}`), cik: null },
      classTitle: 'Common Stock',
      amendmentNumber,
      accessionNumber: null,
      eventDate: filedOn,
      filedOn,
      contentsKnown: f.contentsKnown ?? true,
      items: f.items ?? [],
      coverPages: [],
      noticeContact: f.noticeContact ?? null,
      businessAddresses: (f.addresses ?? []).map((address) => ({ personId: 'fund', address, careOf: null })),
      previousAccessionNumber: null,
      filedOnFrom: null,
      partialCoverPages: [],
      readingDoubts: [],
    },
  };
};
const amendmentsOf = (facts: readonly Fact[]) =>
  facts.map((f) => (f.event.type === 'StatementFiled' ? f.event.data.amendmentNumber : f.event.type));
const fold = (facts: readonly Fact[]) =>
  facts.reduce((s, f) => statementFold.evolve(s, f, foldContext(facts)), statementFold.initialState());
const purchase: DomainEventInput = {
  type: 'SharesPurchased',
  data: { ...on('2024-02-20'), personId: 'fund', shares: 1, method: 'open-market', pricePerShare: 1, totalPrice: null },
};

describe('the statements of a chain', () => {
  it('fold a filing known by date only and later read in full as one filing: the one read', () => {
    // Given Amendment No. 1 named by a later preamble (contents unknown), then its own text ingested
    const given = givenFacts([filing(1, { contentsKnown: false }), filing(1), filing(2), purchase]);
    const kept = knownOverUnknown(given.facts());
    expect(amendmentsOf(kept)).toEqual([1, 2, 'SharesPurchased']);
    expect(kept.every((f) => f.event.type !== 'StatementFiled' || f.event.data.contentsKnown)).toBe(true);
    // And a filing known by date only, with no text ingested, stays
    expect(
      amendmentsOf(knownOverUnknown(givenFacts([filing(1, { contentsKnown: false }), filing(2)]).facts())),
    ).toEqual([1, 2]);
  });

  it('come in amendment order, the input left as it was', () => {
    const facts = givenFacts([filing(3), filing(1), filing(2)]).facts() as FiledFact[];
    const byRecord = [...facts].sort((a, b) => a.position - b.position);
    expect(amendmentsOf(inChainOrder(byRecord))).toEqual([1, 2, 3]);
    expect(amendmentsOf(byRecord)).toEqual([3, 1, 2]);
  });

  it('keep the notice contact and Item 2(b) addresses of an earlier filing that a later one does not state', () => {
    const contact = { name: 'General Counsel', address: '11 Main St', careOf: null, phone: null };
    const facts = givenFacts([
      filing(1, { noticeContact: contact, addresses: ['11 Main St, Suite 240'] }),
      filing(2),
    ]).facts();
    const state = fold(facts);
    expect(state.noticeContact).toEqual(contact);
    expect(state.businessAddresses.map((a) => a.address)).toEqual(['11 Main St, Suite 240']);
    // And a later filing that states them replaces them
    const later = fold(
      givenFacts([
        filing(1, { noticeContact: contact, addresses: ['11 Main St, Suite 240'] }),
        filing(2, { noticeContact: { ...contact, name: 'Secretary' }, addresses: ['11 Main St, Suite 330'] }),
      ]).facts(),
    );
    expect([later.noticeContact?.name, later.businessAddresses.map((a) => a.address)]).toEqual([
      'Secretary',
      ['11 Main St, Suite 330'],
    ]);
  });

  it('start empty, and pass over any other fact', () => {
    const start = statementFold.initialState();
    expect([
      start.filings,
      start.coverPages,
      start.coverPagesWithoutBase,
      start.businessAddresses,
      start.noticeContact,
    ]).toEqual([[], [], [], [], null]);
    const facts = givenFacts([purchase]).facts();
    expect(statementFold.evolve(start, facts[0]!, foldContext(facts))).toBe(start);
  });

  it('keep an unknown filing among the possible changes of an item only amended or supplemented since', () => {
    // Given Amendment No. 1 not at hand, No. 2 amending Item 4 and restating Item 5, No. 3 adding Schedule A
    const state = fold(
      givenFacts([
        filing(1, { contentsKnown: false }),
        filing(2, {
          items: [
            { item: '4', change: 'amended', summary: null },
            { item: '5', change: 'restated', summary: null },
          ],
        }),
        filing(3, { items: [{ item: 'Schedule A', change: 'supplemented', summary: null }] }),
      ]).facts(),
    );
    const item = (key: string) => state.items.get(key)!;
    expect([item('4').lastChangedBy, item('4').possiblyChangedByUnknownFilings]).toEqual([
      'Amendment No. 2',
      ['Amendment No. 1'],
    ]);
    expect([item('5').lastChangedBy, item('5').possiblyChangedByUnknownFilings]).toEqual(['Amendment No. 2', []]);
    expect(item('Schedule A')).toMatchObject({
      item: 'Schedule A',
      lastChangedBy: 'Amendment No. 3',
      change: 'supplemented',
      possiblyChangedByUnknownFilings: [],
    });
  });
});
