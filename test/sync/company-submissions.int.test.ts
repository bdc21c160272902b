import { afterEach, describe, expect, it } from 'vitest';
import { createEdgarClient } from '../../src/edgar/edgar-client.js';
import { edgarBaseOf } from '../../src/edgar/edgar-paths.js';
import { createRateLimiter } from '../../src/edgar/rate-limiter.js';
import { listCompany } from '../../src/ledger/sync-sources.js';
import { startLocalEdgar, type LocalEdgar } from '../support/local-edgar.js';
import { USER_AGENT } from './sync-fixture.js';

let edgar: LocalEdgar;
afterEach(async () => edgar?.close());

const columns = (rows: [form: string, accession: string, date: string][]) => ({
  form: rows.map((r) => r[0]),
  accessionNumber: rows.map((r) => r[1]),
  filingDate: rows.map((r) => r[2]),
});

describe("one company's submissions", () => {
  it('reads the recent filings and the older pages that meet the range, keeping its 13D forms', async () => {
    const recent = columns([
      ['SC 13D/A', '0000950170-24-000300', '2024-03-01'],
      ['10-K', '0000896493-24-000010', '2024-02-15'],
      ['SCHEDULE 13D', '0000950170-25-000001', '2025-01-10'],
    ]);
    const older = columns([
      ['SC 13D', '0000950170-19-000100', '2019-06-03'],
      ['SC 13G', '0000950170-19-000101', '2019-06-04'],
    ]);
    const json = {
      cik: '896493',
      name: 'AULT ALLIANCE, INC.',
      filings: {
        recent,
        files: [
          { name: 'CIK0000896493-submissions-001.json', filingFrom: '2015-01-01', filingTo: '2019-12-31' },
          { name: 'CIK0000896493-submissions-002.json', filingFrom: '1996-01-01', filingTo: '2014-12-31' },
        ],
      },
    };
    edgar = await startLocalEdgar(
      new Map([
        ['submissions/CIK0000896493.json', Buffer.from(JSON.stringify(json))],
        ['submissions/CIK0000896493-submissions-001.json', Buffer.from(JSON.stringify(older))],
      ]),
    );
    const client = createEdgarClient({ userAgent: USER_AGENT, limiter: createRateLimiter({ perSecond: 1000 }) });
    const listed = await listCompany({ client, base: edgarBaseOf(edgar.url) }, '896493', '2016-01-01', '2024-12-31');
    expect(listed.incomplete).toBeNull();
    expect(listed.filings.map((f) => [f.formType, f.accessionNumber, f.dateFiled, f.fileName])).toEqual([
      ['SC 13D', '0000950170-19-000100', '2019-06-03', 'edgar/data/896493/0000950170-19-000100.txt'],
      ['SC 13D/A', '0000950170-24-000300', '2024-03-01', 'edgar/data/896493/0000950170-24-000300.txt'],
    ]);
    // The page of 1996-2014 lies outside the range: never asked for
    expect(edgar.requests.map((r) => r.path)).toEqual([
      'submissions/CIK0000896493.json',
      'submissions/CIK0000896493-submissions-001.json',
    ]);
  });
});
