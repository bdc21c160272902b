/**
 * Paths of the filings the ingest tests read: the project's seed filing and the fixtures written or derived for the
 * tests.
 */
import { fileURLToPath } from 'node:url';

const root = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

export const AULT_TEXT = root('data/filings/ault-alliance-sc13d-a8-2024-07-24.txt');
/** A Schedule 13D in EDGAR XML written for the tests (invented issuer and reporting persons), not a filing. */
export const SYNTHETIC_XML = root('test/fixtures/ingest/synthetic-schedule13d.xml');
/** Its Amendment No. 1, restating only some cover rows (absent means unchanged), the CUSIP nested. */
export const SYNTHETIC_AMENDMENT_XML = root('test/fixtures/ingest/synthetic-amendment-optional-absent.xml');
export const fixture = (name: string) => root(`test/fixtures/ingest/${name}`);
