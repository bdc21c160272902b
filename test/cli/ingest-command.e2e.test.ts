import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { AULT_TEXT, fixture, SYNTHETIC_AMENDMENT_XML, SYNTHETIC_XML } from '../ingest/fixtures.js';
import { runCliCapturing } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ledger-ingest-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let stores = 0;
const freshStore = () => join(dir, `ledger-${++stores}.db`);

const run = (storeFile: string, ...args: string[]) => runCliCapturing(`sqlite:${storeFile}`, ...args);

async function eventCount(storeFile: string): Promise<number> {
  if (!existsSync(storeFile)) return 0;
  const store = await openStore(`sqlite:${storeFile}`);
  try {
    // The issuer streams: what ingest reports appending (the issuer directory's aliases are bookkeeping).
    return (await store.readAll({ filter: { streamPrefixes: ['issuer-'] } })).length;
  } finally {
    await store.close();
  }
}

/** A directory with the Ault text, the synthetic XML original and its amendment: three filings, two issuers. */
function filingsDir(name: string): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  copyFileSync(AULT_TEXT, join(path, 'ault-a8.txt'));
  // Named so that, in name order, the amendment comes before its original and both before the Ault text.
  copyFileSync(SYNTHETIC_XML, join(path, 'a-synthetic-original.xml'));
  copyFileSync(SYNTHETIC_AMENDMENT_XML, join(path, 'a-synthetic-amendment-1.xml'));
  writeFileSync(join(path, 'notes.md'), 'not a filing: ignored, its extension is not one ingest reads');
  return path;
}

