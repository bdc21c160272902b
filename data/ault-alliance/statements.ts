/** The Schedule 13D chain: the original, seven amendments known only by date, and Amendment No. 8 in full. */
import type { CoverPage } from '../../src/domain/index.js';
import {
  A8_EVENT_DATE,
  A8_FILED_ON,
  CLASS_TITLE,
  CUSIP,
  ISSUER_NAME,
  PERSON,
  a8,
  sample,
  type SampleEvent,
} from './common.js';

const PREAMBLE =
  'This Amendment No. 8 ("Amendment No. 8") amends and supplements the Schedule 13D filed by the undersigned on October 12, 2021 and amended on November 24, 2021, January 4, 2022, July 11, 2022, August 11, 2022, August 22, 2022, September 8, 2022 and October 24, 2023 (the "Schedule 13D").';

/** Filing dates of the original (0) and Amendments No. 1-7, from the preamble of Amendment No. 8. */
const EARLIER_FILINGS = [
  '2021-10-12',
  '2021-11-24',
  '2022-01-04',
  '2022-07-11',
  '2022-08-11',
  '2022-08-22',
  '2022-09-08',
  '2023-10-24',
];

const issuer = { name: ISSUER_NAME, cusip: CUSIP, cik: null };

function earlier(amendmentNumber: number, filedOn: string): SampleEvent {
  return sample(`statement/${amendmentNumber}`, {
    type: 'StatementFiled',
    data: {
      effectiveDate: filedOn,
      disclosedOn: filedOn,
      // Known from Amendment No. 8's preamble; the filing itself is not at hand.
      source: { amendmentNumber: 8, accessionNumber: null, filedOn: A8_FILED_ON, item: 'preamble', quote: PREAMBLE },
      issuer,
      classTitle: CLASS_TITLE,
      amendmentNumber,
      accessionNumber: null,
      previousAccessionNumber: null,
      eventDate: null,
      filedOn,
      filedOnFrom: 'preamble',
      contentsKnown: false,
      items: [],
      coverPages: [],
      partialCoverPages: [],
      noticeContact: null,
      businessAddresses: [],
      readingDoubts: [],
    },
  });
}

function cover(
  personId: string,
  name: string,
  citizenship: string,
  type: string,
  sole: number,
  shared: number,
  aggregate: number,
  percent: CoverPage['percentOfClass'],
  footnotes: string[],
): CoverPage {
  return {
    personId,
    name,
    memberOfGroup: { a: true, b: false },
    sourceOfFunds: ['AF'],
    legalProceedings: false,
    citizenshipOrPlace: citizenship,
    soleVotingPower: sole,
    sharedVotingPower: shared,
    soleDispositivePower: sole,
    sharedDispositivePower: shared,
    aggregate,
    excludesCertainShares: false,
    percentOfClass: percent,
    typeOfReportingPerson: [type],
    footnotes: footnotes.map((text, i) => ({ marker: String(i + 1), text, rows: null })),
  };
}

const SERIES_C_TERMS =
  'Each share of Series C Convertible Preferred Stock has a stated value of $1,000.00 and is convertible into shares of Common Stock at a conversion price equal to the greater of (i) $0.10 per share and (ii) the lesser of (A) $0.22, or (B) 105% of the volume weighted average price of the Common Stock during the ten trading days immediately prior to the date of conversion.';
const LESS_THAN_1 = { kind: 'less-than', bound: 1, text: 'Less than 1%' } as const;
const optionsNote = (owned: number, options: number) =>
  `Represents (i) ${owned.toLocaleString('en-US')} shares of Common Stock and (ii) ${options} shares of Common Stock underlying stock options currently exercisable or exercisable within 60 days.`;

