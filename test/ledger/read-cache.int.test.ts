/**
 * Kept reads (what the HTTP service does): a stream is decoded once, later reads ask the store only
 * for what came after, and an answer is never behind the log, whoever appended to it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepReads, loadSample, queryHoldings, readIssuer, runLedgerCommand } from '../../src/ledger/index.js';
import { readDecoded } from '../../src/ledger/read-cache.js';
import type { EventStore, ReadStreamOptions } from '../../src/store/event-store.js';
import { openStore } from '../../src/store/open-store.js';

const ISSUER = '09175M507';
const STREAM = `issuer-${ISSUER}`;
/** The 2020-01-15 purchase of 88 shares by Ault & Company (data/ault-alliance). */
const PURCHASE_2020_01_15 = 'b0b1fabb-445a-5f9c-a307-149a1fc311e6';

let dir: string;
let writer: EventStore;
let server: EventStore;
/** What the server's store was asked: each readStream call's stream, `from` and how many events came back. */
let asked: { stream: string; from: ReadStreamOptions['from']; returned: number }[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), '13d-read-cache-'));
  const url = `sqlite:${join(dir, 'ledger.db')}`;
  // Given the bundled history written by one process, and a server process reading the same file
  writer = await openStore(url);
  await loadSample(writer);
  server = await openStore(url);
  asked = [];
  const readStream = server.readStream.bind(server);
  server.readStream = async (stream: string, options?: ReadStreamOptions) => {
    const events = await readStream(stream, options);
    asked.push({ stream, from: options?.from, returned: events.length });
    return events;
  };
  keepReads(server);
});

afterEach(async () => {
  await writer.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const ault = async (store: EventStore, asOf: string) =>
  (await queryHoldings(store, { issuer: ISSUER, asOf })).holders.find((h) => h.personId === 'ault-and-company');

describe('kept reads', () => {
  it('decode a stream once, then read only the events appended after it', async () => {
    const first = await readIssuer(server, ISSUER);
    const events = first.envelopes.length + first.unreadable.length;
    expect(events).toBeGreaterThan(0);
    await readIssuer(server, ISSUER);
    const reads = asked.filter((a) => a.stream === STREAM);
    expect(reads).toEqual([
      { stream: STREAM, from: undefined, returned: events },
      { stream: STREAM, from: first.lastRevision! + 1n, returned: 0 },
    ]);
  });

  it('see an event another process appended since, so the answer is never behind the log', async () => {
    // 179 shares on 2024-03-10, of which 88 bought on 2020-01-15
    expect((await ault(server, '2024-03-10'))?.aggregate).toBe(179);
    const before = await readIssuer(server, ISSUER);
    // When the writer corrects the purchase to 90 shares
    await runLedgerCommand(writer, {
      kind: 'CorrectEvent',
      eventId: PURCHASE_2020_01_15,
      set: { shares: 90 },
      reason: 'Item 5(c) says 90',
    });
    // Then the server answers 179 - 88 + 90 = 181, having read one new event
    expect((await ault(server, '2024-03-10'))?.aggregate).toBe(181);
    const after = await readIssuer(server, ISSUER);
    expect(after.lastRevision).toBe(before.lastRevision! + 1n);
    expect(after.envelopes).toHaveLength(before.envelopes.length + 1);
    expect(asked.filter((a) => a.stream === STREAM).at(-1)).toEqual({
      stream: STREAM,
      from: after.lastRevision! + 1n,
      returned: 0,
    });
  });

  it('hand out arrays of their own: a caller changing one changes nothing kept', async () => {
    const first = await readIssuer(server, ISSUER);
    const count = first.envelopes.length;
    first.envelopes.length = 0;
    expect((await readIssuer(server, ISSUER)).envelopes).toHaveLength(count);
  });

  it('drop the least recently read stream past the bound, and read it whole again', async () => {
    const bounded = await openStore(`sqlite:${join(dir, 'ledger.db')}`);
    try {
      keepReads(bounded, { maxEvents: 1 });
      const stream = await readDecoded(bounded, STREAM);
      // Over the bound on its own: kept (the stream just read stays), until another stream is read
      expect((await readDecoded(bounded, STREAM)).envelopes).toEqual(stream.envelopes);
      await readDecoded(bounded, 'ledger-issuers');
      const calls: ReadStreamOptions['from'][] = [];
      const readStream = bounded.readStream.bind(bounded);
      bounded.readStream = async (name: string, options?: ReadStreamOptions) => {
        if (name === STREAM) calls.push(options?.from);
        return readStream(name, options);
      };
      expect((await readDecoded(bounded, STREAM)).envelopes).toEqual(stream.envelopes);
      expect(calls).toEqual([undefined]);
    } finally {
      await bounded.close();
    }
  });
});