describe('13d-ledger ingest', () => {
  it('ingests every filing of a directory in one call', async () => {
    // Given a directory of three filings on two issuers and an empty store
    const store = freshStore();
    // When it is ingested with --json
    const { code, out, err } = await run(store, 'ingest', filingsDir('several'), '--json');
    // Then each filing is appended, and no progress bar was printed (stderr is not a terminal here)
    expect(code).toBe(0);
    const result = JSON.parse(out) as {
      dryRun: boolean;
      filings: { file: string; status: string; appended: number }[];
    };
    expect(result.filings.map((f) => [f.file.split('/').pop(), f.status, f.appended])).toEqual([
      ['a-synthetic-amendment-1.xml', 'appended', 3],
      ['a-synthetic-original.xml', 'appended', 3],
      ['ault-a8.txt', 'appended', 62],
    ]);
    expect(await eventCount(store)).toBe(3 + 3 + 62);
    expect(err).toBe('');
  });

  it('draws the progress bar on stderr only when stderr is a terminal', async () => {
    // Given stderr is a terminal
    const wasTty = process.stderr.isTTY;
    process.stderr.isTTY = true;
    try {
      // When a directory of three filings is ingested
      const { code, err } = await run(freshStore(), 'ingest', filingsDir('tty'));
      // Then one bar is redrawn in place (carriage returns), ending at 3/3 with one newline
      expect(code).toBe(0);
      expect(err).toMatch(/\r\[#+\.*\] 3\/3 .*ault-a8\.txt\n$/);
      expect(err.split('\n')).toHaveLength(2);
    } finally {
      process.stderr.isTTY = wasTty;
    }
  });

  it('prints each filing in the --json shape programs read', async () => {
    // Given the seed text
    const store = freshStore();
    // When ingested with --json
    const { out } = await run(store, 'ingest', AULT_TEXT, '--json');
    // Then the outcome names the filing, its identity, what happened and what to review
    const [filing] = (JSON.parse(out) as { filings: Record<string, unknown>[] }).filings;
    expect(filing).toMatchObject({
      file: AULT_TEXT,
      cusip: '09175M507',
      formType: 'SC 13D/A',
      amendmentNo: 8,
      status: 'appended',
      alreadyRecordedFrom: null,
      identityKey: '09175M507|ault-and-company,henry-c-w-nisser,kenneth-s-cragun,milton-c-ault-iii,william-b-horne|8',
      persons: [
        'AULT & COMPANY, INC.',
        'MILTON C. AULT, III',
        'WILLIAM B. HORNE',
        'HENRY C.W. NISSER',
        'KENNETH S. CRAGUN',
      ],
      positions: 12,
      events: 62,
      appended: 62,
      alreadyPresent: 0,
      partial: [],
    });
    // Item 3's purchase prices are listed for review; the November 6, 2023 SPA sentence is not: it dates the Series C
    // terms
    expect(filing!.review).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          item: '3',
          sentence: expect.stringMatching(/^The aggregate purchase price of the 25,229 Shares/),
        }),
      ]),
    );
    expect(filing!.review).not.toContainEqual(
      expect.objectContaining({ sentence: expect.stringMatching(/^On November 6, 2023/) }),
    );
  });

  it('writes nothing with --dry-run, and says what it would write', async () => {
    // Given an empty store
    const store = freshStore();
    // When a directory is ingested with --dry-run
    const { code, out } = await run(store, 'ingest', filingsDir('dry'), '--dry-run', '--json');
    // Then nothing is written (not even an empty store file) and each filing says it would be appended
    expect(code).toBe(0);
    expect(existsSync(store)).toBe(false);
    const result = JSON.parse(out) as { dryRun: boolean; filings: { status: string; message: string }[] };
    expect(result.dryRun).toBe(true);
    expect(result.filings.map((f) => f.status)).toEqual(['dry-run', 'dry-run', 'dry-run']);
    expect(result.filings.map((f) => f.message)).toEqual([
      'would append 3 events (dry run, nothing written)',
      'would append 3 events (dry run, nothing written)',
      'would append 62 events (dry run, nothing written)',
    ]);
  });

  it('writes the good filings and names a bad one among them: exit 1, the file and the place named', async () => {
    // Given two good filings and one whose CUSIP check digit is wrong
    const store = freshStore();
    const bad = fixture('bad-cusip.txt');
    // When all three are ingested in one call
    const { code, out, err } = await run(store, 'ingest', AULT_TEXT, bad, SYNTHETIC_XML, '--json');
    // Then the exit code is 1, the error names the file and its line, and the two good filings are written
    expect(code).toBe(1);
    expect(err).toMatch(
      new RegExp(
        `FilingParseError: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:23: CUSIP "09175M 508" is not a valid CUSIP`,
      ),
    );
    const result = JSON.parse(out) as {
      filings: { status: string; appended: number }[];
      refused: { file: string; place: unknown; problem: string }[];
    };
    expect(result.filings.map((f) => [f.status, f.appended])).toEqual([
      ['appended', 62],
      ['appended', 3],
    ]);
    expect(result.refused).toEqual([
      { file: bad, place: { line: 23 }, problem: 'CUSIP "09175M 508" is not a valid CUSIP (check digit)' },
    ]);
    expect(await eventCount(store)).toBe(62 + 3);
  });

  it('writes nothing at all with --all-or-nothing when one file is bad', async () => {
    const store = freshStore();
    const { code, err } = await run(
      store,
      'ingest',
      AULT_TEXT,
      fixture('bad-cusip.txt'),
      SYNTHETIC_XML,
      '--all-or-nothing',
    );
    expect(code).toBe(1);
    expect(err.trimEnd().split('\n').at(-1)).toBe(
      '13d-ledger: IngestPathError: 1 of 3 files could not be read; nothing written',
    );
    expect(await eventCount(store)).toBe(0);
  });

  it('writes nothing when the same filing is ingested again, in another format, and exits 0', async () => {
    // Given the seed text already ingested
    const store = freshStore();
    await run(store, 'ingest', AULT_TEXT);
    const before = await eventCount(store);
    // When the same filing is ingested again, as text and as a full submission
    const again = await run(store, 'ingest', AULT_TEXT, fixture('ault-a8-submission.txt'));
    // Then both are reported as already recorded, nothing is written, and the exit code is 0
    expect(again.code).toBe(0);
    expect(
      again.out.match(/already recorded from ingest:.*; nothing written — use `13d-ledger correct` to change it/g),
    ).toHaveLength(2);
    expect(await eventCount(store)).toBe(before);
  });

  it('writes nothing for Amendment No. 8 after `sample load`', async () => {
    // Given the bundled sample loaded
    const store = freshStore();
    expect((await run(store, 'sample', 'load')).code).toBe(0);
    const before = await eventCount(store);
    // When the seed text is ingested
    const { code, out } = await run(store, 'ingest', AULT_TEXT, '--json');
    // Then it is recognised as the sample's Amendment No. 8: nothing written
    expect(code).toBe(0);
    expect(JSON.parse(out).filings[0]).toMatchObject({
      status: 'already-recorded',
      alreadyRecordedFrom: 'sample:ault-alliance',
      appended: 0,
    });
    expect(await eventCount(store)).toBe(before);
  });

  it('says in a dry run that a second copy of one filing in the same call would write nothing', async () => {
    // Given an empty store and the same filing as text and as a full submission
    const store = freshStore();
    // When both are dry-run in one call
    const { out } = await run(store, 'ingest', AULT_TEXT, fixture('ault-a8-submission.txt'), '--dry-run', '--json');
    // Then the first would be appended and the second is recognised as the same filing
    const [first, second] = (JSON.parse(out) as { filings: { status: string; message: string }[] }).filings;
    expect(first!.status).toBe('dry-run');
    expect(second).toMatchObject({
      status: 'already-recorded',
      message: `same filing as ${AULT_TEXT} earlier in this run; nothing would be written`,
    });
  });
});

