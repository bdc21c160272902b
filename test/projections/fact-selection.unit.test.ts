import { describe, expect, it } from 'vitest';
import { compareFacts, effectiveBy, sameContent, type Fact } from '../../projections/timeline/facts.js';
import {
  parseAccessionNumber,
  type AccessionNumber,
  type DomainEventInput,
  type FactEvent,
} from '../../src/domain/index.js';
import { givenFacts } from '../support/given-facts.js';
import { on } from './build.js';

// Synthetic: one purchase of 100 shares on 2024-06-17, first disclosed in Amendment No. 8 (filed 2024-07-25) and
// restated in full by Amendment No. 9 (filed 2024-09-03), as amendments restate Item 5(c).
const A8 = parseAccessionNumber('0001213900-24-062810');
const A9 = parseAccessionNumber('0001213900-24-075555');
const filing = (amendmentNumber: number, filedOn: string, accessionNumber: AccessionNumber | null = null) => ({
  ...on('2024-06-17', filedOn),
  source: { amendmentNumber, accessionNumber, filedOn, item: '5(c)', quote: 'purchased 100 shares' },
});
const buy = (where: ReturnType<typeof filing>, shares = 100): DomainEventInput => ({
  type: 'SharesPurchased',
  data: { ...where, personId: 'holder', shares, method: 'open-market', pricePerShare: 1.5, totalPrice: null },
});
const sharesOf = (facts: readonly Fact[]) => facts.map((f) => (f.event.data as { shares: number }).shares);
const retract = (eventId: string): DomainEventInput => ({
  type: 'EventRetracted',
  data: { eventId, reason: 'not a trade' },
});
const correct = (eventId: string, set: Record<string, string | number>, reason: string): DomainEventInput => ({
  type: 'EventCorrected',
  data: { eventId, set, reason },
});

