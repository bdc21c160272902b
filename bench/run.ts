/** `npm run bench`: each hot path against a peer measured in the same run; ratios, not absolute times. */
import { benchIngest } from './ingest-bench.js';
import { benchLedger } from './ledger-bench.js';
import { benchStore } from './store-bench.js';

const eventCount = Number(process.env.BENCH_EVENTS ?? 200_000);
console.log(`13d-ledger benchmarks (${eventCount.toLocaleString('en-US')} events; set BENCH_EVENTS to change)`);
await benchStore(eventCount);
await benchLedger(eventCount);
await benchIngest();
