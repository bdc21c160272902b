/**
 * Parsing time grows linearly with the input: each hostile shape (test/ingest/hostile-inputs.ts) is read at
 * 1x, 2x, 4x and 8x its size, and the time of 8x over the time of 1x must stay within twice the size ratio
 * (a quadratic step makes it about 8 times the ratio). Times are ratios taken in one run, the median of three
 * measurements each, never absolute: the machine may be slow or busy, but not eight times busier for one size.
 */
import { describe, expect, it } from 'vitest';
import { FilingParseError } from '../../src/ingest/filing-parse-error.js';
import { planIngest } from '../../src/ingest/plan-filing.js';
import { parseFilingContent } from '../../src/ingest/read-filing.js';
import {
  asSubmission,
  htmlLeftOpen,
  htmlWithManyPersons,
  largeHtml,
  submissionWithDocuments,
  textWithCoverPages,
  textWithDenseCoverPages,
  textWithLongLine,
  textWithManyPersons,
  textWithTradeRows,
  xmlWithManyPersons,
} from './hostile-inputs.js';

const SCALES = [1, 2, 4, 8] as const;

/**
 * Read the way ingest reads before it opens a store; a refusal (an unclosed <title> leaves no text) is an answer too.
 */
function ingestPlan(content: string): void {
  try {
    planIngest(parseFilingContent(content, 'timed.txt'));
  } catch (error) {
    if (!(error instanceof FilingParseError)) throw error;
  }
}

/** Milliseconds per read: repeated until 40 ms have passed, so that a small input is not lost in the timer's noise. */
function msPerRead(content: string): number {
  const start = performance.now();
  let reads = 0;
  do {
    ingestPlan(content);
    reads++;
  } while (performance.now() - start < 40);
  return (performance.now() - start) / reads;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const persons = (n: number) => Array.from({ length: n }, (_, i) => `EXTRA HOLDING ${i + 1}, INC.`);

const SHAPES: [string, (scale: number) => string][] = [
  ['a text filing with many cover pages', (k) => textWithCoverPages(40 * k)],
  ['cover pages printed back to back, with no blank line between them', (k) => textWithDenseCoverPages(300 * k)],
  ['a text filing naming many persons on covers, in Item 2 and in signatures', (k) => textWithManyPersons(30 * k)],
  ['an HTML filing naming many persons', (k) => htmlWithManyPersons(30 * k)],
  ['EDGAR XML with many reporting persons, each with a paragraph of Item 2', (k) => xmlWithManyPersons(300 * k)],
  ['a submission with many documents', (k) => submissionWithDocuments(150 * k)],
  [
    'a submission of HTML with many persons, filers and exhibits',
    (k) => asSubmission(htmlWithManyPersons(20 * k), persons(20 * k), 20 * k),
  ],
  ['a text filing with one very long line', (k) => textWithLongLine(60_000 * k)],
  ['a table of trades with many rows', (k) => textWithTradeRows(150 * k)],
  ['a large HTML filing', (k) => largeHtml(60_000 * k)],
  ['HTML whose <title> is never closed', (k) => htmlLeftOpen('title', 100_000 * k)],
  ['HTML whose comment is never closed', (k) => htmlLeftOpen('comment', 100_000 * k)],
];

describe('parsing time', () => {
  it.each(SHAPES)(
    'grows linearly with the input: %s',
    (_, build) => {
      // Given the shape at 1x, 2x, 4x and 8x
      const inputs = SCALES.map((k) => build(k));
      ingestPlan(inputs[0]!); // compiled and warm before anything is timed
      // When each is read, three times over
      const times = inputs.map((content) => median([msPerRead(content), msPerRead(content), msPerRead(content)]));
      // Then 8x the input takes at most twice as much longer as it is larger
      const sizeRatio = inputs[3]!.length / inputs[0]!.length;
      const timeRatio = times[3]! / times[0]!;
      const shown = inputs.map((content, i) => `${content.length} chars: ${times[i]!.toFixed(1)} ms`).join(', ');
      expect(sizeRatio, shown).toBeGreaterThan(4);
      expect(
        timeRatio,
        `${shown} (time ratio ${timeRatio.toFixed(1)} for size ratio ${sizeRatio.toFixed(1)})`,
      ).toBeLessThan(2 * sizeRatio);
    },
    120_000,
  );
});
