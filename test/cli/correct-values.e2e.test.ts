import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { AULT_TEXT } from '../ingest/fixtures.js';
import { runCliCapturing } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ledger-correct-values-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let stores = 0;

/** A store holding the ingested Ault text, the id of its StatementFiled, and a count of its corrections. */
async function ingestedLedger() {
  const url = `sqlite:${join(dir, `ledger-${++stores}.db`)}`;
  expect((await runCliCapturing(url, 'ingest', AULT_TEXT)).code).toBe(0);
  const events = async () => {
    const store = await openStore(url);
    try {
      return await store.readAll({ filter: { streamPrefixes: ['issuer-'] } });
    } finally {
      await store.close();
    }
  };
  const statementId = (await events()).find(
    (e) => e.type === 'StatementFiled' && (e.data as { contentsKnown: boolean }).contentsKnown,
  )!.id;
  const corrections = async () => (await events()).filter((e) => e.type === 'EventCorrected').length;
  return { run: (...args: string[]) => runCliCapturing(url, ...args), statementId, corrections };
}

describe('13d-ledger correct --set checks values as ingest does', () => {
  it.each([
    [
      'a percent of class over 100',
      'coverPages.0.percentOfClass.value=200',
      /coverPages\.0\.percentOfClass\.value: percent of class 200% is over 100%: cannot be true/,
    ],
    ['a filing date after today', 'filedOn="2099-12-31"', /filedOn: filedOn 2099-12-31 is after today/],
    ['an event date before EDGAR', 'eventDate="1980-01-02"', /eventDate: eventDate 1980-01-02 is before EDGAR/],
    [
      'a share count over 2^53',
      'coverPages.0.aggregate=9007199254740993',
      /coverPages\.0\.aggregate: aggregate \d+ is over 2\^53/,
    ],
    [
      'a name with a NUL',
      'coverPages.0.name="AULT\\u0000CO"',
      /coverPages\.0\.name: name "AULT\?CO" holds the character U\+0000/,
    ],
  ])('refuses %s and writes nothing', async (_, assignment, problem) => {
    // Given the Ault text ingested (Ault & Company's row 13 reads 85.72%)
    const { run, statementId, corrections } = await ingestedLedger();
    // When a correction sets the impossible value
    const { code, err } = await run('correct', '--event', statementId, '--set', assignment, '--reason', 'typo');
    // Then it is refused with the path and the reason, and no correction is recorded
    expect(code).toBe(1);
    expect(err).toMatch(problem);
    expect(await corrections()).toBe(0);
  });

  it('accepts a possible value on the same path', async () => {
    // Given the same ledger / When row 13 is corrected to 85.7 / Then one correction is recorded
    const { run, statementId, corrections } = await ingestedLedger();
    const { code, err } = await run(
      'correct',
      '--event',
      statementId,
      '--set',
      'coverPages.0.percentOfClass.value=85.7',
      '--reason',
      'rounding',
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(await corrections()).toBe(1);
  });
});
