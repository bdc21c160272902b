/**
 * Test helpers: synthetic Schedule 13D filings of one issuer (CUSIP 99999X10 with its check digit). `cover` is a
 * cover page whose rows add up (shared = aggregate - sole); `filing` a StatementFiled effective on its event date.
 */
import { cusipCheckDigit, parseCusip, type CoverPage, type DomainEventInput } from '../../src/domain/index.js';
import { on } from './build.js';

const cusip = parseCusip(`99999X10${cusipCheckDigit('99999X10')}`);

export const cover = (
  personId: string,
  name: string,
  aggregate: number,
  percent: number,
  sole = aggregate,
): CoverPage => ({
  personId,
  name,
  memberOfGroup: { a: false, b: false },
  sourceOfFunds: ['WC'],
  legalProceedings: false,
  citizenshipOrPlace: 'Delaware',
  soleVotingPower: sole,
  sharedVotingPower: aggregate - sole,
  soleDispositivePower: sole,
  sharedDispositivePower: aggregate - sole,
  aggregate,
  excludesCertainShares: false,
  percentOfClass: { kind: 'value', value: percent, text: `${percent}%` },
  typeOfReportingPerson: ['PN'],
  footnotes: [],
});

export interface Filing {
  amendmentNumber: number | null;
  filedOn: string;
  eventDate: string | null;
  coverPages?: CoverPage[];
  items?: { item: string; change: 'restated' | 'amended' | 'supplemented'; summary: string | null }[];
  contentsKnown?: boolean;
}
export const filing = (f: Filing): DomainEventInput => ({
  type: 'StatementFiled',
  data: {
    ...on(f.eventDate ?? f.filedOn, f.filedOn),
    issuer: { name: 'Example Issuer, Inc.', cusip, cik: null },
    classTitle: 'Common Stock',
    amendmentNumber: f.amendmentNumber,
    accessionNumber: null,
    eventDate: f.eventDate,
    filedOn: f.filedOn,
    contentsKnown: f.contentsKnown ?? true,
    items: f.items ?? [],
    coverPages: f.coverPages ?? [],
    noticeContact: null,
    businessAddresses: [],
    previousAccessionNumber: null,
    filedOnFrom: null,
    partialCoverPages: [],
    readingDoubts: [],
  },
});
