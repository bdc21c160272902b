/** The transactions Amendment No. 8 discloses (Items 3, 5(c), 6), each with its quoted sentence. */
import { addMonths, addYears, firstBusinessDayAfter } from '../../src/domain/index.js';
import { CAP_ID, PERSON, SECURITY, a8, sample, type SampleEvent } from './common.js';

const company = PERSON.company;

/** Item 6: "became exercisable on the first business day after the six-month anniversary of the closing date". */
export const NOTE_CLOSING = '2023-10-13';
export const NOTE_WARRANTS_EXERCISABLE_FROM = firstBusinessDayAfter(addMonths(NOTE_CLOSING, 6));
/** Item 6: "a five-year term, expiring on the fifth anniversary of the closing date". */
export const NOTE_WARRANTS_EXPIRE = addYears(NOTE_CLOSING, 5);

const SPA_QUOTE =
  'On each of March 7, 2024, March 8, 2024, March 18, 2024 and March 19, 2024, pursuant to the SPA, the Issuer sold to Ault & Company 500 shares of Series C Preferred Stock and Series C Warrants to purchase 147,820 Shares, for a purchase price of $500,000.';

function marchClosing(date: string): SampleEvent[] {
  return [
    sample(`series-c/${date}/preferred`, {
      type: 'PreferredIssued',
      data: {
        effectiveDate: date,
        ...a8('6', SPA_QUOTE),
        personId: company,
        securityId: SECURITY.seriesC,
        shares: 500,
        purchasePrice: 500_000,
      },
    }),
    sample(`series-c/${date}/warrants`, {
      type: 'WarrantsIssued',
      data: {
        effectiveDate: date,
        ...a8('6', SPA_QUOTE),
        personId: company,
        securityId: SECURITY.seriesCWarrants,
        shares: 147_820,
        exercisePrice: null,
        exercisableFrom: null,
        expiresOn: null,
      },
    }),
  ];
}

const DEC_QUOTE =
  'On December 14, 2023, pursuant to the SPA, the Issuer sold to Ault & Company, in three separate closings that occurred on the closing date, an aggregate of 41,500 shares of Series C Preferred Stock and Series C Warrants to purchase 12,269,031 Shares, for a total purchase price of $41.5 million.';
const NOTE_QUOTE =
  'On February 5, 2020 the Issuer sold and issued an 8% Convertible Promissory Note in the principal amount of $1,000,000 (the "Note") to Ault & Company. The Note was convertible into Shares at a conversion price of $10,989 per share.';
const SENIOR_QUOTE =
  'On October 13, 2023, the Issuer entered into a note purchase agreement with Ault & Company, pursuant to which the Issuer sold to Ault & Company the Senior Note and Warrants. The Warrants have a five-year term, expiring on the fifth anniversary of the closing date, and became exercisable on the first business day after the six-month anniversary of the closing date.';
const CAP_QUOTE =
  'allowing the issuance of shares of Common Stock upon conversion of Series C Convertible Preferred Stock ("Series C Preferred Stock") and exercise of warrants, in excess of the initial 19.99% of Common Stock, in accordance with the Exchange\'s rules and regulations';

