/** Runs a benchmark step in a fresh Node process (its own heap, its own peak memory) and reads back its JSON. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export async function runChild<T>(
  script: string,
  args: readonly string[],
  nodeOptions: readonly string[] = [],
): Promise<T> {
  const file = fileURLToPath(new URL(script, import.meta.url));
  const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', file, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('close', resolve));
  if (code !== 0) throw new Error(`${script} ${args.join(' ')} exited with ${code}`);
  const last = output.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as T;
}
