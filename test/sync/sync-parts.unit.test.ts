import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/edgar/edgar-client.js';
import { FormIndexError, parseFormIndex, schedule13DFilings } from '../../src/edgar/form-index.js';
import { submissionIncomplete } from '../../src/edgar/full-submission.js';
import { createRateLimiter } from '../../src/edgar/rate-limiter.js';
import { MissingUserAgentError, resolveUserAgent } from '../../src/edgar/user-agent.js';
import { planIndexUnits, uncoveredRanges } from '../../src/ledger/sync-plan.js';
import { advancedWatermark } from '../../src/ledger/sync-watermark.js';

describe('the plan of index units', () => {
  it('reads a settled quarter from its quarterly index and the open one day by day, business days only', () => {
    // 2024 Q2 ended 30 June, more than 7 days before 31 July; Q3 is open. 4 July is a federal holiday.
    expect(planIndexUnits('2024-06-28', '2024-07-08', null, '2024-07-31')).toEqual([
      { kind: 'quarter', year: 2024, quarter: 2, from: '2024-06-28', to: '2024-06-30' },
      { kind: 'day', date: '2024-07-01' },
      { kind: 'day', date: '2024-07-02' },
      { kind: 'day', date: '2024-07-03' },
      { kind: 'day', date: '2024-07-05' },
      { kind: 'day', date: '2024-07-08' },
    ]);
  });

  it('leaves out what the watermark covers, before and after it', () => {
    const covered = { from: '2024-07-10', through: '2024-07-20' };
    expect(uncoveredRanges('2024-07-01', '2024-07-31', covered)).toEqual([
      ['2024-07-01', '2024-07-09'],
      ['2024-07-21', '2024-07-31'],
    ]);
    expect(uncoveredRanges('2024-07-12', '2024-07-18', covered)).toEqual([]);
  });
});

describe('the watermark', () => {
  const stored = { from: '2024-07-10', through: '2024-07-20' };
  it('joins a run that meets it, moves to a run that starts past it, and stays for one that has not reached it', () => {
    expect(advancedWatermark(stored, { from: '2024-07-21', through: '2024-07-25' })).toEqual({
      from: '2024-07-10',
      through: '2024-07-25',
    });
    expect(advancedWatermark(stored, { from: '2024-07-01', through: '2024-07-09' })).toEqual({
      from: '2024-07-01',
      through: '2024-07-20',
    });
    expect(advancedWatermark(stored, { from: '2024-07-23', through: '2024-07-25' })).toEqual({
      from: '2024-07-23',
      through: '2024-07-25',
    });
    expect(advancedWatermark(stored, { from: '2024-07-01', through: '2024-07-05' })).toBeNull();
    expect(advancedWatermark(stored, { from: '2024-07-12', through: '2024-07-15' })).toBeNull();
  });
});

describe("EDGAR's form index", () => {
  const heading = `${'Form Type'.padEnd(12)}${'Company Name'.padEnd(62)}${'CIK'.padEnd(12)}Date Filed  File Name`;
  // EDGAR pads form types to 17 characters under a 12-character heading: "SCHEDULE 13D/A" overruns the heading
  const row = (form: string, name: string, cik: string, file: string) =>
    `${form.padEnd(17)}${name.padEnd(62)}${cik.padEnd(12)}${'20240710'.padEnd(12)}${file}`;
  const rule = '-'.repeat(120);
  it('reads lines from the right: a form type wider than its column shifts nothing; one filing per accession', () => {
    const text = [
      'Description:           Daily Index of EDGAR Dissemination Feed by Form Type',
      '',
      heading,
      rule,
      row('10-K', 'ACME CORP', '1234567', 'edgar/data/1234567/0001234567-24-000001.txt'),
      row('SCHEDULE 13D/A', 'ULTRA FUND LP', '1500001', 'edgar/data/1500001/0001500001-24-000007.txt'),
      row('SCHEDULE 13D/A', 'TARGET INC', '896493', 'edgar/data/896493/0001500001-24-000007.txt'),
      row('SC 13D', 'HOLDER LLC', '77', 'edgar/data/77/0000000077-24-000002.txt'),
      row('SC 13G', 'PASSIVE LLC', '88', 'edgar/data/88/0000000088-24-000003.txt'),
    ].join('\n');
    const filings = schedule13DFilings(parseFormIndex(text, 'form.20240710.idx'));
    expect(filings).toEqual([
      {
        formType: 'SCHEDULE 13D/A',
        companyName: 'ULTRA FUND LP',
        cik: '0001500001',
        dateFiled: '2024-07-10',
        fileName: 'edgar/data/1500001/0001500001-24-000007.txt',
        accessionNumber: '0001500001-24-000007',
      },
      {
        formType: 'SC 13D',
        companyName: 'HOLDER LLC',
        cik: '0000000077',
        dateFiled: '2024-07-10',
        fileName: 'edgar/data/77/0000000077-24-000002.txt',
        accessionNumber: '0000000077-24-000002',
      },
    ]);
  });

  it('refuses a file that is not a form index, and names the line that is not an index line', () => {
    expect(() => parseFormIndex('<html>Not Found</html>', 'form.idx')).toThrow(FormIndexError);
    expect(() => parseFormIndex([heading, rule, 'garbage'].join('\n'), 'form.idx')).toThrow(
      'form.idx, line 3: not an index line: "garbage"',
    );
  });
});

describe('EDGAR client parts', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2024-07-10T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 10 Jul 2024 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('says a submission cut short is incomplete, by its envelope', () => {
    expect(submissionIncomplete(Buffer.from('<SEC-DOCUMENT>0001.txt\n<TEXT>half'))).toBe(
      'it opens with <SEC-DOCUMENT> but does not end with </SEC-DOCUMENT>',
    );
    expect(submissionIncomplete(Buffer.from('<SEC-DOCUMENT>0001.txt\n</SEC-DOCUMENT>\n'))).toBeNull();
    expect(submissionIncomplete(Buffer.alloc(0))).toBe('empty body');
  });

  it('spaces requests at least 100 ms apart at 10 per second, in the order they asked', async () => {
    let now = 0;
    const starts: [number, number][] = [];
    const limiter = createRateLimiter({ now: () => now, sleep: async (ms) => void (now += ms) });
    await Promise.all([1, 2, 3, 4].map((n) => limiter.acquire().then(() => starts.push([n, now]))));
    expect(starts).toEqual([
      [1, 0],
      [2, 100],
      [3, 200],
      [4, 300],
    ]);
  });

  it('takes a User-Agent with a name and an e-mail, from the flag or LEDGER_USER_AGENT', () => {
    expect(resolveUserAgent(undefined, { LEDGER_USER_AGENT: 'Jane Doe jane@example.com' })).toBe(
      'Jane Doe jane@example.com',
    );
    expect(resolveUserAgent('Acme Research ops@acme.example', {})).toBe('Acme Research ops@acme.example');
    expect(() => resolveUserAgent(undefined, {})).toThrow(MissingUserAgentError);
    expect(() => resolveUserAgent('jane@example.com', {})).toThrow('lacks a name beside the e-mail address');
  });
});
