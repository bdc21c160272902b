/**
 * The CLI's JSON answers on the bundled sample, byte for byte, against answers recorded before the domain
 * code was restructured (issue "one place per idea"): a refactor that changes any of them fails here.
 * The sample is recorded at a fixed instant, so the answers do not depend on the day the test runs.
 * UPDATE_GOLDEN=1 rewrites the files, for a change of behaviour that is meant (say why in the commit).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSample } from '../../src/ledger/sample.js';
import { openStore } from '../../src/store/open-store.js';
import { runCliCapturing } from '../support/run-cli.js';

const GOLDEN = fileURLToPath(new URL('../fixtures/golden/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ledger-golden-'));
const store = `sqlite:${join(dir, 'sample.db')}`;
const RECORDED_AT = new Date('2024-08-01T12:00:00.000Z');

beforeAll(async () => {
  const opened = await openStore(store, { now: () => RECORDED_AT });
  try {
    await loadSample(opened);
  } finally {
    await opened.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const QUERIES: [name: string, args: string[]][] = [
  ['holdings-2024-07-23', ['holdings', '--issuer', '09175M507', '--as-of', '2024-07-23']],
  ['holdings-2024-03-10', ['holdings', '--issuer', '09175M507', '--as-of', '2024-03-10']],
  [
    'holdings-2023-12-31-filed-by-2023-12-31',
    ['holdings', '--issuer', '09175M507', '--as-of', '2023-12-31', '--filed-by', '2023-12-31'],
  ],
  [
    'holdings-2024-07-23-recorded-by-2024-07-31',
    ['holdings', '--issuer', '09175M507', '--as-of', '2024-07-23', '--recorded-by', '2024-07-31'],
  ],
  [
    'holdings-2029-01-01-adjusted',
    ['holdings', '--issuer', '09175M507', '--as-of', '2029-01-01', '--share-basis', 'adjusted'],
  ],
  ['group-2024-07-23', ['group', '--issuer', '09175M507', '--as-of', '2024-07-23']],
  ['history-ault-and-company', ['history', '--issuer', '09175M507', '--person', 'ault-and-company']],
  ['history-milton-c-ault-iii', ['history', '--issuer', '09175M507', '--person', 'milton-c-ault-iii']],
  ['history-william-b-horne', ['history', '--issuer', '09175M507', '--person', 'william-b-horne']],
  ['statement-2024-07-24', ['statement', '--issuer', '09175M507', '--as-of', '2024-07-24']],
  ['statement-2023-01-01', ['statement', '--issuer', '09175M507', '--as-of', '2023-01-01']],
  ['diff-7-8', ['diff', '--issuer', '09175M507', '--from', '7', '--to', '8']],
  ['reconcile', ['reconcile', '--issuer', '09175M507']],
];

describe('the CLI JSON answers on the bundled sample', () => {
  it.each(QUERIES)('are unchanged: %s', async (name, args) => {
    const { code, out } = await runCliCapturing(store, ...args, '--json');
    expect(code).toBe(0);
    const file = join(GOLDEN, `${name}.json`);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
      if (process.env.CI !== undefined && !existsSync(file))
        throw new Error(`no golden answer ${file}: record it with UPDATE_GOLDEN=1 and commit it`);
      writeFileSync(file, out);
    }
    expect(out).toBe(readFileSync(file, 'utf8'));
  });
});
