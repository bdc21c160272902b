/** Timing helpers for the benchmarks: best of a few runs, reported as rates and ratios to a peer. */
import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  /** Best wall time over the runs, in milliseconds. */
  ms: number;
  /** Items processed per run. */
  items: number;
}

export async function measure(name: string, items: number, run: () => unknown | Promise<unknown>, runs = 3): Promise<Measurement> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    best = Math.min(best, performance.now() - started);
  }
  return { name, ms: best, items };
}

export function report(title: string, subject: Measurement, peer: Measurement): void {
  const rate = (m: Measurement) => `${Math.round(m.items / (m.ms / 1000)).toLocaleString('en-US')}/s`;
  console.log(`\n${title}`);
  console.log(`  ${subject.name.padEnd(44)} ${subject.ms.toFixed(1).padStart(9)} ms  ${rate(subject)}`);
  console.log(`  ${peer.name.padEnd(44)} ${peer.ms.toFixed(1).padStart(9)} ms  ${rate(peer)}`);
  console.log(`  ratio (ours / peer): ${(subject.ms / peer.ms).toFixed(2)}`);
}
