/**
 * A writer killed with SIGKILL in the middle of its appends, again and again on one file: no batch is
 * ever found in part, every batch it was told was written is there whole, and the hash chain still
 * verifies from the first event to the last.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/open-store.js';
import { verifyLog } from '../../../src/ledger/verify-log.js';

const dir = mkdtempSync(join(tmpdir(), 'ledger-killed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const KILLS = 8;
const BATCH = 40;

/**
 * Starts the writer, lets it write for `ms` after its first acknowledged batch, kills it; returns the streams it
 * acknowledged.
 */
async function writeThenKill(file: string, ms: number): Promise<string[]> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'batch-writer.ts'), file, String(BATCH)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  await new Promise<void>((resolve) =>
    child.stdout.on('data', (chunk: Buffer) => ((out += chunk.toString()), resolve())),
  );
  await new Promise((resolve) => setTimeout(resolve, ms));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return out.split('\n').filter((line) => line.startsWith('batch-'));
}

describe('a writer killed mid-batch', () => {
  it('never leaves part of a batch, keeps every acknowledged batch, and the log still verifies', async () => {
    const file = join(dir, 'killed.db');
    const acknowledged: string[] = [];
    for (let kill = 0; kill < KILLS; kill++)
      acknowledged.push(...(await writeThenKill(file, 50 + ((kill * 37) % 200))));
    const store = await openStore(`sqlite:${file}`);
    const counts = new Map<string, number>();
    for (const event of await store.readAll()) counts.set(event.stream, (counts.get(event.stream) ?? 0) + 1);
    console.log(`${KILLS} kills: ${acknowledged.length} batches acknowledged, ${counts.size} stored`);
    expect([...counts.values()].filter((n) => n !== BATCH)).toEqual([]);
    expect(acknowledged.filter((stream) => counts.get(stream) !== BATCH)).toEqual([]);
    expect(counts.size).toBeGreaterThanOrEqual(acknowledged.length);
    const report = await verifyLog(store);
    expect(report.problems).toEqual([]);
    expect(report.events).toBe(counts.size * BATCH);
    await store.close();
  }, 120_000);
});
