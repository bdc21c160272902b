/** Runs the CLI in-process against a store URL, capturing what it writes to stdout and stderr. */
import { vi } from 'vitest';
import { runCli } from '../../src/cli/program.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCliCapturing(storeUrl: string, ...args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: await runCli(['--store', storeUrl, ...args]), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
