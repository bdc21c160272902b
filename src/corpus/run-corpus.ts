/**
 * The corpus scorer: every filing in a directory is ingested into a fresh
 * in-memory store, holdings are queried at its event date and compared with
 * the hand-read truth. A refusal is a FilingParseError (the filing is named
 * with its reason); anything else thrown is a crash.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FilingParseError } from '../ingest/filing-parse-error.js';
import { ingestFiling } from '../ledger/ingest-filing.js';
import { readFilingFile } from '../ingest/read-filing.js';
import { filingDateOf } from '../ingest/statement-events.js';
import { queryHoldings } from '../ledger/holdings-query.js';
import { openStore } from '../store/open-store.js';
import { scoreFiling, type FilingScore, type ShownFigures } from './score-filing.js';
import { readTruth, type TruthEntry } from './truth.js';

/** The project's own labels of filings the shared truth leaves out (a checkout only; a package has no test/). */
export const PROJECT_TRUTH = fileURLToPath(new URL('../../test/fixtures/corpus/truth.json', import.meta.url));

const FILING_FILE = /\.(?:txt|htm|html|xml)$/i;

export interface FilingResult {
  file: string;
  status: 'accepted' | 'refused' | 'crashed';
  /** Refusal or crash message. */
  reason: string | null;
  expected: TruthEntry['expected'] | null;
  score: FilingScore | null;
  /** Figures ingest recorded with doubt (what was read and why). */
  doubtful: number;
  millis: number;
}

export interface CorpusReport {
  directory: string;
  truthFiles: string[];
  filings: FilingResult[];
  summary: CorpusSummary;
}

export interface CorpusSummary {
  files: number;
  accepted: number;
  refused: number;
  crashed: number;
  /** Labelled filings expected to load, and how many did. */
  expectedAccepted: number;
  expectedAcceptedLoaded: number;
  unlabelled: number;
  unlabelledAccepted: number;
  figuresRight: number;
  figuresTotal: number;
  personsFound: number;
  personsExpected: number;
}

export interface ScoreCorpusOptions {
  truthFiles?: readonly string[];
  /** Add the project's own labels (PROJECT_TRUTH) when it exists. @defaultValue true */
  projectTruth?: boolean;
  onFiling?: (result: FilingResult, index: number, total: number) => void;
}

export async function scoreCorpus(directory: string, options: ScoreCorpusOptions = {}): Promise<CorpusReport> {
  const truthFiles = [...(options.truthFiles ?? [])];
  if ((options.projectTruth ?? true) && existsSync(PROJECT_TRUTH) && !truthFiles.includes(PROJECT_TRUTH))
    truthFiles.push(PROJECT_TRUTH);
  const truth = await readTruth(truthFiles);
  const files = (await readdir(directory)).filter((name) => FILING_FILE.test(name)).sort();
  if (files.length === 0)
    throw new Error(`no filings in ${directory} (the scorer reads .txt, .htm, .html and .xml files)`);
  const filings: FilingResult[] = [];
  for (const [index, name] of files.entries()) {
    const result = await scoreOne(join(directory, name), truth.get(name));
    filings.push(result);
    options.onFiling?.(result, index, files.length);
  }
  return { directory, truthFiles, filings, summary: summarize(filings) };
}

async function scoreOne(path: string, entry: TruthEntry | undefined): Promise<FilingResult> {
  const started = performance.now();
  const store = await openStore('sqlite::memory:');
  const result: FilingResult = {
    file: basename(path),
    status: 'accepted',
    reason: null,
    expected: entry?.expected ?? null,
    score: null,
    doubtful: 0,
    millis: 0,
  };
  try {
    const filing = await readFilingFile(path);
    const outcome = await ingestFiling(store, filing);
    const asOf = filing.eventDate ?? filingDateOf(filing).filedOn ?? '9999-12-31';
    // The issuer as the ledger filed it: its CUSIP, or its CIK when the filing printed none.
    const holdings = await queryHoldings(store, { issuer: outcome.issuerKey.replace(/^cik-/, 'cik:'), asOf });
    const shown: ShownFigures[] = holdings.holders.map((h) => ({
      name: h.name,
      soleVoting: h.soleVotingPower,
      sharedVoting: h.sharedVotingPower,
      soleDispositive: h.soleDispositivePower,
      sharedDispositive: h.sharedDispositivePower,
      aggregate: h.aggregate,
      percent: h.reportedFigures?.percentOfClass ?? null,
    }));
    if (entry) result.score = scoreFiling(entry, shown);
  } catch (error) {
    result.status = error instanceof FilingParseError ? 'refused' : 'crashed';
    result.reason =
      error instanceof Error
        ? error instanceof FilingParseError
          ? error.problem
          : `${error.name}: ${error.message}`
        : String(error);
    // A refused filing shows nothing: every figure of a filing that should load counts as wrong.
    if (entry && (entry.expected === 'accept' || result.status === 'crashed')) result.score = scoreFiling(entry, null);
  } finally {
    await store.close();
  }
  result.millis = performance.now() - started;
  return result;
}

function summarize(filings: readonly FilingResult[]): CorpusSummary {
  const summary: CorpusSummary = {
    files: filings.length,
    accepted: 0,
    refused: 0,
    crashed: 0,
    expectedAccepted: 0,
    expectedAcceptedLoaded: 0,
    unlabelled: 0,
    unlabelledAccepted: 0,
    figuresRight: 0,
    figuresTotal: 0,
    personsFound: 0,
    personsExpected: 0,
  };
  for (const f of filings) {
    summary[f.status]++;
    if (f.expected === null) {
      summary.unlabelled++;
      if (f.status === 'accepted') summary.unlabelledAccepted++;
    }
    if (f.expected === 'accept') {
      summary.expectedAccepted++;
      if (f.status === 'accepted') summary.expectedAcceptedLoaded++;
    }
    if (f.score) {
      summary.figuresRight += f.score.figuresRight;
      summary.figuresTotal += f.score.figuresTotal;
      summary.personsFound += f.score.personsFound;
      summary.personsExpected += f.score.personsExpected;
    }
  }
  return summary;
}