/** Cover pages of Amendment No. 8, rows as printed. */
export const A8_COVER_PAGES: CoverPage[] = [
  cover(
    PERSON.company,
    'AULT & COMPANY, INC.',
    'Delaware',
    'CO',
    214_940_800,
    0,
    214_940_800,
    { kind: 'value', value: 85.72, text: '85.72%' },
    [
      `Represents (i) 25,229 shares of Common Stock, (ii) 200,000,000 shares of Common Stock issuable upon conversion of 44,000 shares of Series C Convertible Preferred Stock and (iii) 14,915,571 shares of Common Stock issuable upon exercise of outstanding warrants. ${SERIES_C_TERMS}`,
    ],
  ),
  cover(
    PERSON.ault,
    'MILTON C. AULT, III',
    'U.S.A.',
    'IN',
    2_326,
    214_940_800,
    214_943_126,
    { kind: 'value', value: 85.72, text: '85.72%' },
    [
      optionsNote(2_245, 81),
      `Represents (i) 25,229 shares of Common Stock held by Ault & Company, Inc., (ii) 200,000,000 shares of Common Stock issuable upon conversion of 44,000 shares of Series C Convertible Preferred Stock held by Ault & Company, Inc. and (iii) 14,915,571 shares of Common Stock issuable upon exercise of outstanding warrants held by Ault & Company, Inc. ${SERIES_C_TERMS}`,
    ],
  ),
  // Row 7 and 9 say 162; Item 5(b) says 81 (see BeneficialOwnershipReported): both kept as reported.
  cover(PERSON.horne, 'WILLIAM B. HORNE', 'U.S.A.', 'IN', 162, 0, 162, LESS_THAN_1, [optionsNote(81, 81)]),
  cover(PERSON.nisser, 'HENRY C.W. NISSER', 'SWEDEN', 'IN', 163, 0, 163, LESS_THAN_1, [optionsNote(82, 81)]),
  cover(PERSON.cragun, 'KENNETH S. CRAGUN', 'U.S.A.', 'IN', 77, 0, 77, LESS_THAN_1, [optionsNote(28, 49)]),
];

export function statementEvents(): SampleEvent[] {
  const events = EARLIER_FILINGS.map((filedOn, n) => earlier(n, filedOn));
  events.push(
    sample('statement/8', {
      type: 'StatementFiled',
      data: {
        effectiveDate: A8_FILED_ON,
        ...a8('cover', '(Amendment No. 8) ... July 23, 2024 (Date of Event Which Requires Filing of This Statement)'),
        issuer,
        classTitle: CLASS_TITLE,
        amendmentNumber: 8,
        accessionNumber: null,
        previousAccessionNumber: null,
        eventDate: A8_EVENT_DATE,
        filedOn: A8_FILED_ON,
        // The sample states its dates; it was not read from a submission header.
        filedOnFrom: null,
        contentsKnown: true,
        items: [
          {
            item: '2',
            change: 'restated',
            summary:
              'Identity and background of the five Reporting Persons; Schedule A lists officers and directors of Ault & Company.',
          },
          {
            item: '3',
            change: 'restated',
            summary:
              'Source of funds: RSU vestings, options, purchases; $2,600,324.89 for 25,229 Shares; $44,000,000 for 44,000 Series C and the Series C Warrants; Warrants with the $17.5 million Senior Note.',
          },
          {
            item: '5',
            change: 'restated',
            summary: 'Interest in securities as of July 23, 2024, based on 35,846,318 Shares outstanding.',
          },
          {
            item: '6',
            change: 'restated',
            summary:
              'Securities purchase agreement (2019), 8% convertible note (2020), note purchase agreement (2023), Series C SPA and closings, joint filing agreement.',
          },
          { item: '7', change: 'restated', summary: 'Exhibits 99.1 to 99.7.' },
        ],
        coverPages: A8_COVER_PAGES,
        partialCoverPages: [],
        noticeContact: {
          name: 'MILTON C. AULT, III',
          address: 'c/o Ault & Company, Inc., 11411 Southern Highlands Parkway, Suite 330, Las Vegas, NV 89141',
          careOf: PERSON.company,
          phone: '(949) 444-5464',
        },
        businessAddresses: [
          {
            personId: PERSON.company,
            address: '11411 Southern Highlands Parkway, Suite 240, Las Vegas, Nevada 89141',
            careOf: null,
          },
          {
            personId: PERSON.ault,
            address: 'c/o the Issuer, 11411 Southern Highlands Parkway, Suite 240, Las Vegas, Nevada 89141',
            careOf: null,
          },
          {
            personId: PERSON.horne,
            address: 'c/o the Issuer, 11411 Southern Highlands Parkway, Suite 240, Las Vegas, Nevada 89141',
            careOf: null,
          },
          {
            personId: PERSON.nisser,
            address: 'c/o the Issuer, 122 E. 42nd Street, 50th Floor, Suite 5000, New York, NY 10168',
            careOf: null,
          },
          {
            personId: PERSON.cragun,
            address: 'c/o the Issuer, 11411 Southern Highlands Parkway, Suite 240, Las Vegas, Nevada 89141',
            careOf: null,
          },
        ],
        readingDoubts: [],
      },
    }),
  );
  return events;
}