describe('selecting facts', () => {
  describe('when the restatement was recorded before the first disclosure', () => {
    // Given Amendment No. 9's restatement recorded first, then Amendment No. 8's own disclosure
    const given = givenFacts([buy(filing(9, '2024-09-03', A9)), buy(filing(8, '2024-07-25', A8))]);
    const [restatement, first] = given.log;

    it('keeps the earlier filing as the fact and lists the later one as a restatement', () => {
      // When the facts are selected
      const facts = given.facts();
      // Then one fact of 100 shares, Amendment No. 8's, restated by No. 9
      expect(sharesOf(facts)).toEqual([100]);
      expect(facts[0]).toMatchObject({ id: first!.id, corrections: [], restatedByIds: [restatement!.id] });
      expect(facts[0]!.event.data.source.amendmentNumber).toBe(8);
      expect(facts[0]!.alsoDisclosedIn?.map((s) => s.amendmentNumber)).toEqual([9]);
    });

    it('shows the fact from the first filing date on, with no restatement known before 2024-09-03', () => {
      // When the public record is read as filed by 2024-08-01
      const facts = given.facts({ filedBy: '2024-08-01' });
      // Then the fact is Amendment No. 8's, and no later filing restates it yet
      expect(facts.map((f) => f.id)).toEqual([first!.id]);
      expect(facts[0]!.alsoDisclosedIn).toEqual([]);
      expect(facts[0]!.restatedByIds).toEqual([restatement!.id]);
      // And before Amendment No. 8 was filed there is nothing
      expect(given.facts({ filedBy: '2024-07-24' })).toEqual([]);
    });

    it('lists the restatement from the day it was filed', () => {
      // When the public record is read as filed by 2024-09-03, Amendment No. 9's filing date
      const [fact] = given.facts({ filedBy: '2024-09-03' });
      // Then the restatement is listed
      expect(fact!.alsoDisclosedIn?.map((s) => s.amendmentNumber)).toEqual([9]);
    });

    it('leaves a restatement recorded after the recorded-by instant out of the group', () => {
      // Given the restatement recorded a day later than the first disclosure
      const later = givenFacts([buy(filing(8, '2024-07-25', A8))]).and(
        [buy(filing(9, '2024-09-03', A9))],
        '2024-09-04T00:00:00.000Z',
      );
      // When the ledger is read as it stood before that
      const facts = later.facts({ recordedBy: '2024-08-01T00:00:00.000Z' });
      // Then the fact stands alone, no restatement recorded
      expect(facts).toHaveLength(1);
      expect(facts[0]!.restatedByIds).toBeUndefined();
      expect(facts[0]!.alsoDisclosedIn).toBeUndefined();
    });
  });

  describe('when two filings are disclosed on the same day', () => {
    it('keeps the one recorded first', () => {
      // Given Amendments No. 2 and No. 3 both filed on 2024-07-25, No. 3 recorded first
      const given = givenFacts([buy(filing(3, '2024-07-25')), buy(filing(2, '2024-07-25'))]);
      // Then the fact is the one at the earlier position, No. 3's
      const facts = given.facts();
      expect(facts.map((f) => f.id)).toEqual([given.log[0]!.id]);
      expect(facts[0]!.alsoDisclosedIn?.map((s) => s.amendmentNumber)).toEqual([2]);
    });
  });

  describe('when two equal facts carry the same amendment number and filing date', () => {
    it('merges them when their accession numbers differ (two filings)', () => {
      const given = givenFacts([buy(filing(1, '2024-07-25', A8)), buy(filing(1, '2024-07-25', A9))]);
      expect(sharesOf(given.facts())).toEqual([100]);
    });

    it('keeps both when the accession numbers are equal, or either is not known (one filing)', () => {
      expect(
        sharesOf(givenFacts([buy(filing(1, '2024-07-25', A8)), buy(filing(1, '2024-07-25', A8))]).facts()),
      ).toEqual([100, 100]);
      expect(sharesOf(givenFacts([buy(filing(1, '2024-07-25', A8)), buy(filing(1, '2024-07-25'))]).facts())).toEqual([
        100, 100,
      ]);
      expect(sharesOf(givenFacts([buy(filing(1, '2024-07-25')), buy(filing(1, '2024-07-25', A9))]).facts())).toEqual([
        100, 100,
      ]);
    });

    it('keeps a second equal fact of the first filing apart, even when recorded after the restatement', () => {
      // Given Amendment No. 1 disclosing 100 shares, No. 2 restating them, then a second equal closing of No. 1
      const given = givenFacts([
        buy(filing(1, '2024-07-25')),
        buy(filing(2, '2024-08-01')),
        buy(filing(1, '2024-07-25')),
      ]);
      // Then two facts: the first with its restatement, and the second closing
      const facts = given.facts();
      expect(sharesOf(facts)).toEqual([100, 100]);
      expect(facts.map((f) => f.restatedByIds?.length ?? 0)).toEqual([1, 0]);
    });

    it('merges them when the filing date or the amendment number differs (two filings)', () => {
      // Amendment No. 1 filed 2024-07-25 and an Amendment No. 1 filed 2024-07-26 are two filings: one fact
      expect(sharesOf(givenFacts([buy(filing(1, '2024-07-25')), buy(filing(1, '2024-07-26'))]).facts())).toEqual([100]);
      // Amendments No. 1 and No. 2 filed the same day are two filings: one fact
      expect(sharesOf(givenFacts([buy(filing(1, '2024-07-25')), buy(filing(2, '2024-07-25'))]).facts())).toEqual([100]);
    });
  });

  describe('corrections of a restated fact', () => {
    const base = givenFacts([buy(filing(8, '2024-07-25', A8)), buy(filing(9, '2024-09-03', A9))]);
    const [kept, twin] = base.log;

    it("apply every member's corrections of the content, in recorded order", () => {
      // Given the kept disclosure corrected to 150 shares, then its restatement to 175
      const given = base.and([
        correct(kept!.id, { shares: 150 }, 'first'),
        correct(twin!.id, { shares: 175 }, 'second'),
      ]);
      // Then the later correction wins: 175, both reasons listed oldest first
      expect(sharesOf(given.facts())).toEqual([175]);
      expect(given.facts()[0]!.corrections).toEqual(['first', 'second']);
      // And in the other recorded order, 150
      const reversed = base.and([
        correct(twin!.id, { shares: 175 }, 'first'),
        correct(kept!.id, { shares: 150 }, 'second'),
      ]);
      expect(sharesOf(reversed.facts())).toEqual([150]);
    });

    it("ignore a restatement's corrections of its own disclosure, keep the rest of that correction", () => {
      // Given the restatement's filing date and quote corrected, with its shares
      const given = base.and([
        correct(twin!.id, { disclosedOn: '2024-09-04', 'source.quote': 'bought 120', shares: 120 }, 'typo'),
      ]);
      const [fact] = given.facts();
      // Then the shares change; the kept disclosure's date and quote do not
      expect(sharesOf([fact!])).toEqual([120]);
      expect(fact!.event.data.disclosedOn).toBe('2024-07-25');
      expect(fact!.event.data.source.quote).toBe('purchased 100 shares');
      expect(fact!.corrections).toEqual(['typo']);
    });

    it("drop a restatement's correction that only touches its own disclosure", () => {
      const given = base.and([correct(twin!.id, { disclosedOn: '2024-09-04' }, 'date of the restating filing')]);
      expect(given.facts()[0]!.corrections).toEqual([]);
    });

    it("apply the kept disclosure's correction of its own filing date, which the filed-by clock then reads", () => {
      // Given Amendment No. 8's disclosure date corrected to 2024-08-05
      const given = base.and([correct(kept!.id, { disclosedOn: '2024-08-05' }, 'filed later')]);
      // Then filed by 2024-08-01 the fact is not yet public; by 2024-08-05 it is
      expect(given.facts({ filedBy: '2024-08-01' })).toEqual([]);
      expect(sharesOf(given.facts({ filedBy: '2024-08-05' }))).toEqual([100]);
    });
  });

  describe('order', () => {
    const day = (date: string, shares: number) => buy({ ...filing(1, '2024-07-25'), effectiveDate: date }, shares);

    it('sorts a fact whose date is corrected by its corrected date', () => {
      // Given purchases of 1 on 2024-01-10 and 2 on 2024-02-10, the first corrected to 2024-03-01
      const given = givenFacts([day('2024-01-10', 1), day('2024-02-10', 2)]);
      const corrected = given.and([correct(given.log[0]!.id, { effectiveDate: '2024-03-01' }, 'date')]);
      // Then the second comes first
      expect(sharesOf(corrected.facts())).toEqual([2, 1]);
      expect(sharesOf(given.facts())).toEqual([1, 2]);
    });

    it('sorts a merged fact among others of its day by its kept disclosure', () => {
      // Given on one day: a purchase of 5 (position 0), a restatement of 100 (position 1), a purchase of 7 (2),
      // and the first disclosure of the 100 (position 3)
      const given = givenFacts([
        day('2024-06-17', 5),
        buy(filing(9, '2024-09-03', A9)),
        day('2024-06-17', 7),
        buy(filing(8, '2024-07-25', A8)),
      ]);
      // Then the merged fact sorts by its kept member's position, after 5 and 7
      expect(sharesOf(given.facts())).toEqual([5, 7, 100]);
    });

    it('puts definitions before transactions of the same day, and otherwise keeps the recorded order', () => {
      const person: DomainEventInput = {
        type: 'PersonIdentified',
        data: {
          ...filing(1, '2024-07-25'),
          personId: 'holder',
          name: 'Holder',
          kind: 'individual',
          typeOfReportingPerson: ['IN'],
          citizenshipOrPlace: 'U.S.A.',
          cik: null,
        },
      };
      const facts = givenFacts([day('2024-06-17', 3), person, day('2024-06-17', 4)]).facts();
      expect(facts.map((f) => f.event.type)).toEqual(['PersonIdentified', 'SharesPurchased', 'SharesPurchased']);
      expect(sharesOf(facts.slice(1))).toEqual([3, 4]);
      expect(compareFacts(facts[0]!, facts[1]!)).toBeLessThan(0);
      expect(compareFacts(facts[2]!, facts[1]!)).toBeGreaterThan(0);
      expect(compareFacts(facts[1]!, facts[2]!)).toBeLessThan(0);
      expect(compareFacts(facts[1]!, facts[1]!)).toBe(0);
    });
  });

  describe('the retraction clock', () => {
    it('leaves a fact in until the instant its retraction was recorded', () => {
      const given = givenFacts([buy(filing(8, '2024-07-25'))]);
      const retracted = given.and([retract(given.log[0]!.id)], '2024-09-01T00:00:00.000Z');
      expect(sharesOf(retracted.facts({ recordedBy: '2024-08-31T23:59:59.999Z' }))).toEqual([100]);
      expect(retracted.facts({ recordedBy: '2024-09-01T00:00:00.000Z' })).toEqual([]);
      expect(retracted.facts()).toEqual([]);
    });
  });
});

