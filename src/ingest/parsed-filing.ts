/**
 * The neutral shape every supported filing format is parsed into, before any
 * mapping to ledger events. Figures are kept exactly as the filing reports
 * them; a field the filing does not state is absent (undefined), never zero:
 * on a 13D/A an absent cover field means "unchanged".
 */

import type { FilingPlace } from './filing-parse-error.js';

export type FilingFormat = 'text' | 'html' | 'submission' | 'edgar-xml';

export type FormType = 'SC 13D' | 'SC 13D/A';

/** Row 13 as written: a figure, or a bound such as "Less than 1%". */
export type ReportedPercent =
  { kind: 'value'; value: number; text: string } | { kind: 'less-than'; bound: number; text: string };

export interface Footnote {
  /** The marker as written without brackets: "1", "2", "*". */
  marker: string;
  text: string;
}

/** One reporting person's cover page, rows 1-14 (row 3 is "SEC use only"). */
export interface CoverPage {
  /** Row 1. */
  name: string;
  /** EDGAR CIK where the format states it (XML, submission header). */
  cik?: string;
  /** Row 2: boxes (a) and (b). */
  memberOfGroup?: { a: boolean; b: boolean };
  /** Row 4: AF, WC, PF, OO... */
  sourceOfFunds?: string[];
  /** Row 5. */
  legalProceedings?: boolean;
  /** Row 6. */
  citizenship?: string;
  /** Rows 7-10. */
  soleVotingPower?: number;
  sharedVotingPower?: number;
  soleDispositivePower?: number;
  sharedDispositivePower?: number;
  /** Row 11. */
  aggregate?: number;
  /** Row 12. */
  excludesCertainShares?: boolean;
  /** Row 13. */
  percentOfClass?: ReportedPercent;
  /** Row 14: CO, IN, PN, HC... */
  typeOfReportingPerson?: string[];
  /** Footnote markers attached to each row, by row number. */
  rowFootnotes: Record<number, string[]>;
  footnotes: Footnote[];
  /** Free comment (XML commentContent). */
  comment?: string;
  /** Where the cover page starts: a line number or an XML path. */
  place: string;
  /** Figures read with doubt (a note left out, text around the figure), and rows that could not be read. */
  doubts?: ReadingDoubt[];
}

/** A figure whose reading was uncertain: what was read, and why. Recorded with the filing and shown for review. */
export interface ReadingDoubt {
  /** Cover row (1-14). */
  row: number;
  /** What the row holds, as read (layout residue removed). */
  read: string;
  reason: string;
  /** Where: a line of the text. */
  place: string;
}

export interface SubmissionHeader {
  accessionNumber: string;
  submissionType: string;
  /** ISO date. */
  filedAsOf?: string;
  subjectCompany?: { name: string; cik?: string };
  filedBy: { name: string; cik?: string }[];
  groupMembers: string[];
  /** TYPE of each document in the submission, in order. */
  documentTypes: string[];
}

export interface Identity {
  /** The cover-page name this identity belongs to, when it could be matched. */
  coverName?: string;
  text: string;
  /** Short name the filing defines, e.g. “Ault & Company”. */
  alias?: string;
  address?: string;
}

export interface Item5Person {
  /** The heading as written ("Ault & Company"), matched to a cover page when possible. */
  heading: string;
  coverName?: string;
  aggregate?: number;
  percentOfClass?: ReportedPercent;
  soleVotingPower?: number;
  sharedVotingPower?: number;
  soleDispositivePower?: number;
  sharedDispositivePower?: number;
  /** Item 5(a) as written. */
  ownershipText?: string;
  /** Item 5(c) as written. */
  transactionsText?: string;
}

export interface SharesOutstanding {
  count: number;
  /** ISO date; absent when the filing states the count without a date. */
  asOf?: string;
  sentence: string;
  /** Where it was read: "5", "cover footnote", "cover row 13". @defaultValue '5' */
  item?: string;
}

export interface Exhibit {
  number?: string;
  description: string;
  isJointFilingAgreement: boolean;
}

/** Where a sentence came from: an item ("6", "5(c)") and its text. */
export interface Citation {
  item: string;
  sentence: string;
}

