/** What the tests of concurrent `ingest` processes share: amendments of the seed built in code, and one CLI run. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AULT_TEXT } from '../ingest/fixtures.js';

const CLI = fileURLToPath(new URL('../../bin/13d-ledger.js', import.meta.url));

/** Issuers to file on: the sample's, and others with their own (valid) CUSIP and name. */
export const ISSUERS = {
  ault: { cusip: '09175M 507', key: '09175M507', name: 'Ault Alliance, Inc.' },
  northwind: { cusip: '66510N 10 3', key: '66510N103', name: 'Northwind Robotics, Inc.' },
  apple: { cusip: '037833 10 0', key: '037833100', name: 'Apple Orchard Holdings, Inc.' },
} as const;

/** The seed text as Amendment No. n of one of the issuers. */
export function amendment(n: number, issuer: keyof typeof ISSUERS = 'ault'): string {
  const { cusip, name } = ISSUERS[issuer];
  return readFileSync(AULT_TEXT, 'utf8')
    .replace('(Amendment No. 8)', `(Amendment No. ${n})`)
    .replaceAll('09175M 507', cusip)
    .replaceAll('Ault Alliance, Inc.', name);
}

export interface Outcome {
  file: string;
  status: string;
  appended: number;
  stream: string;
}

/** `13d-ledger ingest FILES --json` in a process of its own. */
export async function ingest(
  store: string,
  files: readonly string[],
): Promise<{ code: number; outcomes: Outcome[]; err: string }> {
  const run = await runCli(['--store', store, 'ingest', ...files, '--json']);
  return { ...run, outcomes: run.out === '' ? [] : (JSON.parse(run.out) as { filings: Outcome[] }).filings };
}

/** `13d-ledger sample load --json` in a process of its own: what it says it appended. */
export async function sampleLoad(store: string): Promise<{ code: number; appended: number; err: string }> {
  const run = await runCli(['--store', store, 'sample', 'load', '--json']);
  return { ...run, appended: run.out === '' ? 0 : (JSON.parse(run.out) as { appended: number }).appended };
}

function runCli(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}
