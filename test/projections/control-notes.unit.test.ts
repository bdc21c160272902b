import { describe, expect, it } from 'vitest';
import { withControlNotes } from '../../projections/views/control-notes.js';
import { holdingsAt } from '../../projections/views/holdings-at.js';
import type { Holder, HoldingsView } from '../../projections/views/holdings.js';
import type { ControlFact, PreparedFacts } from '../../projections/timeline/prepared-facts.js';
import { selectFacts } from '../../projections/timeline/facts.js';
import { envelopes, on } from './build.js';

// A synthetic issuer's holders on 2024-03-10: an individual ("ault"), the company he controls ("company"), a second
// company he controls ("fund") and an unrelated holder ("other"). The view and "ault" already carry a note each.
const holder = (personId: string, notes: string[] = []): Holder => ({
  personId,
  name: personId,
  securities: [],
  sharesOwned: { direct: 1_000, indirect: 0 },
  rightsCounted: 0,
  aggregate: 1_000,
  percentOfClass: 1,
  percentOfClassReason: null,
  soleVotingPower: 1_000,
  sharedVotingPower: 0,
  soleDispositivePower: 1_000,
  sharedDispositivePower: 0,
  basis: 'transactions',
  controlledEntities: [],
  unexplainedDifferences: [],
  notes,
  breakdownKnown: true,
  reportedFigures: null,
  differsFromReported: [],
});
const OWN_NOTE = 'an earlier note on ault';
const VIEW_NOTE = 'an earlier note on the view';
const viewOn = (asOf: string): HoldingsView => ({
  asOf,
  sharesOutstanding: null,
  holders: [holder('ault', [OWN_NOTE]), holder('company'), holder('fund'), holder('other')],
  shareBasis: 'as-reported',
  shareBasisAdjustment: null,
  shareBasisNote: 'share basis: as reported',
  notes: [VIEW_NOTE],
});
const control = (
  controllerId: string,
  entityId: string,
  effectiveDate: string,
  precision: ControlFact['precision'],
): ControlFact => ({ controllerId, entityId, effectiveDate, precision, filing: 8 });
const NAMES = new Map([
  ['ault', 'Milton C. Ault, III'],
  ['company', 'Ault & Company, Inc.'],
  ['fund', 'Ault Fund LP'],
]);
const prepared = (controls: ControlFact[], names: ReadonlyMap<string, string> = NAMES): PreparedFacts => ({
  facts: [],
  effectiveDates: [],
  names,
  titles: new Map(),
  controls,
  splits: [],
  statements: [],
  ownershipReports: [],
});
const COMPANY_LINE =
  `Milton C. Ault, III's control of Ault & Company, Inc. is known only from 2024-07-23 ` +
  `(stated "on or before" that date); before it, Ault & Company, Inc.'s holdings are not attributed to Milton C. Ault, III`;
const FUND_LINE =
  `Milton C. Ault, III's control of Ault Fund LP is known only from 2024-08-15 ` +
  `(stated "on or before" that date); before it, Ault Fund LP's holdings are not attributed to Milton C. Ault, III`;

