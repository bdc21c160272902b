import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { AULT_TEXT, SYNTHETIC_XML } from '../ingest/fixtures.js';
import { runCliCapturing } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ledger-ingest-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function issuerEventCount(storeFile: string): Promise<number> {
  const store = await openStore(`sqlite:${storeFile}`);
  try {
    return (await store.readAll({ filter: { streamPrefixes: ['issuer-'] } })).length;
  } finally {
    await store.close();
  }
}

/**
 * A directory with one good filing (the Ault text, 62 events) and every kind of hostile file next to it: an XML
 * statement with a DTD, one nested 5,000 deep, a symbolic link to itself, and a link back to the directory.
 */
function hostileDir(): string {
  const path = join(dir, 'hostile');
  mkdirSync(path);
  copyFileSync(AULT_TEXT, join(path, 'ault-a8.txt'));
  const xml = readFileSync(SYNTHETIC_XML, 'utf8');
  writeFileSync(
    join(path, 'dtd.xml'),
    xml.replace('?>\n', '?>\n<!DOCTYPE edgarSubmission [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>\n'),
  );
  writeFileSync(
    join(path, 'deep.xml'),
    xml.replace('<commentContent>', `<commentContent>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`),
  );
  symlinkSync('loop.txt', join(path, 'loop.txt'));
  // Named like a filing, so the directory walk follows it: without a guard it recurses until the path is huge.
  symlinkSync('.', join(path, 'back-up.txt'));
  return path;
}

describe('13d-ledger ingest of a directory with hostile files', () => {
  it('names each bad file with its place, and ingests the good one', async () => {
    // Given the hostile directory and an empty store
    const store = join(dir, 'ledger.db');
    const path = hostileDir();
    // When it is ingested with --json
    const { code, out, err } = await runCliCapturing(`sqlite:${store}`, 'ingest', path, '--json');
    // Then the run exits 1, the good filing is written in full, and each bad one is refused by name
    expect(code).toBe(1);
    const result = JSON.parse(out) as {
      filings: { file: string; status: string }[];
      refused: { file: string; place: unknown; problem: string }[];
    };
    expect(result.filings.map((f) => [f.file, f.status])).toEqual([[join(path, 'ault-a8.txt'), 'appended']]);
    expect(await issuerEventCount(store)).toBe(62);
    const refused = Object.fromEntries(
      result.refused.map((r) => [r.file.slice(path.length + 1), { place: r.place, problem: r.problem }]),
    );
    expect(refused).toEqual({
      'back-up.txt': {
        place: 'whole file',
        problem: 'a directory already read (a symbolic link back up the tree); skipped',
      },
      'loop.txt': { place: 'whole file', problem: 'cannot open the file: a loop of symbolic links (ELOOP)' },
      'dtd.xml': {
        place: { line: 2 },
        problem: expect.stringMatching(/^a document type declaration \(<!DOCTYPE \.\.\.>\) is not allowed/),
      },
      'deep.xml': {
        place: { line: expect.any(Number) },
        problem: expect.stringMatching(/^elements nested more than 64 deep/),
      },
    });
    // And stderr has one line per bad file and the count, no stack and no raw system message
    expect(err).toContain('13d-ledger: 4 of 5 files could not be read; the other 1 were ingested');
    expect(err).not.toMatch(/\n\s+at |Maximum nested tags|ELOOP: too many/);
  });

  it('names a symbolic link loop given on the command line, and goes on with the other paths', async () => {
    // Given a link to itself and the Ault text, both named on the command line
    const store = join(dir, 'ledger-2.db');
    const loop = join(dir, 'self.txt');
    symlinkSync('self.txt', loop);
    // When both are ingested
    const { code, err } = await runCliCapturing(`sqlite:${store}`, 'ingest', loop, AULT_TEXT);
    // Then the loop is named, the text is written
    expect(code).toBe(1);
    expect(err).toContain(
      `13d-ledger: FilingParseError: ${loop}: cannot open the file: a loop of symbolic links (ELOOP)\n`,
    );
    expect(await issuerEventCount(store)).toBe(62);
  });

  it('reports a genuine copy ingested after a damaged one as a conflict for that file, and ingests the others', async () => {
    // Given the Ault text with lines 81 and 82 swapped (Horne's cover page lost) ingested, and the genuine text
    const store = join(dir, 'ledger-3.db');
    const lines = readFileSync(AULT_TEXT, 'utf8').split('\n');
    [lines[80], lines[81]] = [lines[81]!, lines[80]!];
    const damaged = join(dir, 'damaged-a8.txt');
    writeFileSync(damaged, lines.join('\n'));
    expect((await runCliCapturing(`sqlite:${store}`, 'ingest', damaged)).code).toBe(0);
    const before = await issuerEventCount(store);
    // When the genuine text and the synthetic XML statement are ingested together
    const { code, out, err } = await runCliCapturing(`sqlite:${store}`, 'ingest', AULT_TEXT, SYNTHETIC_XML, '--json');
    // Then the genuine text is refused as a conflict naming both copies' content hashes, the XML is appended
    expect(code).toBe(1);
    const result = JSON.parse(out) as {
      filings: { file: string; status: string; appended: number }[];
      refused: { file: string; problem: string }[];
    };
    expect(result.filings.map((f) => [f.file, f.status])).toEqual([[SYNTHETIC_XML, 'appended']]);
    expect(result.refused).toEqual([
      {
        file: AULT_TEXT,
        place: 'whole file',
        problem: expect.stringMatching(
          /^conflict: Amendment No\. 8 filed 2024-07-24 is already recorded from ingest:.*damaged-a8\.txt \(content sha256:[0-9a-f]{64}\) with other reporting persons than this copy \(content sha256:[0-9a-f]{64}\): only this copy names WILLIAM B\. HORNE/,
        ),
      },
    ]);
    expect(err).toContain(`13d-ledger: FilingConflictError: ${AULT_TEXT}: conflict:`);
    expect(await issuerEventCount(store)).toBe(before + result.filings[0]!.appended);
  });
});
