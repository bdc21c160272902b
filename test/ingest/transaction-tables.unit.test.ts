import { describe, expect, it } from 'vitest';
import type { CoverPage, ParsedTransaction } from '../../src/ingest/parsed-filing.js';
import { extractTableTransactions } from '../../src/ingest/transaction-tables.js';

const cover = (name: string): CoverPage => ({ name, rowFootnotes: {}, footnotes: [], place: 'line 1' });
const read = (text: string, covers: CoverPage[], item = '5(c)') =>
  extractTableTransactions([{ text, item }], covers, []);
type Trade = Extract<ParsedTransaction, { kind: 'shares-purchased' | 'shares-sold' }>;
/** Every transaction a table gives is a purchase or a sale. */
const trades = (transactions: ParsedTransaction[]): Trade[] => transactions.map((t) => t as Trade);

describe('tables of trades', () => {
  it('reads an HTML table whose header says the shares were sold, for the one person the sentence names', () => {
    // Given a table as HTML converts (cells tab-separated, "$" in its own cell), introduced by a sentence on the sales
    const text = [
      'Between May 6, 2010 and May 10, 2010, Mrs. Vale sold an aggregate of 1,750 shares of Common Stock in open market transactions. Information regarding the sales is as follows:',
      '',
      'Date\t\tNumber of Shares Sold\t\tPrice per Share',
      'May 6, 2010\t\t1,250\t\t$\t16.2848',
      'May 10, 2010\t\t500\t\t$\t16.4609',
    ].join('\n');
    const { transactions, review } = read(text, [cover('Olivia M. Vale'), cover('Vale Holdings, LLC')]);
    // Then each row is a sale by Olivia M. Vale ("Mrs. Vale"), in the open market, at the price printed
    expect(review).toEqual([]);
    expect(transactions).toEqual([
      {
        kind: 'shares-sold',
        method: 'open-market',
        date: '2010-05-06',
        holder: 'Olivia M. Vale',
        shares: 1_250,
        pricePerShare: 16.2848,
        source: {
          item: '5(c)',
          sentence: 'Date Number of Shares Sold Price per Share | May 6, 2010 | 1,250 | $16.2848',
        },
      },
      {
        kind: 'shares-sold',
        method: 'open-market',
        date: '2010-05-10',
        holder: 'Olivia M. Vale',
        shares: 500,
        pricePerShare: 16.4609,
        source: {
          item: '5(c)',
          sentence: 'Date Number of Shares Sold Price per Share | May 10, 2010 | 500 | $16.4609',
        },
      },
    ]);
  });

  it('reads text columns with a two-line header, two-digit years and the kind of each trade', () => {
    const text = [
      'During the 60-day period the Reporting Person engaged in the following transactions in Shares at the following prices:',
      'Transaction    No. of      Type of                  Price',
      '   Date        Shares      Transaction              per Share',
      '- -------------  ------      --------------------     ---------',
      '4/30/96           600      open market purchase     $19.25',
      '5/15/96        53,100      sale to issuer           $18.75',
    ].join('\n');
    const { transactions } = read(text, [cover('Harbor Storage Trust')]);
    // Then the purchase is in the open market and the sale to the issuer is not
    expect(trades(transactions).map((t) => [t.kind, t.method, t.date, t.shares, t.pricePerShare])).toEqual([
      ['shares-purchased', 'open-market', '1996-04-30', 600, 19.25],
      ['shares-sold', 'other', '1996-05-15', 53_100, 18.75],
    ]);
  });

  it('takes the holder from the name printed above its rows, and a count in brackets as a sale', () => {
    const text = [
      'Transactions in the Shares During the Past Sixty Days',
      'Shares of Common Stock Purchased/(Sold)\tPrice Per Share($)\tDate of Purchase/Sale',
      'NORTHWIND OPPORTUNITIES FUND, LP',
      '1,985,204\t1.0800\t09/24/2015',
      '(13,000)\t1.1673\t09/24/2015',
      'Arden Q. Pike',
      '357,500\t1.1250\t10/01/2015',
    ].join('\n');
    const { transactions } = read(
      text,
      [cover('Northwind Opportunities Fund, LP'), cover('Arden Q. Pike')],
      'schedule',
    );
    expect(trades(transactions).map((t) => [t.kind, t.holder, t.shares, t.date])).toEqual([
      ['shares-purchased', 'Northwind Opportunities Fund, LP', 1_985_204, '2015-09-24'],
      ['shares-sold', 'Northwind Opportunities Fund, LP', 13_000, '2015-09-24'],
      ['shares-purchased', 'Arden Q. Pike', 357_500, '2015-10-01'],
    ]);
    expect(transactions.every((t) => t.source.item === 'schedule')).toBe(true);
  });

  it('matches a short name in the row ("Master") to the one cover page whose name has it', () => {
    const text = [
      'Reporting Person\t\tTrade Date\t\tPurchased (Sold)\t\tPrice / Share',
      'Master\t\t4/25/2016\t\t41,819\t\t$\t4.15',
    ].join('\n');
    const { transactions } = read(text, [
      cover('Cornell Master LP'),
      cover('Cornell Capital Management LP'),
      cover('James Q. Mai'),
    ]);
    expect(transactions).toMatchObject([
      {
        kind: 'shares-purchased',
        holder: 'Cornell Master LP',
        shares: 41_819,
        pricePerShare: 4.15,
        date: '2016-04-25',
      },
    ]);
  });

  it('lists for review what it cannot place: an exercise, or a row no holder can be told for', () => {
    const header = 'Date\tShares\tPrice\tNature of Transaction';
    const { transactions, review } = read(
      [header, '3/1/2021\t5,000\t$2.00\tExercise of warrants', '3/2/2021\t1,000\t$2.10\tPurchase'].join('\n'),
      [cover('First Fund LP'), cover('Second Fund LP')],
    );
    expect(transactions).toEqual([]);
    expect(review.map((r) => r.reason)).toEqual([
      'a "Exercise of warrants" is not a purchase or sale the ledger records',
      'the row names no reporting person, and the filing has more than one',
    ]);
  });

  it('reads no trade from prose or from a table that is not of trades', () => {
    const text = [
      'On March 1, 2021, the Reporting Person purchased 1,000 shares at $2.00 per share.',
      'Name\tAddress\tShares',
      'Ann Lee\t1 Main St.\t1,000',
    ].join('\n');
    expect(read(text, [cover('Ann Lee')])).toEqual({ transactions: [], review: [] });
  });
});