describe('control known only from a date, on holdings before it', () => {
  it('says so on the controller, on the entity and on the view, after the notes they had', () => {
    // Given control stated "on or before" 2024-07-23, and a view of 2024-03-10 (before it)
    const view = viewOn('2024-03-10');
    // When the notes are added
    const noted = withControlNotes(view, prepared([control('ault', 'company', '2024-07-23', 'on-or-before')]));
    // Then both persons of the relationship carry the line, the unrelated holders nothing more
    expect(noted.holders.map((h) => [h.personId, h.notes])).toEqual([
      ['ault', [OWN_NOTE, COMPANY_LINE]],
      ['company', [COMPANY_LINE]],
      ['fund', []],
      ['other', []],
    ]);
    expect(noted.notes).toEqual([VIEW_NOTE, COMPANY_LINE]);
    // And the rest of the view and of each holder is as it was
    expect({ ...noted, holders: [], notes: [] }).toEqual({ ...view, holders: [], notes: [] });
    expect(noted.holders[0]).toEqual({ ...view.holders[0], notes: [OWN_NOTE, COMPANY_LINE] });
    expect(noted.holders[3]).toBe(view.holders[3]);
  });

  it('leaves the view it was given unchanged', () => {
    const view = viewOn('2024-03-10');
    withControlNotes(view, prepared([control('ault', 'company', '2024-07-23', 'on-or-before')]));
    expect(view.notes).toEqual([VIEW_NOTE]);
    expect(view.holders[0]!.notes).toEqual([OWN_NOTE]);
  });

  it('gives each relationship its own line, in fold order, a controller of two entities carrying both', () => {
    // Given two "on or before" controls after the view's date, and an exact one after it (not pending)
    const noted = withControlNotes(
      viewOn('2024-03-10'),
      prepared([
        control('ault', 'company', '2024-07-23', 'on-or-before'),
        control('other', 'fund', '2024-07-23', 'exact'),
        control('ault', 'fund', '2024-08-15', 'on-or-before'),
      ]),
    );
    expect(noted.holders.map((h) => [h.personId, h.notes])).toEqual([
      ['ault', [OWN_NOTE, COMPANY_LINE, FUND_LINE]],
      ['company', [COMPANY_LINE]],
      ['fund', [FUND_LINE]],
      ['other', []],
    ]);
    expect(noted.notes).toEqual([VIEW_NOTE, COMPANY_LINE, FUND_LINE]);
  });

  it('names a person without a known name by its id', () => {
    // Given no names known for "ault" nor "company"
    const noted = withControlNotes(
      viewOn('2024-03-10'),
      prepared([control('ault', 'company', '2024-07-23', 'on-or-before')], new Map([['fund', 'Ault Fund LP']])),
    );
    const line =
      `ault's control of company is known only from 2024-07-23 (stated "on or before" that date); ` +
      `before it, company's holdings are not attributed to ault`;
    expect(noted.notes).toEqual([VIEW_NOTE, line]);
    expect(noted.holders[1]!.notes).toEqual([line]);
  });

  it('notes the view alone when neither person is a holder', () => {
    const noted = withControlNotes(
      viewOn('2024-03-10'),
      prepared([control('parent', 'subsidiary', '2024-07-23', 'on-or-before')]),
    );
    expect(noted.notes).toHaveLength(2);
    expect(noted.notes[1]).toMatch(/^parent's control of subsidiary is known only from 2024-07-23/);
    expect(noted.holders.map((h) => h.notes)).toEqual([[OWN_NOTE], [], [], []]);
  });
});

describe('control needing no note', () => {
  it('on its own date: control "on or before" 2024-07-23 held on 2024-07-23, the view is returned as it is', () => {
    const view = viewOn('2024-07-23');
    expect(withControlNotes(view, prepared([control('ault', 'company', '2024-07-23', 'on-or-before')]))).toBe(view);
  });

  it('after its date', () => {
    const view = viewOn('2024-07-24');
    expect(withControlNotes(view, prepared([control('ault', 'company', '2024-07-23', 'on-or-before')]))).toBe(view);
  });

  it('when its date is exact, even before it', () => {
    const view = viewOn('2024-03-10');
    expect(withControlNotes(view, prepared([control('ault', 'company', '2024-07-23', 'exact')]))).toBe(view);
  });

  it('when no control is known', () => {
    const view = viewOn('2024-03-10');
    expect(withControlNotes(view, prepared([]))).toBe(view);
  });
});

describe('control notes in holdings at a date', () => {
  // Given the company bought 1,000 shares on 2024-01-02, and its control by ault is stated "on or before" 2024-07-23
  const facts = selectFacts(
    envelopes([
      {
        type: 'PersonIdentified',
        data: {
          ...on('2024-01-01'),
          personId: 'company',
          name: 'Ault & Company, Inc.',
          kind: 'entity',
          typeOfReportingPerson: ['CO'],
          citizenshipOrPlace: 'Delaware',
          cik: null,
        },
      },
      {
        type: 'PersonIdentified',
        data: {
          ...on('2024-01-01'),
          personId: 'ault',
          name: 'Milton C. Ault, III',
          kind: 'individual',
          typeOfReportingPerson: ['IN'],
          citizenshipOrPlace: 'United States',
          cik: null,
        },
      },
      {
        type: 'SharesPurchased',
        data: {
          ...on('2024-01-02'),
          personId: 'company',
          shares: 1_000,
          method: 'open-market',
          pricePerShare: 1,
          totalPrice: null,
        },
      },
      {
        type: 'ControlEstablished',
        data: {
          ...on('2024-07-23'),
          effectiveDatePrecision: 'on-or-before',
          controllerId: 'ault',
          entityId: 'company',
          relationship: 'sole director',
        },
      },
    ]),
  );

  it('the day before the date, the view and the company carry the line', () => {
    const view = holdingsAt(facts, '2024-07-22');
    expect(view.notes).toContain(COMPANY_LINE);
    expect(view.holders.find((h) => h.personId === 'company')!.notes).toContain(COMPANY_LINE);
  });

  it('on the date, no holder and not the view', () => {
    const view = holdingsAt(facts, '2024-07-23');
    expect(view.notes).not.toContain(COMPANY_LINE);
    expect(view.holders.flatMap((h) => h.notes)).not.toContain(COMPANY_LINE);
  });
});