describe('same content', () => {
  const data = filing(8, '2024-07-25').source;
  const event = (fields: Record<string, unknown>) =>
    ({
      type: 'SharesPurchased',
      data: { ...on('2024-06-17', '2024-07-25'), source: data, ...fields },
    }) as unknown as FactEvent;

  it('ignores the disclosure: source, date disclosed and date precision', () => {
    const a = event({ personId: 'p', shares: 1 });
    const b = { ...event({ personId: 'p', shares: 1 }) } as FactEvent;
    (b.data as Record<string, unknown>).source = { ...data, amendmentNumber: 9 };
    (b.data as Record<string, unknown>).disclosedOn = '2024-09-03';
    (b.data as Record<string, unknown>).effectiveDatePrecision = 'on-or-before';
    expect(sameContent(a, b)).toBe(true);
  });

  it('compares nested values by content, whatever their key order', () => {
    expect(sameContent(event({ terms: { a: 1, b: [2, 3] } }), event({ terms: { b: [2, 3], a: 1 } }))).toBe(true);
    expect(sameContent(event({ terms: { a: 1, b: [2, 3] } }), event({ terms: { a: 1, b: [3, 2] } }))).toBe(false);
  });

  it('tells a value from null and from an object', () => {
    expect(sameContent(event({ price: null }), event({ price: { value: 1 } }))).toBe(false);
    expect(sameContent(event({ price: { value: 1 } }), event({ price: null }))).toBe(false);
    expect(sameContent(event({ price: 1 }), event({ price: { value: 1 } }))).toBe(false);
    expect(sameContent(event({ price: 1 }), event({ price: 2 }))).toBe(false);
  });

  it('reads a field set to undefined as absent, and a field only one has as a difference', () => {
    expect(sameContent(event({ shares: 1, note: undefined }), event({ shares: 1 }))).toBe(true);
    expect(sameContent(event({ shares: 1 }), event({ shares: 1, note: undefined }))).toBe(true);
    expect(sameContent(event({ shares: 1 }), event({ shares: 1, note: 'x' }))).toBe(false);
    expect(sameContent(event({ shares: 1, note: 'x' }), event({ shares: 1 }))).toBe(false);
  });

  it('tells two types apart', () => {
    const sale = { ...event({ shares: 1 }), type: 'SharesSold' } as FactEvent;
    expect(sameContent(event({ shares: 1 }), sale)).toBe(false);
  });
});

describe('facts effective by a date', () => {
  const day = (date: string, shares: number) => buy({ ...filing(1, '2024-07-25'), effectiveDate: date }, shares);
  const facts = givenFacts([
    day('2024-01-10', 1),
    day('2024-02-10', 2),
    day('2024-02-10', 3),
    day('2024-03-10', 4),
  ]).facts();

  it('is the prefix effective on or before the date', () => {
    expect(sharesOf(effectiveBy(facts, '2024-01-09'))).toEqual([]);
    expect(sharesOf(effectiveBy(facts, '2024-01-10'))).toEqual([1]);
    expect(sharesOf(effectiveBy(facts, '2024-02-09'))).toEqual([1]);
    expect(sharesOf(effectiveBy(facts, '2024-02-10'))).toEqual([1, 2, 3]);
    expect(sharesOf(effectiveBy(facts, '2024-03-09'))).toEqual([1, 2, 3]);
    expect(effectiveBy(facts, '2024-03-10')).toBe(facts);
    expect(effectiveBy([], '2024-03-10')).toEqual([]);
  });
});
