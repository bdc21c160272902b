/** Synthetic later and earlier amendments built from the seed text, for tests of filings beyond Amendment No. 8. */
import { readFileSync } from 'node:fs';
import { parseFilingContent } from '../../src/ingest/read-filing.js';
import type { ParsedFiling } from '../../src/ingest/parsed-filing.js';
import { AULT_TEXT } from './fixtures.js';

export const seedText = () => readFileSync(AULT_TEXT, 'utf8');

/**
 * "Amendment No. 9": the A8 text renumbered, its event and share-count date moved to August 23, 2024, signed
 * August 26, 2024, and its preamble naming Amendment No. 8 (filed July 24, 2024) as the eighth earlier amendment.
 */
export function amendmentNine(): ParsedFiling {
  const text = seedText()
    .replaceAll('Amendment No. 8', 'Amendment No. 9')
    .replaceAll('July 23, 2024', 'August 23, 2024')
    .replaceAll('Dated: July 24, 2024', 'Dated: August 26, 2024')
    .replace('September 8, 2022 and October 24, 2023', 'September 8, 2022, October 24, 2023 and July 24, 2024');
  return parseFilingContent(text, 'a9.txt');
}
