/**
 * `npm run bench` at a tiny scale, as a program, end to end: it prints the table with the peer and the floor, and
 * its JSON has every field the issue names with sane values. Nothing here is timed or compared with a target: a
 * benchmark belongs to a quiet machine, not to the test suite.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { historyBatches, historyShape } from '../../bench/synthetic-ledger.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCALE = 0.002; // 40 issuers
const SEED = 5;
const dir = mkdtempSync(join(tmpdir(), 'bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runBench(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args], {
    cwd: ROOT,
    maxBuffer: 10 * 2 ** 20,
  });
}

describe('npm run bench at a tiny scale', () => {
  it('prints the table and writes every figure to --json', { timeout: 180_000 }, async () => {
    const jsonFile = join(dir, 'bench.json');
    const args = [
      '--scale',
      String(SCALE),
      '--seed',
      String(SEED),
      '--json',
      jsonFile,
      '--queries',
      '300',
      '--cold-queries',
      '30',
    ];
    const { stdout } = await runBench(...args, '--http-seconds', '1', '--peer-events', '600');
    const json = JSON.parse(readFileSync(jsonFile, 'utf8')) as Record<string, unknown>;
    const expectedEvents = [...historyBatches(historyShape(SCALE, SEED))].reduce(
      (sum, batch) => sum + batch.events.length,
      0,
    );
    expect(json.events).toBe(expectedEvents);
    expect(json.scale).toBe(SCALE);
    const rates = [
      'appendEventsPerSec',
      'readAllEventsPerSec',
      'replayEventsPerSec',
      'ingestFilingsPerSec',
      'httpRequestsPerSec',
      'appendEventsPerSecSynchronousFull',
    ];
    for (const field of rates) expect(json[field], field).toBeGreaterThan(0);
    const latencies = ['queryP50MsWarm', 'queryP99MsWarm', 'queryP99MsCold', 'httpP99Ms'];
    for (const field of latencies) expect(json[field], field).toBeGreaterThan(0);
    expect(json.queryP50MsWarm as number).toBeLessThanOrEqual(json.queryP99MsWarm as number);
    // A Node process holding a replay of a few thousand events: more than its bare heap, far less than the machine.
    expect(json.replayPeakRssBytes as number).toBeGreaterThan(20 * 2 ** 20);
    expect(json.replayPeakRssBytes as number).toBeLessThan(4 * 2 ** 30);
    const peer = json.peer as Record<string, unknown>;
    expect(peer.name).toMatch(/Emmett/);
    expect(peer.appendEventsPerSec).toBeGreaterThan(0);
    expect(peer.readAllEventsPerSec).toBeGreaterThan(0);
    const floor = json.floor as Record<string, unknown>;
    expect(floor.appendEventsPerSec).toBeGreaterThan(0);
    expect(floor.readAllEventsPerSec).toBeGreaterThan(0);
    expect((json.sameEvents as { events: number }).events).toBeGreaterThanOrEqual(600);
    expect(stdout).toMatch(/vs peer/);
    expect(stdout).toMatch(/1 append, same [\d,]+ events, synchronous=full/);
    expect(stdout).toMatch(
      /durability everywhere \(but the row marked synchronous=full\): WAL with synchronous=NORMAL/,
    );
    expect(stdout).toContain(`${expectedEvents.toLocaleString('en-US')} events`);
  });

  it('refuses a bad option, naming it, and runs nothing', async () => {
    const refused = runBench('--scale', 'zero');
    await expect(refused).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--scale "zero" is not a positive number'),
    });
  });
});
