/** Who the reporting persons are and what Amendment No. 8 says they held on 2024-07-23 (Items 2, 3, 5). */
import type { EventData } from '../../src/domain/index.js';
import { A8_EVENT_DATE, GROUP_ID, PERSON, SECURITY, a8, sample, type SampleEvent } from './common.js';
import { NOTE_WARRANTS_EXERCISABLE_FROM, NOTE_WARRANTS_EXPIRE } from './transactions.js';

const on = { effectiveDate: A8_EVENT_DATE };
/** Identities and control were true by the event date; the filing does not say since when. */
const byEventDate = { effectiveDate: A8_EVENT_DATE, effectiveDatePrecision: 'on-or-before' as const };

type Who = [id: string, name: string, kind: 'entity' | 'individual', code: string, place: string];
const PEOPLE: Who[] = [
  [PERSON.company, 'Ault & Company, Inc.', 'entity', 'CO', 'Delaware'],
  [PERSON.ault, 'Milton C. Ault, III', 'individual', 'IN', 'U.S.A.'],
  [PERSON.horne, 'William B. Horne', 'individual', 'IN', 'U.S.A.'],
  [PERSON.nisser, 'Henry C.W. Nisser', 'individual', 'IN', 'Sweden'],
  [PERSON.cragun, 'Kenneth S. Cragun', 'individual', 'IN', 'U.S.A.'],
];

type Terms = Omit<
  EventData<'SecurityDescribed'>,
  'effectiveDate' | 'disclosedOn' | 'source' | 'effectiveDatePrecision'
>;
const none = {
  statedValue: null,
  conversionPrice: null,
  conversionPriceFloor: null,
  sharesPerUnit: null,
  exercisableFrom: null,
  expiresOn: null,
};
/** [terms, effective date (when the terms were set, as far as the filing shows), item, quote] */
const SECURITIES: [Terms, string, string, string][] = [
  [
    { ...none, securityId: SECURITY.common, title: 'Class A Common Stock', kind: 'common' },
    '2019-12-22',
    'cover',
    'Class A Common Stock, par value $0.001 per share (Title of Class of Securities)',
  ],
  [
    {
      ...none,
      securityId: SECURITY.seriesC,
      title: 'Series C Convertible Preferred Stock',
      kind: 'convertible-preferred',
      statedValue: 1_000,
      conversionPrice: 0.22,
      conversionPriceFloor: 0.1,
    },
    '2023-11-06',
    '5(a)',
    'Each share of Series C Preferred Stock has a stated value of $1,000.00 and is convertible into Shares at a conversion price equal to the greater of (i) $0.10 per share and (ii) the lesser of (A) $0.22, or (B) 105% of the volume weighted average price of the Shares during the ten trading days immediately prior to the date of conversion.',
  ],
  [
    { ...none, securityId: SECURITY.seriesCWarrants, title: 'Series C Warrants', kind: 'warrant', sharesPerUnit: 1 },
    '2023-11-06',
    '3',
    'warrants owned directly by Ault & Company, which are currently exercisable into 13,008,131 Shares (the "Series C Warrants")',
  ],
  [
    {
      ...none,
      securityId: SECURITY.noteWarrants,
      title: 'Warrants (Senior Note)',
      kind: 'warrant',
      sharesPerUnit: 1,
      exercisableFrom: NOTE_WARRANTS_EXERCISABLE_FROM,
      expiresOn: NOTE_WARRANTS_EXPIRE,
    },
    '2023-10-13',
    '6',
    'The Warrants have a five-year term, expiring on the fifth anniversary of the closing date, and became exercisable on the first business day after the six-month anniversary of the closing date.',
  ],
  [
    {
      ...none,
      securityId: SECURITY.note2020,
      title: '8% Convertible Promissory Note (2020)',
      kind: 'convertible-note',
      conversionPrice: 10_989,
    },
    '2020-02-05',
    '6',
    'The Note was convertible into Shares at a conversion price of $10,989 per share.',
  ],
  [
    {
      ...none,
      securityId: SECURITY.seniorNote,
      title: 'Senior Secured Convertible Promissory Note',
      kind: 'convertible-note',
    },
    '2023-10-13',
    '3',
    'a senior secured convertible promissory note in the principal face amount of $17.5 million',
  ],
  [
    { ...none, securityId: SECURITY.options, title: 'Stock options', kind: 'option', sharesPerUnit: 1 },
    A8_EVENT_DATE,
    '3',
    'The stock options owned by Messrs. Ault, Horne, Nisser and Cragun were awarded to them in their capacities as officers and/or directors of the Issuer.',
  ],
];