describe('13d-ledger ingest given paths that hold no good filing', () => {
  it('refuses an empty directory with a clear message, exit 1, and creates no store file', async () => {
    // Given an empty directory and no store yet
    const empty = join(dir, 'empty');
    mkdirSync(empty, { recursive: true });
    const store = freshStore();
    // When it is ingested
    const { code, out, err } = await run(store, 'ingest', empty);
    // Then it says no filings were found there, exits 1, prints nothing on stdout and creates no database
    expect(code).toBe(1);
    expect(err).toBe(
      `13d-ledger: IngestPathError: no filings found in ${empty} (ingest reads .txt, .htm, .html and .xml files)\n`,
    );
    expect(out).toBe('');
    expect(existsSync(store)).toBe(false);
  });

  it('names a path that does not exist in plain words', async () => {
    // Given a path that does not exist
    const missing = join(dir, 'no-such-filing.txt');
    // When it is ingested, Then the error says so, without "ENOENT" or "stat"
    const { code, err } = await run(freshStore(), 'ingest', missing);
    expect(code).toBe(1);
    expect(err).toBe(`13d-ledger: IngestPathError: no such file or directory: ${missing}\n`);
  });

  it('reports every bad file of a mixed directory with its place, writes the good ones and exits 1', async () => {
    // Given a directory with three good filings and two bad ones
    const mixed = filingsDir('mixed');
    copyFileSync(fixture('bad-cusip.txt'), join(mixed, 'bad-a-cusip.txt'));
    copyFileSync(fixture('bad-namespace.xml'), join(mixed, 'bad-b-namespace.xml'));
    const store = freshStore();
    // When it is ingested
    const { code, out, err } = await run(store, 'ingest', mixed);
    // Then both bad files are named with their place, then one closing line, and the three good ones are written
    expect(code).toBe(1);
    const lines = err.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      new RegExp(
        `^13d-ledger: FilingParseError: ${join(mixed, 'bad-a-cusip.txt').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:23: `,
      ),
    );
    expect(lines[1]).toMatch(/^13d-ledger: FilingParseError: .*bad-b-namespace\.xml( at |: )/);
    expect(lines[2]).toBe('13d-ledger: 2 of 5 files could not be read; the other 3 were ingested');
    expect(out.match(/^\S.*: SC 13D/gm)).toHaveLength(3);
    expect(await eventCount(store)).toBeGreaterThan(0);
  });

  it('refuses a mixed directory with --all-or-nothing: every bad file named, nothing written', async () => {
    const mixed = filingsDir('mixed-strict');
    copyFileSync(fixture('bad-cusip.txt'), join(mixed, 'bad-a-cusip.txt'));
    copyFileSync(fixture('bad-namespace.xml'), join(mixed, 'bad-b-namespace.xml'));
    const store = freshStore();
    const { code, err } = await run(store, 'ingest', mixed, '--all-or-nothing');
    expect(code).toBe(1);
    const lines = err.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('13d-ledger: IngestPathError: 2 of 5 files could not be read; nothing written');
    expect(await eventCount(store)).toBe(0);
  });

  it('prints one line for a filing already recorded, not its review list again', async () => {
    // Given the seed text ingested once
    const store = freshStore();
    await run(store, 'ingest', AULT_TEXT);
    // When it is ingested again
    const { code, out } = await run(store, 'ingest', AULT_TEXT);
    // Then one line says it is already recorded, naming Amendment No. 8's statement event (its id is a UUID v5 of the
    // filing's identity, the same in every store)
    expect(code).toBe(0);
    expect(out).toBe(
      `${AULT_TEXT}: SC 13D/A No. 8 on issuer-09175M507: already recorded from ingest:${AULT_TEXT} (event 5c3b40be-b920-5a0c-a9b5-9461d7c8528a); nothing written — use \`13d-ledger correct\` to change it\n`,
    );
  });
});

describe('13d-ledger reconcile on ingested filings', () => {
  it("reports the seed text's cover vs Item 5 difference and the synthetic XML percents it cannot check", async () => {
    // Given the seed text and the synthetic XML ingested
    const store = freshStore();
    await run(store, 'ingest', AULT_TEXT, SYNTHETIC_XML);
    // When each issuer is reconciled with --json
    const ault = JSON.parse((await run(store, 'reconcile', '--issuer', '09175M507', '--json')).out) as {
      findings: Record<string, unknown>[];
    };
    const synthetic = JSON.parse((await run(store, 'reconcile', '--issuer', '75934R103', '--json')).out) as {
      findings: Record<string, unknown>[];
    };
    // Then Mr. Horne's 162 (cover) against 81 (Item 5(b)) is a finding with both numbers
    expect(ault.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ filing: 'Amendment No. 8', kind: 'cover-vs-item-5', reported: 162, computed: 81 }),
      ]),
    );
    // And each synthetic percent (7.7 and 8.6 on its two cover pages) is reported as not checkable, no shares
    // outstanding being stated
    expect(synthetic.findings.map((f) => [f.kind, f.reported])).toEqual([
      ['percent-denominator-not-stated', '7.7'],
      ['percent-denominator-not-stated', '8.6'],
    ]);
  });
});
