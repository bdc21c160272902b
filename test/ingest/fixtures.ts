/** Paths of the filings the ingest tests read: the project's own copies and the variants built for the tests. */
import { fileURLToPath } from 'node:url';

const root = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

export const AULT_TEXT = root('data/filings/ault-alliance-sc13d-a8-2024-07-24.txt');
export const AADI_XML = root('data/filings/aadi-bioscience-schedule13d-2025.xml');
export const fixture = (name: string) => root(`test/fixtures/ingest/${name}`);
