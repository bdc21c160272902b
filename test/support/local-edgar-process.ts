/** Starts the local EDGAR in a child process (local-edgar-child.ts) and reads its request log from it. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { LoggedRequest } from './local-edgar.js';

export interface LocalEdgarProcess {
  url: string;
  /** The requests so far, with the child's own clock (performance.now() there). */
  log(): Promise<{ requests: LoggedRequest[]; maxInFlight: number }>;
  close(): Promise<void>;
}

export async function startLocalEdgarProcess(files: Map<string, Buffer>, delayMs = 0): Promise<LocalEdgarProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'local-edgar-'));
  const filesJson = join(dir, 'files.json');
  writeFileSync(filesJson, JSON.stringify(Object.fromEntries([...files].map(([p, b]) => [p, b.toString('base64')]))));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'local-edgar-child.ts'), filesJson, String(delayMs)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await lines.next();
    if (line.done) throw new Error('the local EDGAR process ended');
    return line.value;
  };
  const url = await next();
  return {
    url,
    async log() {
      child.stdin!.write('log\n');
      return JSON.parse(await next()) as { requests: LoggedRequest[]; maxInFlight: number };
    },
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin!.end();
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