/** [person, security, quantity, shares issuable as stated, item, quote] */
type Reported = [string, string, number, number | null, string, string];
const OPTIONS_QUOTE = (n: number) =>
  `${n} Shares underlying stock options currently exercisable or exercisable within 60 days`;
const POSITIONS: Reported[] = [
  [
    PERSON.company,
    SECURITY.common,
    25_229,
    null,
    '5(a)',
    'As of the date hereof, Ault & Company may be deemed to beneficially own 214,940,800 Shares, consisting of (i) 25,229 Shares',
  ],
  [
    PERSON.company,
    SECURITY.seriesC,
    44_000,
    200_000_000,
    '5(a)',
    '(ii) 200,000,000 Shares issuable upon conversion of 44,000 shares of Series C Preferred Stock',
  ],
  [
    PERSON.company,
    SECURITY.seriesCWarrants,
    13_008_131,
    13_008_131,
    '3',
    'warrants owned directly by Ault & Company, which are currently exercisable into 13,008,131 Shares (the "Series C Warrants")',
  ],
  [
    PERSON.company,
    SECURITY.noteWarrants,
    1_907_440,
    1_907_440,
    '3',
    'The remaining warrants owned directly by Ault & Company, which are currently exercisable into 1,907,440 Shares (the "Warrants")',
  ],
  [
    PERSON.ault,
    SECURITY.common,
    2_245,
    null,
    '5(a)',
    'Mr. Ault may be deemed to beneficially own 214,943,126 Shares, consisting of (i) 2,245 Shares',
  ],
  [PERSON.ault, SECURITY.options, 81, 81, '5(a)', `(ii) ${OPTIONS_QUOTE(81)}`],
  [
    PERSON.horne,
    SECURITY.common,
    81,
    null,
    '5(a)',
    'Mr. Horne may be deemed to beneficially own 162 Shares, consisting of (i) 81 Shares',
  ],
  [PERSON.horne, SECURITY.options, 81, 81, '5(a)', `(ii) ${OPTIONS_QUOTE(81)}`],
  [
    PERSON.nisser,
    SECURITY.common,
    82,
    null,
    '5(a)',
    'Mr. Nisser may be deemed to beneficially own 163 Shares, consisting of (i) 82 Shares',
  ],
  [PERSON.nisser, SECURITY.options, 81, 81, '5(a)', `(ii) ${OPTIONS_QUOTE(81)}`],
  [
    PERSON.cragun,
    SECURITY.common,
    28,
    null,
    '5(a)',
    'Mr. Cragun may be deemed to beneficially own 77 Shares, consisting of (i) 28 Shares',
  ],
  [PERSON.cragun, SECURITY.options, 49, 49, '5(a)', `(ii) ${OPTIONS_QUOTE(49)}`],
];

/**
 * Item 5(a)/(b) as written: [person, aggregate, percent text, sole vote, shared vote, sole dispose, shared dispose].
 */
type Item5 = [string, number, string, number, number, number, number];
const ITEM5: Item5[] = [
  [PERSON.company, 214_940_800, '85.72%', 214_940_800, 0, 214_940_800, 0],
  [PERSON.ault, 214_943_126, '85.72%', 2_326, 214_940_800, 2_326, 214_940_800],
  // Item 5(b) for Mr. Horne says 81 where the cover page says 162: kept as written.
  [PERSON.horne, 162, 'Less than 1%', 81, 0, 81, 0],
  [PERSON.nisser, 163, 'Less than 1%', 163, 0, 163, 0],
  [PERSON.cragun, 77, 'Less than 1%', 77, 0, 77, 0],
];

