/**
 * Step 6: `13d-ledger serve` over the benchmark's store in a process of its own, and this process loading its
 * holdings endpoint on loopback with a fixed number of requests in flight, for a fixed time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { HoldingsQuery } from './holdings-queries.js';
import { summarise, type Latencies } from './latency.js';

export interface HttpFigures {
  concurrency: number;
  seconds: number;
  requestsPerSec: number;
  latency: Latencies;
}

const BIN = fileURLToPath(new URL('../bin/13d-ledger.js', import.meta.url));

export async function benchHttp(
  storeFile: string,
  dir: string,
  queries: readonly HoldingsQuery[],
  seconds: number,
  concurrency = 8,
): Promise<HttpFigures> {
  const { server, url } = await startServe(storeFile, join(dir, 'http-index.json'));
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  try {
    const samples: number[] = [];
    let next = 0;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    const worker = async () => {
      while (performance.now() < deadline) {
        const { cusip, asOf } = queries[next++ % queries.length]!;
        const at = performance.now();
        await get(agent, `${url}api/issuers/${cusip}/holdings?asOf=${asOf}`);
        samples.push(performance.now() - at);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsed = (performance.now() - started) / 1000;
    return {
      concurrency,
      seconds: elapsed,
      requestsPerSec: Math.round(samples.length / elapsed),
      latency: summarise(samples),
    };
  } finally {
    agent.destroy();
    await stop(server);
  }
}

async function startServe(storeFile: string, indexFile: string): Promise<{ server: ChildProcess; url: string }> {
  const args = [BIN, '--store', `sqlite:${storeFile}`, 'serve', '--port', '0', '--index-file', indexFile];
  const server = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LEDGER_TOKEN: '', LEDGER_READ_TOKEN: '' },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const found = /timeline page:\s+(http:\/\/\S+\/)/.exec(output);
      if (found) resolve(found[1]!);
    });
    server
      .on('error', reject)
      .on('exit', (code) => reject(new Error(`13d-ledger serve exited with ${code} before serving: ${output}`)));
  });
  return { server, url };
}

function get(agent: Agent, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    request(url, { agent }, (response) => {
      response.resume();
      response.on('end', () =>
        response.statusCode === 200 ? resolve() : reject(new Error(`GET ${url}: ${response.statusCode}`)),
      );
    })
      .on('error', reject)
      .end();
  });
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}
