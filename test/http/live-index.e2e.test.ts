/**
 * The server's index of issuers is kept current from a catch-up subscription: a filing
 * the CLI ingests into the same store, from another process, shows up through the API
 * without a restart; and a restart continues from the stored checkpoint.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../src/http/server.js';
import { testServer, type TestServer } from './support.js';

const CLI = fileURLToPath(new URL('../../bin/13d-ledger.js', import.meta.url));
const SYNTHETIC_XML = fileURLToPath(new URL('../fixtures/ingest/synthetic-schedule13d.xml', import.meta.url));

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error('not seen in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the live index', () => {
  it('shows a filing the CLI ingests in another process, without a restart', async () => {
    // Given a server over a store holding the sample
    server = await testServer();
    expect((await server.get('/api/issuers')).json.issuers).toHaveLength(1);
    // When the CLI, in its own process, ingests the synthetic XML original into the same store file
    const cli = await runCli('--store', `sqlite:${join(server.dir, 'ledger.db')}`, 'ingest', SYNTHETIC_XML, '--json');
    expect(cli.code, cli.err).toBe(0);
    // Then the server's issuer list shows Veridane Therapeutics, and a holder query finds its persons
    const veridane = await eventually(async () =>
      (await server!.get('/api/issuers')).json.issuers.find((i: { cusip: string }) => i.cusip === '75934R103'),
    );
    expect(veridane.name).toBe('Veridane Therapeutics, Inc.');
    const positions = await server.get('/api/holders/kestrel-hollow-partners-lp/positions?asOf=2025-01-06');
    expect(positions.json.positions[0].holding).toMatchObject({ aggregate: 1_640_000 });
  });

  it('restarts from its stored checkpoint, and rebuilds from zero when the snapshot is of another store', async () => {
    // Given a server that built its index over the sample and stopped (writing its snapshot)
    const dir = mkdtempSync(join(tmpdir(), 'ledger-live-index-'));
    const storeUrl = `sqlite:${join(dir, 'ledger.db')}`;
    const indexFile = join(dir, 'index.json');
    const loaded = await startServer({
      storeUrl,
      port: 0,
      tokens: { write: null, read: null },
      indexFile: null,
      loadSampleIfEmpty: true,
    });
    await loaded.close();
    const first = await startServer({ storeUrl, port: 0, tokens: { write: null, read: null }, indexFile });
    expect(first.index.start.from).toBe('zero');
    const checkpoint = first.index.current().checkpoint;
    await first.close();
    // When it starts again over the same store
    const second = await startServer({ storeUrl, port: 0, tokens: { write: null, read: null }, indexFile });
    try {
      // Then it starts from the snapshot at the checkpoint, and knows the same issuers
      expect(second.index.start).toMatchObject({ from: 'snapshot', checkpoint });
      expect(Object.keys(second.index.current().issuers)).toEqual(['09175M507']);
    } finally {
      await second.close();
    }
    // And over another store (an empty one), the same snapshot is recognised as not its own
    const other = await startServer({
      storeUrl: `sqlite:${join(dir, 'other.db')}`,
      port: 0,
      tokens: { write: null, read: null },
      indexFile,
    });
    try {
      expect(other.index.start.from).toBe('zero');
      expect(other.index.current().issuers).toEqual({});
    } finally {
      await other.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