export function transactionEvents(): SampleEvent[] {
  return [
    sample('purchase/2020-01-15', {
      type: 'SharesPurchased',
      data: {
        effectiveDate: '2020-01-15',
        ...a8(
          '6',
          'On December 22, 2019, the Issuer entered into a securities purchase agreement with Ault & Company, pursuant to which Ault & Company purchased an aggregate of 88 Shares for a total purchase price of $739,948. The transaction closed on January 15, 2020 after approval of the NYSE American.',
        ),
        personId: company,
        shares: 88,
        method: 'private-placement',
        pricePerShare: null,
        totalPrice: 739_948,
      },
    }),
    sample('note-2020/issued', {
      type: 'ConvertibleNoteIssued',
      data: {
        effectiveDate: '2020-02-05',
        ...a8('6', NOTE_QUOTE),
        personId: company,
        securityId: SECURITY.note2020,
        principal: 1_000_000,
        conversionPrice: 10_989,
        interestRatePercent: 8,
      },
    }),
    sample('note-2020/converted/2020-08-20', {
      type: 'ConvertibleNoteConverted',
      data: {
        effectiveDate: '2020-08-20',
        ...a8('6', 'On August 20, 2020, Ault & Company converted $600,000 of the Note principal into 55 Shares.'),
        personId: company,
        securityId: SECURITY.note2020,
        principalConverted: 600_000,
        sharesIssued: 55,
      },
    }),
    sample('note-2020/converted/2021-05-12', {
      type: 'ConvertibleNoteConverted',
      data: {
        effectiveDate: '2021-05-12',
        ...a8(
          '6',
          'On May 12, 2021, Ault & Company converted the remaining $400,000 of the Note principal into 36 Shares.',
        ),
        personId: company,
        securityId: SECURITY.note2020,
        principalConverted: 400_000,
        sharesIssued: 36,
      },
    }),
    sample('senior-note/issued', {
      type: 'ConvertibleNoteIssued',
      // Item 3 calls it a senior secured convertible promissory note; its conversion terms are not stated.
      data: {
        effectiveDate: NOTE_CLOSING,
        ...a8('6', SENIOR_QUOTE),
        personId: company,
        securityId: SECURITY.seniorNote,
        principal: 17_500_000,
        conversionPrice: null,
        interestRatePercent: null,
      },
    }),
    sample('note-warrants/issued', {
      type: 'WarrantsIssued',
      data: {
        effectiveDate: NOTE_CLOSING,
        ...a8(
          '3, 6',
          `${SENIOR_QUOTE} The remaining warrants owned directly by Ault & Company, which are currently exercisable into 1,907,440 Shares (the "Warrants"), were issued in connection with a senior secured convertible promissory note`,
        ),
        personId: company,
        securityId: SECURITY.noteWarrants,
        shares: 1_907_440,
        exercisePrice: null,
        exercisableFrom: NOTE_WARRANTS_EXERCISABLE_FROM,
        expiresOn: NOTE_WARRANTS_EXPIRE,
      },
    }),
    // The cap's start is not stated; it is dated at the first security it applies to (judgement call).
    sample('cap/set', {
      type: 'ExchangeCapSet',
      data: {
        effectiveDate: NOTE_CLOSING,
        effectiveDatePrecision: 'on-or-before',
        ...a8('preamble', CAP_QUOTE),
        capId: CAP_ID,
        capPercent: 19.99,
        baseSharesOutstanding: null,
        securityIds: [SECURITY.seriesC, SECURITY.seriesCWarrants, SECURITY.noteWarrants],
        exchange: 'NYSE American',
      },
    }),
    sample('series-c/2023-12-14/preferred', {
      type: 'PreferredIssued',
      data: {
        effectiveDate: '2023-12-14',
        ...a8('6', DEC_QUOTE),
        personId: company,
        securityId: SECURITY.seriesC,
        shares: 41_500,
        purchasePrice: 41_500_000,
      },
    }),
    sample('series-c/2023-12-14/warrants', {
      type: 'WarrantsIssued',
      data: {
        effectiveDate: '2023-12-14',
        ...a8('6', DEC_QUOTE),
        personId: company,
        securityId: SECURITY.seriesCWarrants,
        shares: 12_269_031,
        exercisePrice: null,
        exercisableFrom: null,
        expiresOn: null,
      },
    }),
    ...['2024-03-07', '2024-03-08', '2024-03-18', '2024-03-19'].flatMap(marchClosing),
    sample('purchase/2024-06-17', {
      type: 'SharesPurchased',
      data: {
        effectiveDate: '2024-06-17',
        ...a8(
          '5(c)',
          'Other than the purchase of 10,000 Shares in the open market on June 17, 2024, Ault & Company has not entered into any transactions in the Shares during the past sixty days.',
        ),
        personId: company,
        shares: 10_000,
        method: 'open-market',
        pricePerShare: null,
        totalPrice: null,
      },
    }),
    sample('senior-note/repaid', {
      type: 'ConvertibleNoteRepaid',
      data: {
        effectiveDate: '2024-07-23',
        effectiveDatePrecision: 'on-or-before',
        ...a8('3', 'The Senior Note was subsequently repaid.'),
        personId: company,
        securityId: SECURITY.seniorNote,
        principalRepaid: 17_500_000,
      },
    }),
    sample('cap/lifted', {
      type: 'ExchangeCapLifted',
      data: {
        effectiveDate: '2024-07-23',
        ...a8(
          'preamble',
          `a change in beneficial ownership resulting from approval by the NYSE American (the "Exchange"), effective July 23, 2024, of a supplemental listing application, ${CAP_QUOTE}`,
        ),
        capId: CAP_ID,
        approvedBy: 'NYSE American',
      },
    }),
  ];
}
