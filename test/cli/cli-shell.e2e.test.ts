/** The command as a user's shell sees it: exit codes, one-line errors, pipes, and no stray files. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = resolve(import.meta.dirname, '../../bin/13d-ledger.js');
const dir = mkdtempSync(join(tmpdir(), 'ledger-shell-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('the 13d-ledger command in a shell', () => {
  it('answers a query against a missing ledger file with one line naming the file, and creates nothing', () => {
    // Given a --store path that does not exist
    const store = join(dir, 'typo', 'ledger.db');
    // When holdings are asked for
    const result = run('--store', `sqlite:${store}`, 'holdings', '--issuer', '09175M507', '--as-of', '2024-07-23');
    // Then it fails with one line that names the missing file, and no file or directory appears
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`no ledger file at ${store}`);
    expect(existsSync(join(dir, 'typo'))).toBe(false);
  });

  it('stops quietly when its output is piped into a reader that closes early', () => {
    // Given a ledger with the bundled history
    const store = `sqlite:${join(dir, 'piped.db')}`;
    expect(run('--store', store, 'sample', 'load').status).toBe(0);
    // When the history is piped into `head -1`
    const output = execFileSync(
      'bash',
      [
        '-o',
        'pipefail',
        '-c',
        `"${process.execPath}" "${bin}" --store ${store} history --issuer 09175M507 --person ault-and-company | head -1`,
      ],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // Then the first line arrives and the pipeline exits 0 (execFileSync throws otherwise)
    expect(output).toMatch(/^History of Ault & Company, Inc\./);
  });

  it('answers a usage mistake with the problem and a pointer to help, not the whole help text', () => {
    const result = run('holdings', '--as-of', '2024-07-23');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("required option '--issuer <cusip>' not specified");
    expect(result.stderr).toContain('(add --help for usage)');
    expect(result.stderr).not.toContain('Options:');
  });
});

describe('an issuer stream holding an event another program wrote badly', () => {
  it('still answers, warns on stderr naming the event, and the warning goes once it is retracted', () => {
    // Given the bundled history and a bad event appended straight to the store (not through the ledger)
    const store = `sqlite:${join(dir, 'bad-event.db')}`;
    expect(run('--store', store, 'sample', 'load').status).toBe(0);
    const id = '77777777-7777-4777-8777-777777777777';
    const raw = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `
      import { openStore } from ${JSON.stringify(resolve(import.meta.dirname, '../../src/store/open-store.ts'))};
      const s = await openStore(${JSON.stringify(store)});
      await s.append('issuer-09175M507', [{ id: '${id}', type: 'PositionReported', data: { personId: 'x', quantity: 'lots' } }]);
      await s.close();`,
      ],
      { encoding: 'utf8' },
    );
    expect(raw.status, raw.stderr).toBe(0);
    // When holdings are asked for
    const holdings = run('--store', store, 'holdings', '--issuer', '09175M507', '--as-of', '2024-07-23', '--json');
    // Then Amendment No. 8's figures come back, and stderr names the bad event
    expect(holdings.status).toBe(0);
    expect(JSON.parse(holdings.stdout).holders[0].aggregate).toBe(214_940_800);
    expect(holdings.stderr).toContain(`${id} PositionReported`);
    // When it is retracted, Then the warning is gone
    expect(run('--store', store, 'retract', '--event', id, '--reason', 'written by a broken script').status).toBe(0);
    expect(run('--store', store, 'holdings', '--issuer', '09175M507', '--as-of', '2024-07-23').stderr).toBe('');
  });

  it('refuses to append a bad ledger event to an issuer stream through `events append`', () => {
    const store = `sqlite:${join(dir, 'raw-append.db')}`;
    const result = run(
      '--store',
      store,
      'events',
      'append',
      '--stream',
      'issuer-09175M507',
      '--type',
      'PositionReported',
      '--data',
      '{"personId":"x","quantity":"lots"}',
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PositionReported .* fails its schema/);
    expect(existsSync(join(dir, 'raw-append.db'))).toBe(false);
  });
});

describe('reconcile and statement under --filed-by', () => {
  it('check only the filings filed by then', () => {
    // Given the bundled history: Amendment No. 8 filed 2024-07-24, the earlier filings' contents unknown
    const store = `sqlite:${join(dir, 'filed-by.db')}`;
    expect(run('--store', store, 'sample', 'load').status).toBe(0);
    // When reconciled as of the record on 2024-01-01, Then nothing can be checked and the 8 earlier filings are named
    const before = JSON.parse(
      run('--store', store, 'reconcile', '--issuer', '09175M507', '--filed-by', '2024-01-01', '--json').stdout,
    );
    expect(before.findings).toEqual([]);
    expect(before.notChecked).toHaveLength(8);
    // And with no --filed-by, Amendment No. 8's findings appear
    const all = JSON.parse(run('--store', store, 'reconcile', '--issuer', '09175M507', '--json').stdout);
    expect(all.findings.length).toBeGreaterThan(0);
    // And the statement filed by 2023-12-31 stops at Amendment No. 7
    const statement = JSON.parse(
      run(
        '--store',
        store,
        'statement',
        '--issuer',
        '09175M507',
        '--as-of',
        '2024-08-01',
        '--filed-by',
        '2023-12-31',
        '--json',
      ).stdout,
    );
    expect(statement.filings.at(-1).amendmentNumber).toBe(7);
  });
});
