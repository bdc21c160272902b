import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { problemOf } from '../../src/http/problem.js';
import {
  CommandResponse,
  CrossingsResponse,
  DiffResponse,
  EventsPageResponse,
  FilingsResponse,
  GroupResponse,
  HistoryResponse,
  HolderResponse,
  HoldingsResponse,
  IngestResponse,
  IssuersResponse,
  ProblemResponse,
  RESPONSE_SCHEMAS,
  ReconciliationResponse,
  StatementResponse,
  TimelineResponse,
} from '../../src/http/response-schemas.js';
import { parseFilingBytes } from '../../src/ingest/read-filing.js';
import {
  buildLedgerIndex,
  ingestFiling,
  IssuerNotFoundError,
  loadSample,
  queryDiff,
  queryFilings,
  queryGroup,
  queryHistory,
  queryHolder,
  queryHoldings,
  queryIssuerEvents,
  queryReconciliation,
  queryStatement,
  queryTimeline,
  runLedgerCommand,
} from '../../src/ledger/index.js';
import type { EventStore } from '../../src/store/event-store.js';
import { openStore } from '../../src/store/open-store.js';

const AULT = '09175M507';
/** The synthetic EDGAR XML original (an invented issuer, Veridane Therapeutics, CUSIP 75934R103). */
const SYNTHETIC_XML = 'test/fixtures/ingest/synthetic-schedule13d.xml';
const VERIDANE = '75934R103';

/** As the HTTP layer writes JSON: bigints as numbers. */
const bigintReplacer = (_key: string, value: unknown): unknown => (typeof value === 'bigint' ? Number(value) : value);
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value, bigintReplacer));

type Path = (string | number)[];

interface Case {
  name: string;
  schema: z.ZodType;
  /** An object inside the response that must refuse a field the schema does not name (or where to find one). */
  nested: Path | ((json: Record<string, unknown>) => Path);
}

/** Each response, the schema it must parse with, and a nested object to test strictness on. */
const CASES: Case[] = [
  { name: 'holdings', schema: HoldingsResponse, nested: ['holders', 0, 'securities', 0] },
  {
    name: 'holdings of an ingested XML filing',
    schema: HoldingsResponse,
    nested: ['holders', 0, 'reportedFigures', 'percentOfClass'],
  },
  { name: 'group', schema: GroupResponse, nested: ['groups', 0, 'members', 0] },
  { name: 'history', schema: HistoryResponse, nested: ['changes', 0, 'source'] },
  { name: 'statement', schema: StatementResponse, nested: ['coverPages', 0, 'memberOfGroup'] },
  { name: 'reconciliation', schema: ReconciliationResponse, nested: ['findings', 0] },
  { name: 'diff', schema: DiffResponse, nested: ['holdingChanges', 0, 'after'] },
  {
    name: 'filings',
    schema: FilingsResponse,
    // Only filings with an event date have a lag (on the sample: Amendment No. 8).
    nested: (json) => [
      'filings',
      (json.filings as { lag: unknown }[]).findIndex((f) => f.lag !== null),
      'lag',
      'deadline',
    ],
  },
  { name: 'timeline', schema: TimelineResponse, nested: ['persons', 0, 'points', 0] },
  { name: 'crossings', schema: CrossingsResponse, nested: ['crossings', 0] },
  { name: 'holder', schema: HolderResponse, nested: ['positions', 0, 'holding', 'reportedFigures'] },
  { name: 'events', schema: EventsPageResponse, nested: ['events', 0] },
  { name: 'issuers', schema: IssuersResponse, nested: ['issuers', 0, 'persons', 'ault-and-company'] },
  { name: 'ingest', schema: IngestResponse, nested: ['review', 0] },
  { name: 'command', schema: CommandResponse, nested: ['appended', 0] },
  { name: 'problem', schema: ProblemResponse, nested: ['errors', 0] },
];

let store: EventStore;
/** Each query's result on the bundled sample, as JSON, by case name. */
const responses = new Map<string, unknown>();

beforeAll(async () => {
  // Given the bundled Ault Alliance history and a synthetic EDGAR XML original of another issuer
  store = await openStore('sqlite::memory:');
  await loadSample(store);
  const ingested = await ingestFiling(store, parseFilingBytes(readFileSync(SYNTHETIC_XML), 'x.xml'));
  const timeline = await queryTimeline(store, { issuer: AULT });
  const { issuer, filedBy, recordedBy, crossings, unreadableEvents } = timeline;
  const index = await buildLedgerIndex(store);
  const results: Record<string, unknown> = {
    holdings: await queryHoldings(store, { issuer: AULT, asOf: '2024-07-23' }),
    'holdings of an ingested XML filing': await queryHoldings(store, { issuer: VERIDANE, asOf: '2025-01-06' }),
    group: await queryGroup(store, { issuer: AULT, asOf: '2024-07-23' }),
    history: await queryHistory(store, { issuer: AULT, person: 'ault-and-company' }),
    statement: await queryStatement(store, { issuer: AULT, asOf: '2024-07-24' }),
    reconciliation: await queryReconciliation(store, { issuer: AULT }),
    diff: await queryDiff(store, { issuer: AULT, from: '7', to: '8' }),
    filings: await queryFilings(store, { issuer: AULT }),
    timeline,
    crossings: { issuer, filedBy, recordedBy, crossings, unreadableEvents },
    holder: await queryHolder(store, { holder: 'ault-and-company', asOf: '2024-07-23' }),
    events: await queryIssuerEvents(store, { issuer: AULT, from: 0, limit: 5 }),
    issuers: { issuers: Object.values(index.issuers) },
    ingest: ingested,
    problem: problemOf(z.strictObject({ asOf: z.iso.date() }).safeParse({ asOf: '2024-02-30' }).error),
  };
  // A purchase the sample records with its total price only: its price per share, corrected
  const stream = await store.readStream(`issuer-${AULT}`);
  const purchase = stream.find(
    (event) => event.type === 'SharesPurchased' && (event.data as { pricePerShare: unknown }).pricePerShare === null,
  );
  if (purchase === undefined) throw new Error('The sample has no purchase without a price per share');
  const { shares, totalPrice } = purchase.data as { shares: number; totalPrice: number };
  results.command = await runLedgerCommand(
    store,
    {
      kind: 'CorrectEvent',
      eventId: purchase.id,
      set: { pricePerShare: totalPrice / shares },
      reason: 'the total price over the shares bought',
    },
    { issuer: AULT },
  );
  for (const [name, result] of Object.entries(results)) responses.set(name, asJson(result));
});