export type ParsedTransaction =
  | {
      kind: 'shares-purchased';
      date: string;
      holder: string;
      shares: number;
      method: 'open-market' | 'private-placement' | 'other';
      pricePerShare?: number;
      totalPrice?: number;
      source: Citation;
    }
  | {
      kind: 'shares-sold';
      date: string;
      holder: string;
      shares: number;
      method: 'open-market' | 'other';
      pricePerShare?: number;
      totalPrice?: number;
      source: Citation;
    }
  | {
      kind: 'note-issued';
      date: string;
      holder: string;
      principal: number;
      interestRatePercent?: number;
      conversionPrice?: number;
      title: string;
      source: Citation;
    }
  | {
      kind: 'note-converted';
      date: string;
      holder: string;
      principal: number;
      shares: number;
      title: string;
      source: Citation;
    }
  | {
      kind: 'preferred-issued';
      date: string;
      holder: string;
      shares: number;
      title: string;
      totalPrice?: number;
      source: Citation;
    }
  | { kind: 'warrants-issued'; date: string; holder: string; shares: number; title: string; source: Citation }
  | { kind: 'exchange-cap-lifted'; date: string; capPercent: number; exchange: string; source: Citation }
  | { kind: 'joint-filing-agreement'; date: string; source: Citation }
  /**
   * Item 6: a note purchase agreement selling a note and warrants together; counts come from Item 3 (note-warrants.ts).
   */
  | {
      kind: 'note-and-warrants-sold';
      date: string;
      holder: string;
      noteAlias: string;
      warrantsAlias: string;
      termYears?: number;
      exercisableAfterMonths?: number;
      source: Citation;
    }
  /** "The Senior Note was subsequently repaid.": dated no later than the filing's as-of date. */
  | { kind: 'note-repaid'; noteAlias: string; source: Citation };

/** The cover's "(Name, Address and Telephone Number of Person Authorized to Receive Notices and Communications)". */
export interface NoticeBlock {
  name: string;
  address: string;
  phone?: string;
  /** "c/o Ault & Company, Inc.": the entity the address is given care of, as written. */
  careOfName?: string;
}

/** An earlier filing of the chain the preamble names by date ("filed ... on October 12, 2021 and amended on ..."). */
export interface EarlierFiling {
  amendmentNo: number;
  /** ISO date. */
  filedOn: string;
  quote: string;
}

export interface ReviewItem {
  item: string;
  sentence: string;
  reason: string;
}

export interface ScheduleARow {
  cells: string[];
}

export interface ParsedFiling {
  file: string;
  format: FilingFormat;
  /** sha256 of the filing's bytes: the identity of a filing without an accession number. */
  contentHash: string;
  formType: FormType;
  /** 0 for an original statement; null for an amendment that states no number (placed by filing date). */
  amendmentNo: number | null;
  accessionNumber?: string;
  previousAccessionNumber?: string;
  /** ISO date, from the submission header when there is one. */
  filingDate?: string;
  submission?: SubmissionHeader;
  issuer: { name?: string; cik?: string; cusip?: string };
  classTitle?: string;
  /** ISO date of the event which requires filing. */
  eventDate?: string;
  coverPages: CoverPage[];
  /** Items present in this filing, by number ("1".."7"), as text. */
  items: Record<string, string>;
  /** Items an amendment says it amends and restates in their entirety. */
  restatedItems: string[];
  identities: Identity[];
  sharesOutstanding?: SharesOutstanding;
  item5: Item5Person[];
  exhibits: Exhibit[];
  transactions: ParsedTransaction[];
  review: ReviewItem[];
  /** ISO date of the signatures. */
  signatureDate?: string;
  /** The signature section as written (names there are spelled in mixed case). */
  signatureText?: string;
  noticeContact?: NoticeBlock;
  /** Earlier filings of the chain the preamble names, original first. */
  earlierFilings?: EarlierFiling[];
  scheduleA: ScheduleARow[];
  /** Every value read with doubt: front page (row 0) and cover rows, each with the person it belongs to. */
  doubts: FilingDoubt[];
  /** Where the filing states its dates and its issuer's name, for errors that point at them. */
  places?: { eventDate?: FilingPlace; filingDate?: FilingPlace; signatureDate?: FilingPlace; issuerName?: FilingPlace };
}

export interface FilingDoubt extends ReadingDoubt {
  /** Row 1 of the cover page the doubt is on; absent for the front page. */
  person?: string;
}
