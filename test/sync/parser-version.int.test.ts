import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFilingBytes } from '../../src/ingest/read-filing.js';
import { PARSER_VERSION } from '../../src/ingest/parser-version.js';
import { ingestFiling } from '../../src/ledger/ingest-filing.js';
import { SYNTHETIC_XML } from '../ingest/fixtures.js';
import { withMemoryStore } from '../support/memory-store.js';

describe('the parser version', () => {
  it('is recorded in the metadata of every event ingest appends, beside its schema and source', async () => {
    await withMemoryStore(async (store) => {
      // Given a filing
      const filing = parseFilingBytes(readFileSync(SYNTHETIC_XML), 'synthetic.xml');
      // When it is ingested
      const outcome = await ingestFiling(store, filing);
      // Then each of its events names the parser that read it
      const events = await store.readStream(outcome.stream);
      expect(events).toHaveLength(3);
      expect(events.map((e) => [e.metadata.parserVersion, e.metadata.source, e.metadata.schema])).toEqual(
        events.map(() => [PARSER_VERSION, 'ingest:synthetic.xml', 'ledger-events/2']),
      );
    });
  });
});
