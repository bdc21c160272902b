/**
 * The real-filing corpus beside the project (../shared/corpus): every filing
 * ingested into a fresh store, holdings at its event date scored against the
 * hand-read truth (the shared truth.json and the project's own labels of the
 * rest, test/fixtures/corpus/truth.json). The filings are public and stay
 * there: a clone without that folder reports this file skipped, with why.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROJECT_TRUTH, scoreCorpus, type CorpusReport } from '../../src/corpus/run-corpus.js';
import { summaryLine } from '../../src/corpus/format-report.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const FILINGS = `${CORPUS}filings`;
const SHARED_TRUTH = `${CORPUS}truth.json`;
const missing =
  existsSync(FILINGS) && existsSync(SHARED_TRUTH)
    ? undefined
    : `no real-filing corpus at ${CORPUS} (it sits beside the project in the development workspace, not in a clone)`;
if (missing !== undefined) console.warn(`corpus score skipped: ${missing}`);

describe.skipIf(missing !== undefined)('the real-filing corpus', () => {
  let report: CorpusReport;
  const scored = async () => (report ??= await scoreCorpus(FILINGS, { truthFiles: [SHARED_TRUTH, PROJECT_TRUTH] }));

  it('labels every filing, so the score covers all of them', async () => {
    const { summary } = await scored();
    expect(summary.unlabelled).toBe(0);
    expect(summary.files).toBe(45);
  }, 60_000);

  it('reads at least 97% of the hand-read person-figures right, with no crash', async () => {
    const { summary } = await scored();
    console.info(summaryLine(summary));
    expect(summary.crashed).toBe(0);
    expect(summary.figuresRight / summary.figuresTotal).toBeGreaterThanOrEqual(0.97);
  }, 60_000);

  it('accepts every filing whose cover pages carry numbers, and refuses the others with the reason', async () => {
    const { filings } = await scored();
    const notLoaded = filings
      .filter((f) => f.expected === 'accept' && f.status !== 'accepted')
      .map((f) => `${f.file}: ${f.reason}`);
    expect(notLoaded).toEqual([]);
    for (const f of filings.filter((g) => g.status === 'refused')) expect(f.reason).toMatch(/no cover page/);
  }, 60_000);
});
