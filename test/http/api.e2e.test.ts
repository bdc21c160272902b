/**
 * The HTTP API over real HTTP on loopback against a real SQLite store holding the
 * bundled Ault Alliance history: every route, every class of error, and a race of
 * two analysts correcting at the same revision. Every answer is also checked
 * against its documented schema (support.ts).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/http/routes.js';
import { answeredRoutes, bearer, json, testServer, WRITE_TOKEN, type TestServer } from './support.js';

const ISSUER = '09175M507';
// Ault & Company's purchase of 88 shares on 2020-01-15 (Amendment No. 8, Item 5(c)), the sample's stable id.
const PURCHASE_2020 = 'b0b1fabb-445a-5f9c-a307-149a1fc311e6';
const SEED_FILING = new URL('../../data/filings/ault-alliance-sc13d-a8-2024-07-24.txt', import.meta.url);
const SYNTHETIC_XML = new URL('../fixtures/ingest/synthetic-schedule13d.xml', import.meta.url);

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(async () => {
  await server?.stop();
  // Every route was called with success at least once, so every documented response shape was checked.
  expect([...answeredRoutes].sort()).toEqual(ROUTES.map((r) => r.operationId).sort());
});

describe('reads on the bundled sample', () => {
  it('gives holdings at 2024-07-23 as the CLI does: Ault & Company 214,940,800 shares, 85.72% of the class', async () => {
    const { status, json: body } = await server.get(`/api/issuers/${ISSUER}/holdings?asOf=2024-07-23`);
    expect(status).toBe(200);
    const company = body.holders.find((h: { personId: string }) => h.personId === 'ault-and-company');
    // 25,229 shares + 44,000 x $1,000 / $0.22 = 200,000,000 on conversion + 13,008,131 + 1,907,440 warrants
    expect(company.aggregate).toBe(25_229 + 200_000_000 + 13_008_131 + 1_907_440);
    expect(company.percentOfClass.toFixed(2)).toBe('85.72');
    expect(body.issuer).toEqual({ cusip: ISSUER, name: 'Ault Alliance, Inc.' });
  });

  it('gives the same holdings as CSV when asked by Accept or by format, one row per holder', async () => {
    const byAccept = await server.get(`/api/issuers/${ISSUER}/holdings?asOf=2024-07-23`, { accept: 'text/csv' });
    const byFormat = await server.get(`/api/issuers/${ISSUER}/holdings?asOf=2024-07-23&format=csv`);
    expect(byAccept.contentType).toMatch(/^text\/csv/);
    expect(byFormat.text).toBe(byAccept.text);
    const lines = byAccept.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'asOf,personId,name,aggregate,percentOfClass,soleVotingPower,sharedVotingPower,soleDispositivePower,sharedDispositivePower,basis,breakdownKnown',
    );
    expect(lines).toHaveLength(1 + 5);
    expect(lines.find((l) => l.includes(',ault-and-company,'))).toMatch(
      /^2024-07-23,ault-and-company,"Ault & Company, Inc\.",/,
    );
    expect(lines.find((l) => l.includes(',ault-and-company,'))).toContain(',214940800,');
  });

  it("gives a person's history, as JSON and CSV, oldest first", async () => {
    const { json: history } = await server.get(`/api/issuers/${ISSUER}/persons/ault-and-company/history`);
    expect(history.changes[0]).toMatchObject({
      date: '2020-01-15',
      eventType: 'SharesPurchased',
      change: 88,
      factId: PURCHASE_2020,
    });
    const csv = await server.get(`/api/issuers/${ISSUER}/persons/ault-and-company/history?format=csv`);
    expect(csv.text.split('\r\n')[1]).toMatch(
      /^2020-01-15,exact,ault-and-company,common,.*,88,88,transaction,SharesPurchased,/,
    );
  });

  it('answers groups, statement, reconciliation and diff with the shapes the CLI prints', async () => {
    const group = await server.get(`/api/issuers/${ISSUER}/groups?asOf=2024-07-23`);
    expect(group.status).toBe(200);
    const statement = await server.get(`/api/issuers/${ISSUER}/statement?asOf=2024-07-24`);
    expect(statement.json.coverPages.map((p: { personId: string }) => p.personId)).toContain('ault-and-company');
    const reconciliation = await server.get(`/api/issuers/${ISSUER}/reconciliation`);
    expect(reconciliation.status).toBe(200);
    const diff = await server.get(`/api/issuers/${ISSUER}/diff?from=7&to=8`);
    expect(diff.status).toBe(200);
  });

  it("lists the chain's filings with the lag of each against its deadline", async () => {
    const { json: body } = await server.get(`/api/issuers/${ISSUER}/filings`);
    expect(body.filings).toHaveLength(9);
    const a8 = body.filings.at(-1);
    // Event 2024-07-23 (a Tuesday), filed 2024-07-24: an amendment after 2024-02-05 is due in 2 business days,
    // 2024-07-25
    expect(a8).toMatchObject({
      filing: 'Amendment No. 8',
      filedOn: '2024-07-24',
      eventDate: '2024-07-23',
      lag: { calendarDays: 1, businessDays: 1, late: false, deadline: { due: '2024-07-25' } },
    });
    // The earlier filings are known only by their filing dates (Amendment No. 8's preamble): no event date, no lag.
    expect(body.filings[0]).toMatchObject({
      filing: 'Original Schedule 13D',
      filedOn: '2021-10-12',
      contentsKnown: false,
      lag: null,
    });
  });

  it('gives a timeline of each person and the crossings of 5% and 10%', async () => {
    const { json: timeline } = await server.get(`/api/issuers/${ISSUER}/timeline`);
    const company = timeline.persons.find((p: { personId: string }) => p.personId === 'ault-and-company');
    expect(company.points.at(-1)).toMatchObject({ aggregate: 214_940_800 });
    expect(
      timeline.markers.some(
        (m: { kind: string; label: string }) => m.kind === 'filing' && m.label === 'Amendment No. 8',
      ),
    ).toBe(true);
    const { json: crossings } = await server.get(`/api/issuers/${ISSUER}/crossings`);
    const up = crossings.crossings.filter(
      (c: { personId: string; direction: string }) => c.personId === 'ault-and-company' && c.direction === 'up',
    );
    expect(up.map((c: { threshold: number }) => c.threshold).sort()).toEqual([10, 5]);
    expect(crossings.crossings).toEqual(
      timeline.crossings.slice().sort((a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date)),
    );
  });

  it("gives a holder's positions across the issuers where it reports, by person id", async () => {
    const { status, json: body } = await server.get('/api/holders/ault-and-company/positions?asOf=2024-07-23');
    expect(status).toBe(200);
    expect(body.positions).toHaveLength(1);
    expect(body.positions[0]).toMatchObject({
      personId: 'ault-and-company',
      issuer: { cusip: ISSUER },
      holding: { aggregate: 214_940_800 },
    });
  });

  it('lists the issuers, and pages through the raw events of a stream', async () => {
    const { json: list } = await server.get('/api/issuers');
    expect(list.issuers.map((i: { cusip: string }) => i.cusip)).toContain(ISSUER);
    const first = await server.get(`/api/issuers/${ISSUER}/events?limit=5`);
    expect(first.json.events).toHaveLength(5);
    expect(first.json.events.map((e: { revision: number }) => e.revision)).toEqual([0, 1, 2, 3, 4]);
    const second = await server.get(`/api/issuers/${ISSUER}/events?from=${first.json.nextFrom}&limit=5`);
    expect(second.json.events[0].revision).toBe(5);
  });

  it('serves the OpenAPI document and the timeline page', async () => {
    const document = await server.get('/openapi.json');
    expect(document.json.openapi).toBe('3.1.0');
    const page = await server.get('/');
    expect(page.status).toBe(200);
    expect(page.contentType).toMatch(/^text\/html/);
  });
});

describe('bad requests', () => {
  it('refuses a CUSIP whose check digit is wrong, naming the parameter and the right digit', async () => {
    const { status, json: problem } = await server.get('/api/issuers/09175M508/holdings?asOf=2024-07-23');
    expect(status).toBe(400);
    expect(problem.errors[0].where).toBe('issuer');
    expect(problem.detail).toMatch(/check digit should be 7/);
  });

  it('refuses a date that does not exist, and an unknown parameter', async () => {
    const bad = await server.get(`/api/issuers/${ISSUER}/holdings?asOf=2024-02-30`);
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual([{ where: 'asOf', problem: expect.stringMatching(/not a calendar date/) }]);
    const unknown = await server.get(`/api/issuers/${ISSUER}/holdings?asOf=2024-07-23&asof=2024-07-23`);
    expect(unknown.status).toBe(400);
    expect(unknown.json.detail).toMatch(/asof/);
  });

  it('answers 404 for an issuer the ledger does not hold, a person it does not know, and a path it does not serve', async () => {
    // 037833100: a valid CUSIP (Apple Inc.) that is not in this ledger
    expect((await server.get('/api/issuers/037833100/holdings?asOf=2024-07-23')).status).toBe(404);
    expect((await server.get(`/api/issuers/${ISSUER}/persons/nobody-at-all/history`)).status).toBe(404);
    expect((await server.get('/api/holders/nobody-at-all/positions?asOf=2024-07-23')).status).toBe(404);
    const route = await server.get('/api/nothing-here');
    expect(route.status).toBe(404);
    expect(route.json.detail).toMatch(/openapi\.json/);
  });

  it('puts no stack trace or server path in a problem', async () => {
    const { text } = await server.post('/api/filings?name=broken.txt', 'this is not a Schedule 13D', {
      ...bearer(),
      'content-type': 'text/plain',
    });
    expect(text).not.toMatch(/\n\s+at |node_modules|\/tmp\/|\/work\//);
  });
});

describe('writes', () => {
  it('needs the bearer token: none is a 401, a wrong one too, and neither writes anything', async () => {
    const before = (await server.get(`/api/issuers/${ISSUER}/events?limit=1000`)).json.events.length;
    const body = JSON.stringify({ set: { shares: 90 }, reason: 'typo' });
    expect(
      (await server.post(`/api/events/${PURCHASE_2020}/corrections`, body, { 'content-type': 'application/json' }))
        .status,
    ).toBe(401);
    expect((await server.post(`/api/events/${PURCHASE_2020}/corrections`, body, json('not-the-token'))).status).toBe(
      401,
    );
    expect((await server.get(`/api/issuers/${ISSUER}/events?limit=1000`)).json.events.length).toBe(before);
  });

  it('refuses a body that is not JSON where JSON is read (415), and a malformed one (400)', async () => {
    expect(
      (
        await server.post(`/api/events/${PURCHASE_2020}/corrections`, 'shares=90', {
          ...bearer(),
          'content-type': 'text/plain',
        })
      ).status,
    ).toBe(415);
    expect((await server.post(`/api/events/${PURCHASE_2020}/corrections`, '{"set":', json())).status).toBe(400);
  });

  it('refuses a correction that fails the schema, writing nothing', async () => {
    const { status, json: problem } = await server.post(
      `/api/events/${PURCHASE_2020}/corrections`,
      JSON.stringify({ set: { shares: -5 }, reason: 'negative' }),
      json(),
    );
    expect(status).toBe(400);
    expect(problem.detail).toMatch(/shares/);
  });
});

describe('a retraction', () => {
  it('is appended (201), and the history then shows the fact as retracted with its reason', async () => {
    const own = await testServer();
    try {
      const answer = await own.post(
        `/api/events/${PURCHASE_2020}/retractions`,
        JSON.stringify({ reason: 'not a purchase of the reporting person', issuer: ISSUER }),
        json(),
      );
      expect(answer.status).toBe(201);
      expect(answer.json.appended[0]).toMatchObject({ type: 'EventRetracted' });
      const { json: history } = await own.get(`/api/issuers/${ISSUER}/persons/ault-and-company/history`);
      expect(history.changes[0]).toMatchObject({
        factId: PURCHASE_2020,
        change: 0,
        retracted: { reason: 'not a purchase of the reporting person' },
      });
    } finally {
      await own.stop();
    }
  });
});

describe('two analysts correcting at once', () => {
  it('lets the first write at the revision both read, answers the second 409, and keeps one correction', async () => {
    // Given both read the stream at its current revision
    const page = await server.get(`/api/issuers/${ISSUER}/events?limit=1000`);
    const revision = page.json.events.at(-1).revision;
    const correction = (price: number) =>
      JSON.stringify({
        set: { pricePerShare: price },
        reason: `price was ${price}`,
        issuer: ISSUER,
        expectedRevision: revision,
      });
    // When both send a correction at that revision at the same moment
    const answers = await Promise.all([
      server.post(`/api/events/${PURCHASE_2020}/corrections`, correction(1.5), json()),
      server.post(`/api/events/${PURCHASE_2020}/corrections`, correction(2.5), json()),
    ]);
    // Then one is 201 and the other 409, and the log holds exactly one new event, a correction
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)!.json.title).toBe('Stale expected revision');
    const after = await server.get(`/api/issuers/${ISSUER}/events?from=${revision + 1}`);
    expect(after.json.events.map((e: { type: string }) => e.type)).toEqual(['EventCorrected']);
  });
});

describe('ingest over HTTP', () => {
  let empty: TestServer;
  beforeAll(async () => {
    empty = await testServer({ empty: true });
  });
  afterAll(async () => {
    await empty?.stop();
  });

  it('reads the seed filing from the body: 201 and appended; again: 200, already recorded, nothing written', async () => {
    const bytes = readFileSync(SEED_FILING);
    const first = await empty.post('/api/filings?name=a8.txt', bytes, { ...bearer(), 'content-type': 'text/plain' });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ status: 'appended', cusip: ISSUER, amendmentNo: 8 });
    const again = await empty.post('/api/filings?name=a8-again.txt', bytes, {
      ...bearer(),
      'content-type': 'text/plain',
    });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ status: 'already-recorded', appended: 0 });
  });

  it('answers 409 for a genuine copy of a filing whose damaged copy is recorded, naming both contents, and writes nothing', async () => {
    // Given the seed filing with two lines swapped (one cover page lost) ingested into a store of its own
    const own = await testServer({ empty: true });
    try {
      const lines = readFileSync(SEED_FILING, 'utf8').split('\n');
      [lines[80], lines[81]] = [lines[81]!, lines[80]!];
      const damaged = await own.post('/api/filings?name=damaged.txt', lines.join('\n'), {
        ...bearer(),
        'content-type': 'text/plain',
      });
      expect(damaged.status).toBe(201);
      const events = await own.get(`/api/issuers/${ISSUER}/events?limit=1000`);
      // When the genuine filing is sent
      const genuine = await own.post('/api/filings?name=genuine.txt', readFileSync(SEED_FILING), {
        ...bearer(),
        'content-type': 'text/plain',
      });
      // Then it is a conflict naming both content hashes, and the stream is as it was
      expect(genuine.status).toBe(409);
      expect(genuine.json).toMatchObject({ type: expect.stringMatching(/filing-conflict$/), status: 409 });
      expect(genuine.json.detail.match(/sha256:[0-9a-f]{64}/g)).toHaveLength(2);
      expect((await own.get(`/api/issuers/${ISSUER}/events?limit=1000`)).text).toBe(events.text);
    } finally {
      await own.stop();
    }
  });

  it('refuses a filing it cannot read (400, naming the filing as sent), a body over the limit (413), a JSON body (415)', async () => {
    const unreadable = await empty.post('/api/filings?name=notes.txt', 'Dear diary', {
      ...bearer(),
      'content-type': 'text/plain',
    });
    expect(unreadable.status).toBe(400);
    expect(unreadable.json.detail).toMatch(/^notes\.txt/);
    expect((await empty.post('/api/filings', '{}', { ...bearer(), 'content-type': 'application/json' })).status).toBe(
      415,
    );
  });

  it('answers 409 to an ingest at a stale expected revision, writing nothing', async () => {
    const xml = readFileSync(SYNTHETIC_XML);
    const stale = await empty.post('/api/filings?name=x.xml&expectedRevision=3', xml, {
      ...bearer(),
      'content-type': 'application/xml',
    });
    expect(stale.status).toBe(409);
    const fresh = await empty.post('/api/filings?name=x.xml&expectedRevision=no_stream', xml, {
      ...bearer(),
      'content-type': 'application/xml',
    });
    expect(fresh.status).toBe(201);
  });
});

describe('limits and tokens', () => {
  it('answers 413 for a filing over the size limit, before reading it whole', async () => {
    const small = await testServer({ empty: true, maxFilingBytes: 1024 });
    try {
      const answer = await small.post('/api/filings', Buffer.alloc(4096, 'x'), {
        ...bearer(),
        'content-type': 'text/plain',
      });
      expect(answer.status).toBe(413);
    } finally {
      await small.stop();
    }
  });

  it('refuses writes with 403 when started without LEDGER_TOKEN, and needs LEDGER_READ_TOKEN for reads when set', async () => {
    const closed = await testServer({ tokens: { write: null, read: 'reader-token' } });
    try {
      const write = await closed.post(
        `/api/events/${PURCHASE_2020}/retractions`,
        JSON.stringify({ reason: 'x' }),
        json(WRITE_TOKEN),
      );
      expect(write.status).toBe(403);
      expect(write.json.detail).toMatch(/LEDGER_TOKEN/);
      expect((await closed.get(`/api/issuers/${ISSUER}/holdings?asOf=2024-07-23`)).status).toBe(401);
      expect((await closed.get(`/api/issuers/${ISSUER}/holdings?asOf=2024-07-23`, bearer('reader-token'))).status).toBe(
        200,
      );
    } finally {
      await closed.stop();
    }
  });
});
