/**
 * The local EDGAR in a process of its own (run by local-edgar-process.ts), so that the times it logs are not
 * shifted by the client's work on the same event loop. Reads the files (JSON: path -> base64) and the delay from
 * argv, prints its URL on stdout, prints its request log as JSON when a line arrives on stdin, exits when stdin ends.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { startLocalEdgar } from './local-edgar.js';

const [filesJson, delay] = process.argv.slice(2);
const entries = Object.entries(JSON.parse(readFileSync(filesJson!, 'utf8')) as Record<string, string>);
const edgar = await startLocalEdgar(new Map(entries.map(([path, base64]) => [path, Buffer.from(base64, 'base64')])));
edgar.delayMs = Number(delay ?? 0);
process.stdout.write(`${edgar.url}\n`);
const lines = createInterface({ input: process.stdin });
lines.on('line', () =>
  process.stdout.write(`${JSON.stringify({ requests: edgar.requests, maxInFlight: edgar.maxInFlight })}\n`),
);
lines.on('close', () => void edgar.close().then(() => process.exit(0)));
