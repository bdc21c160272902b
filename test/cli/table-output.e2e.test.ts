import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCapturing } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ledger-tables-'));
const store = `sqlite:${join(dir, 'ledger.db')}`;
const ISSUER = ['--issuer', '09175M507'];
const DATES = ['2019-12-01', '2020-08-20', '2024-03-10', '2024-07-22', '2024-07-23', '2026-01-01'];
const PERSONS = ['ault-and-company', 'milton-c-ault-iii', 'william-b-horne', 'henry-c-w-nisser', 'kenneth-s-cragun'];

const run = (...args: string[]) => runCliCapturing(store, ...args);

async function table(...args: string[]): Promise<string> {
  const { code, out, err } = await run(...args);
  expect(err).toBe('');
  expect(code).toBe(0);
  return out;
}

/** Every query command in table form, at every date, under each clock. */
function everyQuery(): string[][] {
  const queries: string[][] = [];
  for (const date of DATES) {
    queries.push(
      ['holdings', ...ISSUER, '--as-of', date],
      ['group', ...ISSUER, '--as-of', date],
      ['statement', ...ISSUER, '--as-of', date],
    );
    queries.push(
      ['holdings', ...ISSUER, '--as-of', '2024-07-23', '--filed-by', date],
      ['holdings', ...ISSUER, '--as-of', date, '--share-basis', 'adjusted'],
    );
    for (const person of PERSONS) queries.push(['history', ...ISSUER, '--person', person, '--as-of', date]);
  }
  queries.push(
    ['holdings', ...ISSUER, '--as-of', '2024-07-23', '--recorded-by', '2020-01-01'],
    ['reconcile', ...ISSUER],
  );
  for (const [from, to] of [
    ['0', '1'],
    ['7', '8'],
    ['0', '8'],
  ])
    queries.push(['diff', ...ISSUER, '--from', from!, '--to', to!]);
  return queries;
}

beforeAll(async () => {
  expect((await run('sample', 'load')).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the query commands in table form', () => {
  it('never print undefined, null, NaN or [object Object] at any date or clock', async () => {
    for (const args of everyQuery()) {
      const out = await table(...args);
      for (const bad of [/\bundefined\b/, /\bnull\b/, /\bNaN\b/, /\[object Object\]/, /\{"/])
        expect(out, `${args.join(' ')}\n${out}`).not.toMatch(bad);
    }
  });

  it('print the key figures of Amendment No. 8 formatted', async () => {
    const holdings = await table('holdings', ...ISSUER, '--as-of', '2024-07-23');
    expect(holdings).toMatch(/Ault & Company, Inc\.\s+214,940,800\s+85\.72%/);
    expect(holdings).toContain('35,846,318');
    expect(holdings).toMatch(/Henry C\.W\. Nisser\s+163\s+Less than 1%/);
    const diff = await table('diff', ...ISSUER, '--from', '7', '--to', '8');
    expect(diff).toMatch(/13 percent of class\s+unknown\s+85\.72%/);
    expect(diff).toMatch(/13 percent of class\s+unknown\s+Less than 1%/);
    expect(diff).toContain('214,940,800');
  });
});

describe('diff', () => {
  it('says in words that the earlier cover page is not known, and why a percent is unknown', async () => {
    const out = await table('diff', ...ISSUER, '--from', '7', '--to', '8');
    expect(out).toContain('earlier page not known');
    expect(out).not.toContain('before-unknown');
    expect(out).toContain('179 (from transactions; percent unknown: shares outstanding not known)');
  });
});

describe('statement', () => {
  it('says before the original that nothing had been filed, and when the first filing was', async () => {
    const out = await table('statement', ...ISSUER, '--as-of', '2021-01-01');
    expect(out).toContain('no statement had been filed by 2021-01-01');
    expect(out).toContain('Original Schedule 13D, was filed on 2021-10-12');
    expect(out).not.toMatch(/, ,|no known change/);
  });
});

describe('holdings with nothing to show', () => {
  it.each([
    [
      ['--as-of', '2019-12-01'],
      /No holdings facts are effective on or before 2019-12-01; the earliest date with holdings is 2020-01-15\./,
    ],
    [
      ['--as-of', '2024-07-23', '--filed-by', '2020-01-01'],
      /No filing about this issuer had been filed by 2020-01-01; the first, Original Schedule 13D, was filed on 2021-10-12/,
    ],
    [
      ['--as-of', '2024-07-23', '--recorded-by', '2020-01-01'],
      /The ledger had recorded nothing for this issuer by 2020-01-02T04:59:59\.999Z; its first event was recorded at /,
    ],
  ])('explains in one sentence why %j is empty', async (args, sentence) => {
    const out = await table('holdings', ...ISSUER, ...args);
    expect(out).toMatch(sentence);
    expect(out).not.toContain('Reporting person');
  });
});

describe('holdings', () => {
  it('says why a security counts nothing', async () => {
    const out = await table('holdings', ...ISSUER, '--as-of', '2024-03-10');
    expect(out).toMatch(
      /Senior Secured Convertible Promissory Note\s+\$17,500,000\s+unknown.*not counted: no conversion price into the class is known/,
    );
    expect(out).toMatch(/Series C Warrants.*not counted: the exchange cap blocks all of it/);
  });

  it('groups every note under the table with grouped digits', async () => {
    const out = await table('holdings', ...ISSUER, '--as-of', '2026-01-01');
    expect(out).toMatch(/Notes\n {2}This view:\n {4}- shares outstanding as of 2024-07-23/);
    expect(out).toContain(
      'Class A Common Stock: reported 25,229 as of 2024-07-23, but the transactions give 10,179: +15,050 unexplained',
    );
  });
});

describe('history', () => {
  it('names holders, prints prices with their labels and keeps rows in date order', async () => {
    const out = await table('history', ...ISSUER, '--person', 'ault-and-company');
    expect(out).toContain('$739,948 total');
    expect(out).toContain('$41,500,000 purchase price');
    expect(out).toContain('$500,000 purchase price');
    expect(out).toContain('$10,989/share conversion');
    expect(out).toContain('Ault & Company, Inc.');
    expect(out).not.toMatch(/^\S+\s+ault-and-company\s/m);
    const dates = out
      .split('\n')
      .map((line) => /^(?:on or before )?(\d{4}-\d{2}-\d{2})\s/.exec(line)?.[1])
      .filter((d): d is string => d !== undefined);
    expect(dates.length).toBeGreaterThan(10);
    expect(dates).toEqual([...dates].sort());
  });
});

describe('reconcile', () => {
  it('prints each finding with the reported and computed figures formatted', async () => {
    const out = await table('reconcile', ...ISSUER);
    expect(out).toContain('reported 13,008,131; computed 12,860,311');
    expect(out).toContain('reported Suite 330; computed Suite 240');
    expect(out).toMatch(/^7 findings; 83 checks consistent; 8 filings not checked/m);
  });
});
