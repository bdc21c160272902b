import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSample } from '../../src/ledger/sample.js';
import { openStore } from '../../src/store/open-store.js';
import { runCliCapturing, type CliRun } from '../support/run-cli.js';
import { freshStoreUrl, onTarget, storeTargets } from '../support/store-targets.js';

/** Every test has a store file of its own in this directory: none sees another's writes. */
const dir = mkdtempSync(join(tmpdir(), 'ledger-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let stores = 0;

type Cli = (...args: string[]) => Promise<CliRun>;

/** Each test runs on SQLite (a file of its own) and on PostgreSQL (a schema of its own) when a server answers. */
const targets = await storeTargets('the ledger commands', () => `sqlite:${join(dir, `ledger-${++stores}.db`)}`);

/** A new, empty store and the CLI run against it. */
async function emptyLedger(): Promise<Cli> {
  const store = await freshStoreUrl();
  return (...args) => runCliCapturing(store, ...args);
}

/** When the sample is recorded in a test's own ledger: the store's clock is injected, not read. */
const SAMPLE_RECORDED_AT = new Date('2024-08-01T12:00:00.000Z');

/** A store of its own holding the bundled sample, recorded at SAMPLE_RECORDED_AT, and the CLI run against it. */
async function sampleLedger(): Promise<Cli> {
  const store = await freshStoreUrl();
  const opened = await openStore(store, { now: () => SAMPLE_RECORDED_AT });
  try {
    await loadSample(opened);
  } finally {
    await opened.close();
  }
  return (...args) => runCliCapturing(store, ...args);
}

describe.each(targets)('the ledger commands on $name', (target) => {
  onTarget(target);
  it('quickstart loads the sample and prints the holdings table at 2024-07-23', async () => {
    const run = await emptyLedger();
    const { code, out } = await run('quickstart');
    expect(code).toBe(0);
    expect(out).toMatch(/Ault & Company, Inc\.\s+214,940,800\s+85\.72%/);
    expect(out).toMatch(/Milton C\. Ault, III\s+214,943,126\s+85\.72%\s+2,326\s+214,940,800/);
  });

  it('sample load a second time writes nothing', async () => {
    const run = await emptyLedger();
    const first = JSON.parse((await run('sample', 'load', '--json')).out);
    expect(first.appended).toBeGreaterThan(0);
    const { out } = await run('sample', 'load', '--json');
    expect(JSON.parse(out)).toMatchObject({ appended: 0, alreadyPresent: first.appended });
  });

  it('holdings --json keeps the contract field names', async () => {
    const run = await sampleLedger();
    const { code, out } = await run('holdings', '--issuer', '09175M507', '--as-of', '2024-07-23', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.issuer).toEqual({ cusip: '09175M507', name: 'Ault Alliance, Inc.' });
    expect(report.sharesOutstanding).toMatchObject({ value: 35_846_318, asOf: '2024-07-23' });
    const horne = report.holders.find((h: { personId: string }) => h.personId === 'william-b-horne');
    expect(Object.keys(horne)).toEqual(
      expect.arrayContaining([
        'personId',
        'name',
        'securities',
        'aggregate',
        'percentOfClass',
        'soleVotingPower',
        'sharedVotingPower',
        'soleDispositivePower',
        'sharedDispositivePower',
        'basis',
      ]),
    );
    expect(Object.keys(horne.securities[0])).toEqual(
      expect.arrayContaining(['title', 'quantity', 'sharesIssuable', 'exercisableWithin60Days', 'basis']),
    );
    expect(horne.aggregate).toBe(81 + 81);
  });

  it('group, statement and history answer in JSON', async () => {
    const run = await sampleLedger();
    const group = JSON.parse((await run('group', '--issuer', '09175M507', '--as-of', '2024-07-23', '--json')).out);
    expect(group.members.map((m: { personId: string }) => m.personId)).toContain('kenneth-s-cragun');
    expect(group.members[0]).toHaveProperty('since');
    const statement = JSON.parse(
      (await run('statement', '--issuer', '09175M507', '--as-of', '2024-07-24', '--json')).out,
    );
    expect(statement.filings).toHaveLength(9);
    const history = JSON.parse(
      (await run('history', '--issuer', '09175M507', '--person', 'ault-and-company', '--json')).out,
    );
    expect(history.changes.length).toBeGreaterThan(10);
  });

  it('diff --from 7 --to 8 --json says what Amendment No. 8 restated and that No. 7 is unknown', async () => {
    // Given the sample
    const run = await sampleLedger();
    // When
    const { code, out } = await run('diff', '--issuer', '09175M507', '--from', '7', '--to', '8', '--json');
    // Then
    expect(code).toBe(0);
    const diff = JSON.parse(out);
    expect(Object.keys(diff)).toEqual(
      expect.arrayContaining(['issuer', 'from', 'to', 'itemsRestated', 'coverChanges', 'holdingChanges', 'notes']),
    );
    expect(diff.from).toMatchObject({ amendment: 7, filedOn: '2023-10-24', contentsKnown: false });
    expect(diff.to).toMatchObject({ amendment: 8, filedOn: '2024-07-24', contentsKnown: true });
    expect(diff.itemsRestated[0].items.map((i: { item: string }) => i.item)).toEqual(['2', '3', '5', '6', '7']);
  });

  it('holdings --share-basis says its basis in JSON and in the table header', async () => {
    const run = await sampleLedger();
    const json = JSON.parse(
      (await run('holdings', '--issuer', '09175M507', '--as-of', '2024-07-23', '--share-basis', 'adjusted', '--json'))
        .out,
    );
    expect(json).toMatchObject({ shareBasis: 'adjusted', shareBasisAdjustment: { factor: 1, splits: [] } });
    const table = (await run('holdings', '--issuer', '09175M507', '--as-of', '2024-07-23')).out;
    expect(table.split('\n')[0]).toMatch(/share basis: as reported/);
    const bad = await run('holdings', '--issuer', '09175M507', '--as-of', '2024-07-23', '--share-basis', 'today');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--share-basis "today" is not one of as-reported, adjusted/);
  });

  it('reconcile --json lists findings with filing, kind, message, reported, computed', async () => {
    const run = await sampleLedger();
    const { out } = await run('reconcile', '--issuer', '09175M507', '--json');
    const findings = JSON.parse(out).findings as {
      filing: string;
      kind: string;
      reported: unknown;
      computed: unknown;
    }[];
    expect(findings.find((f) => f.kind === 'address-mismatch')).toMatchObject({
      filing: 'Amendment No. 8',
      reported: 'Suite 330',
      computed: 'Suite 240',
    });
  });

  it('retract then holdings --recorded-by before it shows the retracted purchase', async () => {
    // Given the sample recorded at 2024-08-01T12:00Z (an injected clock), and the CLI's retraction recorded after it,
    // now
    const run = await sampleLedger();
    const history = JSON.parse(
      (await run('history', '--issuer', '09175M507', '--person', 'ault-and-company', '--json')).out,
    );
    const purchase = history.changes.find((c: { date: string }) => c.date === '2024-06-17');
    // When the 10,000-share purchase of 2024-06-17 is retracted
    const retract = await run('retract', '--event', purchase.factId, '--reason', 'test retraction');
    expect(retract.code).toBe(0);
    // Then holdings leave it out, except as recorded by the time the sample was recorded
    const holders = async (...extra: string[]) =>
      JSON.parse((await run('holdings', '--issuer', '09175M507', '--as-of', '2024-07-01', '--json', ...extra)).out)
        .holders;
    const owned = async (...extra: string[]) => (await holders(...extra))[0].sharesOwned.direct;
    expect(await owned()).toBe(88 + 55 + 36);
    expect(await owned('--recorded-by', SAMPLE_RECORDED_AT.toISOString())).toBe(88 + 55 + 36 + 10_000);
    // (and a millisecond before the sample was recorded, the ledger knew nothing)
    expect(await holders('--recorded-by', '2024-08-01T11:59:59.999Z')).toEqual([]);
  });

  it('correct refuses a value that fails the schema with a clear error', async () => {
    const run = await sampleLedger();
    const history = JSON.parse(
      (await run('history', '--issuer', '09175M507', '--person', 'ault-and-company', '--json')).out,
    );
    const { code, err } = await run(
      'correct',
      '--event',
      history.changes[0].factId,
      '--set',
      'shares=lots',
      '--reason',
      'bad',
    );
    expect(code).toBe(1);
    expect(err).toMatch(/SharesPurchased .* fails its schema: shares/);
  });

  it.each([
    [['holdings', '--issuer', '09175M508', '--as-of', '2024-07-23'], /not a valid CUSIP/],
    [['holdings', '--issuer', '09175M507', '--as-of', '2024-13-01'], /not a calendar date/],
    [['holdings', '--issuer', '037833100', '--as-of', '2024-07-23'], /no events for issuer 037833100/],
  ])('refuses bad input %j with a clear error', async (args, message) => {
    const run = await sampleLedger();
    const { code, err } = await run(...args);
    expect(code).toBe(1);
    expect(err).toMatch(message);
  });
});
