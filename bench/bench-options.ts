/** `npm run bench -- [--scale F] [--json FILE] [...]`: the options, checked, with what each means. */
import { InvalidValueError } from '../src/domain/index.js';

export interface BenchOptions {
  /** Fraction of the default history (20,000 issuers, about 2 million events). */
  scale: number;
  json: string | null;
  seed: number;
  /** Warm holdings queries (issue: 10,000). */
  queries: number;
  coldQueries: number;
  httpSeconds: number;
  /** Events of the history's first batches that steps 1 and 2 also run on the peer and the floor. */
  peerEvents: number;
}

export const USAGE = `npm run bench -- [--scale F] [--json FILE] [--seed N] [--queries N] [--cold-queries N]
                        [--http-seconds S] [--peer-events N]
  --scale F         fraction of the default history of 20,000 issuers (about 2 million events); default 1
  --json FILE       also write the figures as JSON
  --seed N          the generator's seed; default 13
  --queries N       warm holdings queries; default 10000
  --cold-queries N  holdings queries answered by a fresh process from the store; default 1000
  --http-seconds S  how long the HTTP endpoint is loaded; default 10
  --peer-events N   events appended and read on the peer and the floor as well; default 20000 (at most all)`;

const DEFAULTS: BenchOptions = {
  scale: 1,
  json: null,
  seed: 13,
  queries: 10_000,
  coldQueries: 1_000,
  httpSeconds: 10,
  peerEvents: 20_000,
};
const NUMERIC = {
  '--scale': 'scale',
  '--seed': 'seed',
  '--queries': 'queries',
  '--cold-queries': 'coldQueries',
  '--http-seconds': 'httpSeconds',
  '--peer-events': 'peerEvents',
} as const;

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new InvalidValueError(`${flag} needs a value\n${USAGE}`);
    i++;
    if (flag === '--json') options.json = value;
    else if (flag in NUMERIC) options[NUMERIC[flag as keyof typeof NUMERIC]] = positive(flag, value);
    else throw new InvalidValueError(`unknown option ${flag}\n${USAGE}`);
  }
  if (options.scale > 10) throw new InvalidValueError(`--scale ${options.scale}: at most 10 (200,000 issuers)`);
  return options;
}

function positive(flag: string, value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0)
    throw new InvalidValueError(`${flag} "${value}" is not a positive number`);
  if (flag !== '--scale' && flag !== '--http-seconds' && !Number.isInteger(number))
    throw new InvalidValueError(`${flag} "${value}" is not a whole number`);
  return number;
}
