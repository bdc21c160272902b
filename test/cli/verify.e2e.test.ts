/**
 * `13d-ledger verify` against what an insider with the SQLite file could do: drop the triggers and
 * UPDATE a row, DELETE a row, INSERT a forged event, backdate a correction, edit bytes of the file,
 * rewrite every hash after a change. Each is named, at the first event it touched, with exit code 1.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSample, runLedgerCommand } from '../../src/ledger/index.js';
import { openStore } from '../../src/store/open-store.js';
import { chainNext, contentDigest, GENESIS } from '../../src/store/hash-chain.js';
import type { VerifyReport } from '../../src/ledger/verify-log.js';
import { runCliCapturing } from '../support/run-cli.js';
import { freshStoreUrl, onTarget, storeTargets } from '../support/store-targets.js';

const dir = mkdtempSync(join(tmpdir(), 'ledger-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let stores = 0;
const STREAM = 'issuer-09175M507';
/** The bundled history: 62 events in the issuer's stream (revisions 0 to 61, as the README's curl example says) */
const SAMPLE_EVENTS = 62;
/** ... and 4 in the issuer directory's stream after them: positions 1 to 66. */
const LOG_EVENTS = SAMPLE_EVENTS + 4;

async function sampleFile(): Promise<string> {
  const file = join(dir, `ledger-${++stores}.db`);
  const store = await openStore(`sqlite:${file}`);
  await loadSample(store);
  await store.close();
  return file;
}

async function verify(file: string, ...args: string[]): Promise<{ code: number; report: VerifyReport; text: string }> {
  const json = await runCliCapturing(`sqlite:${file}`, 'verify', '--json', ...args);
  const text = await runCliCapturing(`sqlite:${file}`, 'verify', ...args);
  expect(text.code).toBe(json.code);
  return { code: json.code, report: JSON.parse(json.out) as VerifyReport, text: text.out };
}

/** Runs SQL on the file as another program would, with the append-only triggers dropped. */
function tamper(file: string, work: (db: Database.Database) => void): void {
  const db = new Database(file);
  db.exec('DROP TRIGGER IF EXISTS events_are_never_updated; DROP TRIGGER IF EXISTS events_are_never_deleted');
  work(db);
  db.close();
}