afterAll(async () => {
  await store?.close();
});

/** The response of a case, as JSON. */
function response(name: string): Record<string, unknown> {
  const json = responses.get(name);
  if (json === undefined) throw new Error(`No response for ${name}`);
  return structuredClone(json) as Record<string, unknown>;
}

function objectAt(root: unknown, path: Path): Record<string, unknown> {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  if (node === null || typeof node !== 'object' || Array.isArray(node))
    throw new Error(`No object at ${path.join('.')} in the sample's response`);
  return node as Record<string, unknown>;
}

/** The issues the parse gives, as "path: code" (empty when it parses). */
function issuesOf(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map(
        (issue) => `${issue.path.join('.')}: ${issue.code}${'keys' in issue ? ` ${issue.keys.join(',')}` : ''}`,
      );
}

describe('the response schemas describe what each query returns', () => {
  it.each(CASES)('parse the $name response on the bundled sample', ({ name, schema }) => {
    // Given the query's result as the API writes it (JSON, bigints as numbers)
    const json = response(name);
    // When it is parsed with its schema
    // Then it parses, with no issue
    expect(issuesOf(schema, json)).toEqual([]);
  });

  it.each(CASES.filter((c) => c.schema !== ProblemResponse))(
    'refuse a field the $name schema does not name, at the top',
    ({ name, schema }) => {
      // Given the response with one field no schema names, at the top
      const json = { ...response(name), undocumentedField: 1 };
      // When it is parsed, Then the parse fails on that field alone
      expect(issuesOf(schema, json)).toEqual([': unrecognized_keys undocumentedField']);
    },
  );

  it.each(CASES)('refuse a field the $name schema does not name, in a nested object', ({ name, schema, nested }) => {
    // Given the response with one field no schema names, in a nested object
    const json = response(name);
    const path = typeof nested === 'function' ? nested(json) : nested;
    objectAt(json, path).undocumentedField = 1;
    // When it is parsed, Then the parse fails on that field alone, where it is
    expect(issuesOf(schema, json)).toEqual([`${path.join('.')}: unrecognized_keys undocumentedField`]);
  });

  it('leaves a problem open to extension members at the top, as RFC 9457 allows', () => {
    // Given a problem the API gives for an issuer it does not know, with an extension member
    const problem = {
      ...problemOf(new IssuerNotFoundError('The ledger has no events for issuer 000000000')),
      instance: '/api/issuers/000000000/holdings',
      traceId: 'abc',
    };
    // When it is parsed, Then it parses
    expect(issuesOf(ProblemResponse, problem)).toEqual([]);
    // And a problem without its detail does not
    const { detail: _, ...withoutDetail } = problem;
    expect(issuesOf(ProblemResponse, withoutDetail)).toEqual(['detail: invalid_type']);
  });

  it('parse the command response, which names the corrected purchase and the correction appended', () => {
    // Given the correction of the purchase's price per share
    const json = response('command') as { appended: { type: string; data: { set: Record<string, unknown> } }[] };
    // Then it appended one EventCorrected that sets pricePerShare
    expect(json.appended.map((e) => e.type)).toEqual(['EventCorrected']);
    expect(Object.keys(json.appended[0]!.data.set)).toEqual(['pricePerShare']);
  });
});

describe('the response schemas convert to JSON Schema for the OpenAPI document', () => {
  it.each(Object.entries(RESPONSE_SCHEMAS))('converts %s without throwing', (_name, schema) => {
    // Given a response schema, When it is converted to JSON Schema (draft 2020-12), Then it does not throw
    expect(() => z.toJSONSchema(schema, { target: 'draft-2020-12' })).not.toThrow();
  });

  it('names the holdings components, each once, and refers to them', () => {
    // Given the holdings schema
    // When it is converted
    const json = z.toJSONSchema(HoldingsResponse, { target: 'draft-2020-12' }) as {
      $ref?: string;
      $defs?: Record<string, { additionalProperties?: unknown }>;
    };
    // Then the response is a component, and so is each shape it reuses
    expect(json.$ref).toBe('#/$defs/HoldingsResponse');
    expect(Object.keys(json.$defs ?? {})).toEqual(
      expect.arrayContaining([
        'HoldingsResponse',
        'Holder',
        'SecurityHolding',
        'ReportedFigures',
        'FigureDifference',
        'UnexplainedDifference',
        'ShareBasisAdjustment',
        'UnreadableEvent',
        'ReportedPercent',
        'IssuerHeader',
        'Source',
        'Basis',
      ]),
    );
    // And objects refuse undocumented fields in the document too
    expect(json.$defs?.Holder?.additionalProperties).toBe(false);
    expect(JSON.stringify(json)).not.toContain('"additionalProperties":{}');
  });
});