export function positionEvents(): SampleEvent[] {
  const events: SampleEvent[] = [];
  for (const [personId, name, kind, code, place] of PEOPLE) {
    events.push(
      sample(`person/${personId}`, {
        type: 'PersonIdentified',
        data: {
          ...byEventDate,
          ...a8('2(a), cover rows 1, 6, 14', `NAME OF REPORTING PERSON ${name.toUpperCase()}`),
          personId,
          name,
          kind,
          typeOfReportingPerson: [code],
          citizenshipOrPlace: place,
          cik: null,
        },
      }),
    );
  }
  for (const [terms, effectiveDate, item, quote] of SECURITIES) {
    // Dated at the agreement that set the terms (on or before: the filing gives the agreements, not the designations).
    const when = { effectiveDate, effectiveDatePrecision: 'on-or-before' as const };
    events.push(
      sample(`security/${terms.securityId}`, {
        type: 'SecurityDescribed',
        data: { ...when, ...a8(item, quote), ...terms },
      }),
    );
  }
  events.push(
    sample('shares-outstanding/2024-07-23', {
      type: 'SharesOutstandingReported',
      data: {
        ...on,
        ...a8(
          '5',
          'The aggregate percentage of Shares reported owned by each Reporting Person is based upon 35,846,318 Shares outstanding, which is the total number of Shares outstanding as of July 23, 2024, as reported by the Issuer to the Reporting Persons.',
        ),
        count: 35_846_318,
        reportedBy: 'the Issuer to the Reporting Persons',
      },
    }),
    sample('control/ault/ault-and-company', {
      type: 'ControlEstablished',
      data: {
        ...byEventDate,
        ...a8(
          '5(a) B',
          'Mr. Ault may be deemed to beneficially own the Shares owned directly by Ault & Company by virtue of his relationship with Ault & Company described in Item 2.',
        ),
        controllerId: PERSON.ault,
        entityId: PERSON.company,
        relationship: 'Chief Executive Officer and Chairman of Ault & Company',
      },
    }),
  );
  for (const [personId, securityId, quantity, issuable, item, quote] of POSITIONS) {
    events.push(
      sample(`position/2024-07-23/${personId}/${securityId}`, {
        type: 'PositionReported',
        data: {
          ...on,
          ...a8(item, quote),
          personId,
          securityId,
          quantity,
          sharesIssuableReported: issuable,
          exercisableFrom: null,
        },
      }),
    );
  }
  for (const [personId, aggregate, percent, sv, shv, sd, shd] of ITEM5) {
    const percentOfClass = percent.startsWith('Less')
      ? ({ kind: 'less-than', bound: 1, text: percent } as const)
      : ({ kind: 'value', value: Number.parseFloat(percent), text: percent } as const);
    events.push(
      sample(`item5/2024-07-23/${personId}`, {
        type: 'BeneficialOwnershipReported',
        data: {
          ...on,
          ...a8('5(a), 5(b)', `Sole power to vote or direct vote: ${sv.toLocaleString('en-US')}`),
          personId,
          aggregate,
          percentOfClass,
          soleVotingPower: sv,
          sharedVotingPower: shv,
          soleDispositivePower: sd,
          sharedDispositivePower: shd,
        },
      }),
    );
  }
  const members = PEOPLE.map(([id]) => id);
  events.push(
    sample('group/formed', {
      type: 'GroupFormed',
      data: {
        ...byEventDate,
        ...a8('cover row 2', 'CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP (a) [X] (b) [ ]'),
        groupId: GROUP_ID,
        memberIds: members,
      },
    }),
    sample('joint-filing-agreement', {
      type: 'JointFilingAgreementSigned',
      data: {
        effectiveDate: '2024-07-24',
        ...a8(
          '6, Exhibit 99.1',
          'On July 24, 2024, the Reporting Persons entered into a Joint Filing Agreement in which the Reporting Persons agreed to the joint filing on behalf of each of them of statements on Schedule 13D with respect to the securities of the Issuer.',
        ),
        partyIds: members,
      },
    }),
  );
  return events;
}