describe('13d-ledger verify on SQLite', () => {
  it('passes a log written only by the ledger, and says what it checked', async () => {
    const file = await sampleFile();
    const { code, report, text } = await verify(file);
    expect(code).toBe(0);
    expect(report).toMatchObject({ ok: true, chained: true, events: LOG_EVENTS, firstProblem: null, problems: [] });
    expect(text).toMatch(
      new RegExp(`verified, ${LOG_EVENTS} events, head at position ${LOG_EVENTS} \\(content, hash chains`),
    );
  });

  it('names a row whose data was changed with the triggers dropped', async () => {
    const file = await sampleFile();
    // Position 60 is the 10,000-share purchase of 2024-06-17: it becomes 1,000
    tamper(file, (db) =>
      db.prepare("UPDATE events SET data = replace(data, '10000', '1000') WHERE position = 60").run(),
    );
    const { code, report, text } = await verify(file);
    expect(code).toBe(1);
    expect(report.firstProblem).toMatchObject({ kind: 'content', position: 60, stream: STREAM, revision: 59 });
    expect(text).toMatch(
      /NOT VERIFIED: the first problem is at position 60 \(stream "issuer-09175M507", revision 59, SharesPurchased\): content: its content does not match its hash/,
    );
  });

  it("names the gap a deleted row leaves, in positions and in the stream's revisions", async () => {
    const file = await sampleFile();
    tamper(file, (db) => db.prepare('DELETE FROM events WHERE position = 30').run());
    const { code, report } = await verify(file);
    expect(code).toBe(1);
    expect(report.firstProblem).toMatchObject({
      kind: 'position',
      position: 31,
      message: 'position 30 is missing from the log: removed',
    });
    expect(report.problems.map((p) => p.kind)).toEqual(['position', 'revision', 'chain', 'stream-chain']);
    expect(report.problems[1]!.message).toMatch(/goes from revision 28 to revision 30: revision 29 is missing/);
  });

  it("names an event INSERTed by SQL, without the store's append", async () => {
    const file = await sampleFile();
    tamper(file, (db) =>
      db
        .prepare(
          'INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          randomUUID(),
          STREAM,
          SAMPLE_EVENTS,
          'SharesPurchased',
          '{}',
          '{"schema":"ledger-events/2"}',
          new Date().toISOString(),
        ),
    );
    const { code, report } = await verify(file);
    expect(code).toBe(1);
    expect(report.firstProblem).toMatchObject({ kind: 'unhashed', position: LOG_EVENTS + 1, revision: SAMPLE_EVENTS });
  });

  it("names an event another program appended with the ledger's marker through the public append", async () => {
    const file = await sampleFile();
    const store = await openStore(`sqlite:${file}`);
    const data = { effectiveDate: '2024-06-18', personId: 'ault-and-company', shares: 5 };
    await store.append(STREAM, [
      { id: randomUUID(), type: 'SharesPurchased', data, metadata: { schema: 'ledger-events/2' } },
    ]);
    await store.close();
    // The chain is whole (the store appended it), but the marker is not the ledger's
    const { code, report } = await verify(file);
    expect(code).toBe(1);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'marker', position: LOG_EVENTS + 1 })]);
  });

  it('names a correction whose recorded time was moved back', async () => {
    // Given the sample and a correction recorded after it
    const file = await sampleFile();
    const store = await openStore(`sqlite:${file}`);
    const purchase = (await store.readStream(STREAM)).find((e) => e.type === 'SharesPurchased')!;
    await runLedgerCommand(store, { kind: 'CorrectEvent', eventId: purchase.id, set: { shares: 89 }, reason: 'test' });
    await store.close();
    // When its recorded time is set to a day before the history was loaded
    const position = LOG_EVENTS + 1;
    tamper(file, (db) =>
      db.prepare("UPDATE events SET recorded_at = '2024-08-01T00:00:00.000Z' WHERE position = ?").run(position),
    );
    // Then verify names it as backdated, before anything else
    const { code, report } = await verify(file);
    expect(code).toBe(1);
    expect(report.firstProblem).toMatchObject({ kind: 'recorded-time', position, type: 'EventCorrected' });
    expect(report.firstProblem!.message).toMatch(
      /recorded at 2024-08-01T00:00:00.000Z, before the event at position 66 .*\(backdated\)/,
    );
    expect(report.problems.map((p) => p.kind)).toContain('content');
  });

  it('names the event whose bytes were edited in the file itself', async () => {
    // Given a store whose file holds, once, the digits of a figure of one event
    const file = await sampleFile();
    const bytes = readFileSync(file);
    const needle = Buffer.from('"sharesIssuableReported":13008131');
    const at = bytes.indexOf(needle);
    expect(at).toBeGreaterThan(0);
    expect(bytes.indexOf(needle, at + 1)).toBe(-1);
    // When one digit is changed with a byte editor
    bytes[at + needle.length - 1] = '2'.charCodeAt(0);
    writeFileSync(file, bytes);
    // Then verify finds the event whose content no longer matches its hash
    const { code, report } = await verify(file);
    expect(code).toBe(1);
    expect(report.firstProblem).toMatchObject({ kind: 'content', position: 26, type: 'PositionReported' });
  });

  it("names damage to the file's own structure, found by SQLite's quick_check", async () => {
    // Given a store whose fourth page (a b-tree page of the sample's file) has its cell pointers overwritten
    const file = await sampleFile();
    const bytes = readFileSync(file);
    bytes.fill(0xff, 4096 * 3 + 8, 4096 * 3 + 200);
    writeFileSync(file, bytes);
    // Then verify says the file is damaged, naming what SQLite found, with exit code 1
    const { code, report } = await verify(file);
    expect(code).toBe(1);
    expect(report.firstProblem).toMatchObject({ kind: 'damaged', position: null });
    expect(report.firstProblem!.message).toMatch(
      /^the file is damaged: Tree \d+ page 4 cell \d+: Offset 65535 out of range/,
    );
  });

  it('catches an insider who rewrote every hash after a change, against the anchor kept elsewhere', async () => {
    // Given a clean verification whose head was written to an anchor file
    const file = await sampleFile();
    const anchor = join(dir, `anchor-${stores}.json`);
    expect((await verify(file, '--anchor', anchor)).code).toBe(0);
    expect(JSON.parse(readFileSync(anchor, 'utf8'))).toMatchObject({
      position: String(LOG_EVENTS),
      events: LOG_EVENTS,
    });
    // When a row is changed and every hash after it recomputed, and the store's own record of verification removed
    tamper(file, (db) => {
      db.prepare("UPDATE events SET data = replace(data, '10000', '1000') WHERE position = 60").run();
      db.prepare("DELETE FROM store_facts WHERE name = 'last-verification'").run();
      rechain(db);
    });
    // Then the chain is consistent again, but the changed event's seal (keyed, which the chain is not) no longer
    // matches its content, and the head is not the one the anchor vouched for
    const { code, report } = await verify(file, '--anchor', anchor);
    expect(code).toBe(1);
    expect(report.problems.map((p) => [p.kind, p.position])).toEqual([
      ['marker', 60],
      ['replaced', 66],
    ]);
    expect(report.problems[0]!.message).toMatch(/without a seal that matches its content/);
    expect(report.problems[1]!.message).toMatch(
      /it is not the event that held position 66 when the anchor .* was written/,
    );
  });

  it('warns queries about events another process appended since the last clean verify, and only then', async () => {
    // Given a store never verified: queries say nothing about it
    const file = await sampleFile();
    const url = `sqlite:${file}`;
    const holdings = () => runCliCapturing(url, 'holdings', '--issuer', '09175M507', '--as-of', '2024-07-23');
    expect((await holdings()).err).not.toMatch(/verified/);
    // When it is verified, Then queries are quiet
    expect((await verify(file)).code).toBe(0);
    expect((await holdings()).err).not.toMatch(/verified/);
    // When another process (the correct command) appends, Then that command does not warn about its own event
    const reader = await openStore(url);
    const purchase = (await reader.readStream(STREAM)).find((e) => e.type === 'SharesPurchased')!;
    await reader.close();
    const correct = await runCliCapturing(
      url,
      'correct',
      '--event',
      purchase.id,
      '--set',
      'shares=89',
      '--reason',
      'test',
    );
    expect(correct.code, correct.err).toBe(0);
    expect(correct.err).not.toMatch(/verified/);
    // But the next query does, naming the count and the last verification
    expect((await holdings()).err).toMatch(
      /warning: 1 event was appended by another process since the log was last verified \(.*, up to position 66\): run `13d-ledger verify`/,
    );
    // And after verify runs again, it is quiet
    expect((await verify(file)).code).toBe(0);
    expect((await holdings()).err).not.toMatch(/verified/);
  });

  it('chains the events of a version-1 file when it is upgraded, and says from where', async () => {
    // Given a file of schema version 1 holding two events
    const file = join(dir, 'version-1.db');
    const db = new Database(file);
    db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, stream TEXT NOT NULL,
      revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL,
      UNIQUE (stream, revision)); PRAGMA user_version = 1;`);
    const insert = db.prepare(
      'INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run(randomUUID(), 'old', 0, 'A', '{}', '{}', '2024-01-01T00:00:00.000Z');
    insert.run(randomUUID(), 'old', 1, 'B', '{}', '{}', '2024-01-02T00:00:00.000Z');
    db.close();
    // When it is opened read-only, Then it is read as it is, and verify says it has no chain (and still checks the
    // rest)
    const readOnly = await runCliCapturing(`sqlite:${file}?mode=ro`, 'verify', '--json');
    expect(readOnly.code).toBe(0);
    expect(JSON.parse(readOnly.out)).toMatchObject({ ok: true, chained: false, events: 2 });
    expect(JSON.parse(readOnly.out).message).toMatch(/no hash chain: only revisions and recorded times were checked/);
    // When `store migrate` runs on it, Then it is upgraded and says so
    const migrated = await runCliCapturing(`sqlite:${file}`, 'store', 'migrate');
    expect(migrated.out).toMatch(
      /^SQLite store: schema version 2; its events up to position 2 were chained when it was upgraded/,
    );
    // When the ledger writes to it, Then verify passes and says the first two were chained at the upgrade
    const store = await openStore(`sqlite:${file}`);
    await store.append('new', [{ id: randomUUID(), type: 'C', data: {} }]);
    await store.close();
    const { code, report, text } = await verify(file);
    expect(code).toBe(0);
    expect(report).toMatchObject({ ok: true, events: 3, chainedFrom: { migratedThrough: 2 } });
    expect(text).toMatch(/events up to position 2 were chained when the store was upgraded/);
  });
});

/** What an insider with the file and this program's source could do: recompute every hash in order. */
function rechain(db: Database.Database): void {
  db.defaultSafeIntegers(true);
  const rows = db
    .prepare(
      'SELECT position, id, stream, revision, type, data, metadata, recorded_at, seal FROM events ORDER BY position',
    )
    .all() as Array<{
    position: bigint;
    id: string;
    stream: string;
    revision: bigint;
    type: string;
    data: string;
    metadata: string;
    recorded_at: string;
    seal: Buffer | null;
  }>;
  const update = db.prepare(
    'UPDATE events SET content_hash = ?, chain_hash = ?, stream_chain_hash = ? WHERE position = ?',
  );
  const streams = new Map<string, Buffer>();
  let chain = GENESIS;
  for (const row of rows) {
    const digest = contentDigest({ ...row, recordedAt: row.recorded_at });
    chain = chainNext(chain, digest);
    const streamChain = chainNext(streams.get(row.stream) ?? GENESIS, digest);
    streams.set(row.stream, streamChain);
    update.run(digest, chain, streamChain, row.position);
  }
}

const targets = await storeTargets('verify', () => `sqlite:${join(dir, `target-${++stores}.db`)}`);
describe.each(targets)('13d-ledger verify on $name', (target) => {
  onTarget(target);
  it('checks the revisions and recorded times of the sample, and says whether content was checked', async () => {
    const url = await freshStoreUrl();
    const store = await openStore(url);
    await loadSample(store);
    await store.close();
    const run = await runCliCapturing(url, 'verify', '--json');
    const report = JSON.parse(run.out) as VerifyReport;
    expect(run.code).toBe(0);
    expect(report).toMatchObject({ ok: true, events: LOG_EVENTS, chained: true, problems: [] });
    expect(report.message).toMatch(
      /verified, 66 events, head at position 66 \(content, hash chains, revisions and recorded times checked\)/,
    );
  });
});
