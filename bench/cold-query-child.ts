/**
 * Step 4, cold: a fresh process that opens the store and answers each holdings query as `13d-ledger holdings`
 * does (find the issuer, read its stream, decode, fold to the date), keeping nothing between queries.
 *
 *   node --import tsx bench/cold-query-child.ts STORE_FILE QUERIES_FILE
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { queryHoldings } from '../src/ledger/holdings-query.js';
import { openStore } from '../src/store/open-store.js';
import type { HoldingsQuery } from './holdings-queries.js';
import { summarise } from './latency.js';

const [storeFile, queriesFile] = process.argv.slice(2);
if (storeFile === undefined || queriesFile === undefined)
  throw new Error('usage: cold-query-child.ts STORE_FILE QUERIES_FILE');
const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as HoldingsQuery[];
const store = await openStore(`sqlite:${storeFile}`);
const samples: number[] = [];
for (const { cusip, asOf } of queries) {
  const at = performance.now();
  const report = await queryHoldings(store, { issuer: cusip, asOf });
  samples.push(performance.now() - at);
  if (report.issuer.cusip !== cusip) throw new Error(`asked for ${cusip}, answered for ${report.issuer.cusip}`);
}
await store.close();
console.log(JSON.stringify({ cold: summarise(samples), firstQueryMs: samples[0] ?? 0 }));
