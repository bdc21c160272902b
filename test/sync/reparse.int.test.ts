import { afterEach, describe, expect, it } from 'vitest';
import {
  decodeTolerantly,
  EVENT_CATALOGUE,
  evolveTarget,
  initialTargetState,
  type FactEventType,
} from '../../src/domain/index.js';
import { PARSER_VERSION } from '../../src/ingest/parser-version.js';
import { parseFilingBytes } from '../../src/ingest/read-filing.js';
import { reparseCache } from '../../src/ledger/reparse.js';
import { runCliCapturing } from '../support/run-cli.js';
import { layoutFiling, UNREADABLE_DOCUMENT } from '../support/local-edgar-records.js';
import { syncWorld, weekOfFilings, type SyncWorld } from './sync-fixture.js';

let world: SyncWorld;
afterEach(async () => world?.close());

const NEWER = 'ingest-parser/test-2';

describe('13d-ledger reparse', () => {
  it('skips every cached filing the current parser version has read', async () => {
    world = await syncWorld();
    await world.sync();
    const before = await world.store.readAll();
    const summary = await reparseCache(world.store, { cache: world.cache });
    expect(summary).toEqual({
      parserVersion: PARSER_VERSION,
      documents: 9,
      skipped: 9,
      reread: 0,
      changed: 0,
      unchanged: 0,
      eventsAppended: 0,
      refused: [],
    });
    expect(await world.store.readAll()).toHaveLength(before.length);
    const cli = await runCliCapturing(world.storeUrl, 'reparse', '--cache', world.cache.dir, '--json');
    expect(JSON.parse(cli.out)).toMatchObject({ documents: 9, skipped: 9, eventsAppended: 0 });
  });

  it('appends what a newer parser reads differently, tagged with its version; a second run skips', async () => {
    world = await syncWorld();
    await world.sync();
    const target = world.filings[0]!;
    const before = await world.store.readAll();
    // The "newer parser" reads 1,000 more shares of sole voting power on the first cover page of one filing
    let original = -1;
    const newerParser = (bytes: Uint8Array, file: string) => {
      const filing = parseFilingBytes(bytes, file);
      if (filing.accessionNumber !== target.accessionNumber) return filing;
      original = filing.coverPages[0]!.soleVotingPower!;
      filing.coverPages[0]!.soleVotingPower = original + 1000;
      return filing;
    };
    const summary = await reparseCache(world.store, { cache: world.cache, parserVersion: NEWER, parse: newerParser });
    expect(summary).toMatchObject({
      parserVersion: NEWER,
      documents: 9,
      skipped: 0,
      reread: 9,
      changed: 1,
      unchanged: 8,
      refused: [],
    });
    const after = await world.store.readAll();
    // Earlier events stay as they were; what is new comes after them
    expect(after.slice(0, before.length)).toEqual(before);
    const appended = after.slice(before.length).filter((e) => e.stream.startsWith('issuer-'));
    expect(appended.length).toBe(summary.eventsAppended);
    expect(appended.length).toBeGreaterThan(0);
    for (const e of appended) {
      expect(e.type).toBe('EventCorrected');
      expect(e.metadata).toMatchObject({ parserVersion: NEWER, source: `reparse:${target.accessionNumber}` });
      expect((e.data as { reason: string }).reason).toBe(`re-read by parser ${NEWER} (was ${PARSER_VERSION})`);
    }
    // Corrected, the filing's statement shows the new reading of the row, and no other field moved
    const stream = appended[0]!.stream;
    const { envelopes } = decodeTolerantly(after.filter((e) => e.stream === stream));
    const statement = envelopes.find((e) => e.event.type === 'StatementFiled')!;
    const state = envelopes.reduce(evolveTarget(statement.id), initialTargetState());
    const covers = (state.currentData as { coverPages: { soleVotingPower: number }[] }).coverPages;
    expect(covers[0]!.soleVotingPower).toBe(original + 1000);
    const was = (statement.event.data as { coverPages: { soleVotingPower: number }[] }).coverPages;
    expect({ ...covers[0], soleVotingPower: 0 }).toEqual({ ...was[0], soleVotingPower: 0 });
    // A second reparse with the same version reads nothing again
    const again = await reparseCache(world.store, { cache: world.cache, parserVersion: NEWER, parse: newerParser });
    expect(again).toMatchObject({ skipped: 9, reread: 0, eventsAppended: 0 });
    expect(await world.store.readAll()).toHaveLength(after.length);
  });

  it('ingests, tagged with the newer version, a cached filing the earlier parser refused', async () => {
    const refusedByNow = layoutFiling(UNREADABLE_DOCUMENT, 20, '2024-07-11');
    world = await syncWorld([...weekOfFilings(), refusedByNow]);
    const synced = await world.sync();
    expect(synced.refused).toEqual([
      expect.objectContaining({ accessionNumber: refusedByNow.accessionNumber, transient: false }),
    ]);
    expect(synced.refused[0]!.reason).toContain('not a Schedule 13D: the first page does not say "SCHEDULE 13D"');
    // A refusal by the parser is for good: the watermark passes it (the cache keeps the document for a newer parser)
    expect(synced.watermark).toEqual({ from: '2024-07-08', through: '2024-07-12' });
    // The "newer parser" reads this document as the HTML it is (here: the text of another layout, under its header)
    const readable = layoutFiling('l18-2004-html-pre-block.htm', 20, '2024-07-11');
    const newerParser = (bytes: Uint8Array, file: string) =>
      parseFilingBytes(Buffer.compare(Buffer.from(bytes), refusedByNow.bytes) === 0 ? readable.bytes : bytes, file);
    const summary = await reparseCache(world.store, { cache: world.cache, parserVersion: NEWER, parse: newerParser });
    expect(summary).toMatchObject({ documents: 10, reread: 10, changed: 1, unchanged: 9, refused: [] });
    const written = (await world.store.readAll()).filter(
      (e) => e.metadata.source === `ingest:${world.cache.pathOf(refusedByNow.accessionNumber)}`,
    );
    expect(written.length).toBe(summary.eventsAppended);
    expect(written.map((e) => e.metadata.parserVersion)).toEqual(written.map(() => NEWER));
    expect(written.find((e) => e.type === 'StatementFiled')!.data).toMatchObject({
      accessionNumber: refusedByNow.accessionNumber,
    });
  });

  it('retracts, with the reason, the transactions of a filing a newer parser no longer reads', async () => {
    world = await syncWorld();
    await world.sync();
    const ault = world.filings.at(-1)!;
    const newerParser = (bytes: Uint8Array, file: string) => {
      const filing = parseFilingBytes(bytes, file);
      if (filing.accessionNumber === ault.accessionNumber) filing.transactions = [];
      return filing;
    };
    const before = await world.store.readAll({ filter: { streamPrefixes: ['issuer-'] } });
    const kindOf = (type: string) => EVENT_CATALOGUE[type as FactEventType]?.kind;
    const fromAult = (e: { data: unknown }) =>
      (e.data as { source?: { accessionNumber?: string } }).source?.accessionNumber === ault.accessionNumber;
    // The trades this filing disclosed, as the earlier reading recorded them
    const trades = before.filter((e) => kindOf(e.type) === 'transaction' && fromAult(e));
    expect(trades.length).toBeGreaterThan(0);
    const summary = await reparseCache(world.store, { cache: world.cache, parserVersion: NEWER, parse: newerParser });
    expect(summary).toMatchObject({ changed: 1, unchanged: 8 });
    const appended = (await world.store.readAll({ filter: { streamPrefixes: ['issuer-'] } })).slice(before.length);
    // Retractions, and securities described anew without the terms the trades gave them
    const anew = appended.filter((e) => e.type !== 'EventRetracted');
    expect(anew.every((e) => e.type === 'SecurityDescribed' && e.metadata.parserVersion === NEWER)).toBe(true);
    const retractions = appended.filter((e) => e.type === 'EventRetracted');
    const targets = retractions.map((e) => before.find((b) => b.id === (e.data as { eventId: string }).eventId)!);
    // Every trade of the filing; beside them only what the trades defined (securities, the joint filing agreement)
    expect(trades.every((t) => targets.includes(t))).toBe(true);
    const others = targets.filter((t) => !trades.includes(t));
    expect(others.every((t) => kindOf(t.type) === 'definition' && fromAult(t))).toBe(true);
    for (const e of retractions) {
      expect((e.data as { reason: string }).reason).toBe(
        `re-read by parser ${NEWER} (was ${PARSER_VERSION}): no longer read from the filing`,
      );
      expect(e.metadata.parserVersion).toBe(NEWER);
    }
    expect(summary.eventsAppended).toBe(appended.length);
  });
});
