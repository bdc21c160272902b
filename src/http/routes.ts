/**
 * Every API route in one table: its method and path, who may call it, the zod schemas
 * of what it takes and returns, and a handler that is one call of a ledger service
 * (the same function the CLI calls). app.ts serves the table; openapi.ts documents it.
 */
import type { z } from 'zod';
import {
  buildLedgerIndex,
  ingestFiling,
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
  type LedgerIndex,
} from '../ledger/index.js';
import { parseFilingBytes } from '../ledger/filing-input.js';
import type { EventStore } from '../store/event-store.js';
import type { Access } from './auth.js';
import { historyCsv, holdingsCsv } from './csv.js';
import * as Req from './request-schemas.js';
import * as Res from './response-schemas.js';

export interface RouteContext {
  store: EventStore;
  /** The server's live index of issuers and persons; without one, a route that needs it reads the store. */
  index?: () => LedgerIndex;
}

export interface RouteInput {
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  body: unknown;
}

export interface RouteResult {
  status?: number;
  body: unknown;
}

export interface Route {
  method: 'get' | 'post';
  /** Express syntax (`:issuer`); openapi.ts writes it as `{issuer}`. */
  path: string;
  operationId: string;
  summary: string;
  tag: 'Issuers' | 'Holders' | 'Log' | 'Writes';
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** JSON body (commands), or a filing's raw bytes (ingest). */
  body?: { kind: 'json'; schema: z.ZodType } | { kind: 'filing'; mediaTypes: readonly string[] };
  /** The success responses; every route may also answer with the problems app.ts lists. */
  responses: Record<number, { description: string; schema: z.ZodType }>;
  /** For routes that also answer in CSV (`?format=csv` or `Accept: text/csv`). */
  csv?: (result: never) => string;
  handle: (input: RouteInput, context: RouteContext) => Promise<RouteResult>;
}

/** What an ingest accepts: the formats it reads (text, HTML, EDGAR XML, full submissions). */
export const FILING_MEDIA_TYPES = [
  'text/plain',
  'text/html',
  'application/xhtml+xml',
  'application/xml',
  'text/xml',
  'application/octet-stream',
] as const;

const issuerParams = { issuer: Req.IssuerParam };
const ok = (description: string, schema: z.ZodType) => ({ 200: { description, schema } });
const revisionOf = (text: string | undefined) =>
  text === undefined ? undefined : text === 'no_stream' ? ('no_stream' as const) : BigInt(text);
const index = async (context: RouteContext) => context.index?.() ?? (await buildLedgerIndex(context.store));

export const ROUTES: Route[] = [
  {
    method: 'get',
    path: '/api/issuers',
    operationId: 'listIssuers',
    summary: 'The issuers in the ledger, with their CUSIP, CIK, filings and reporting persons',
    tag: 'Issuers',
    access: 'read',
    responses: ok('Every issuer the ledger holds, by name', Res.IssuersResponse),
    handle: async (_input, context) => {
      const issuers = Object.values((await index(context)).issuers);
      return {
        body: { issuers: issuers.sort((a, b) => (a.name ?? a.issuerKey).localeCompare(b.name ?? b.issuerKey)) },
      };
    },
  },
  {
    method: 'get',
    path: '/api/issuers/:issuer/holdings',
    operationId: 'getHoldings',
    summary: "Every reporting person's holdings of the issuer at a date (Rule 13d-3)",
    tag: 'Issuers',
    access: 'read',
    params: Req.pathParams(issuerParams),
    query: Req.HoldingsQuery,
    responses: ok('Holdings at asOf, each figure with its basis', Res.HoldingsResponse),
    csv: holdingsCsv,
    handle: async ({ params, query }, { store }) => ({
      body: await queryHoldings(store, {
        issuer: params.issuer!,
        asOf: query.asOf!,
        filedBy: query.filedBy,
        recordedBy: query.recordedBy,
        shareBasis: query.shareBasis,
      }),
    }),
  },
  {
    method: 'get',
    path: '/api/issuers/:issuer/groups',
    operationId: 'getGroups',
    summary: 'Group membership (Rule 13d-5) and joint filing agreements at a date',
    tag: 'Issuers',
    access: 'read',
    params: Req.pathParams(issuerParams),
    query: Req.AtDateQuery,
    responses: ok('Members of each group at asOf', Res.GroupResponse),
    handle: async ({ params, query }, { store }) => ({
      body: await queryGroup(store, {
        issuer: params.issuer!,
        asOf: query.asOf!,
        filedBy: query.filedBy,
        recordedBy: query.recordedBy,
      }),
    }),
  },
  {
    method: 'get',
    path: '/api/issuers/:issuer/persons/:person/history',
    operationId: 'getHistory',
    summary: "Each change to a person's positions at the issuer, with its source, corrections and retractions",
    tag: 'Issuers',
    access: 'read',
    params: Req.pathParams({ ...issuerParams, person: Req.PersonParam }),
    query: Req.HistoryQuery,
    responses: ok("The person's history, oldest first", Res.HistoryResponse),
    csv: historyCsv,
    handle: async ({ params, query }, { store }) => ({
      body: await queryHistory(store, {
        issuer: params.issuer!,
        person: params.person!,
        asOf: query.asOf,
        filedBy: query.filedBy,
        recordedBy: query.recordedBy,
        shareBasis: query.shareBasis,
      }),
    }),
  },
  {
    method: 'get',
    path: '/api/issuers/:issuer/statement',
    operationId: 'getStatement',
    summary: 'The Schedule 13D as it stood at a date: cover pages with amendments applied, items, contacts',
    tag: 'Issuers',
    access: 'read',
    params: Req.pathParams(issuerParams),
    query: Req.AtDateQuery,
    responses: ok('The statement as of asOf', Res.StatementResponse),
    handle: async ({ params, query }, { store }) => ({
      body: await queryStatement(store, {
        issuer: params.issuer!,
        asOf: query.asOf!,
        filedBy: query.filedBy,
        recordedBy: query.recordedBy,
      }),
    }),
  },
  {
    method: 'get',
    path: '/api/issuers/:issuer/reconciliation',
    operationId: 'getReconciliation',
    summary:
      "Whether each filing's numbers add up: cover rows, percent against shares outstanding, Item 5 against the cover",
    tag: 'Issuers',
    access: 'read',
    params: Req.pathParams(issuerParams),
    query: Req.OptionalDateQuery,
    responses: ok('Findings, by filing', Res.ReconciliationResponse),
    handle: async ({ params, query }, { store }) => ({
      body: await queryReconciliation(store, {
        issuer: params.issuer!,
        asOf: query.asOf,
        filedBy: query.filedBy,
        recordedBy: query.recordedBy,
      }),
    }),
  },
  {
    method: 'get',
    path: '/api/issuers/:issuer/diff',
    operationId: 'getDiff',
    summary: 'What changed between two filings of the chain: items restated, cover rows, holdings',
    tag: 'Issuers',
    access: 'read',
    params: Req.pathParams(issuerParams),
    query: Req.DiffQuery,
    responses: ok('The changes from one amendment to the other', Res.DiffResponse),
    handle: async ({ params, query }, { store }) => ({
      body: await queryDiff(store, {
        issuer: params.issuer!,
        from: query.from!,
        to: query.to!,
        filedBy: query.filedBy,
        recordedBy: query.recordedBy,
        shareBasis: query.shareBasis,
      }),
    }),
  },
  {
    method: 'get',
    path: '/api/issuers/:issuer/filings',
    operationId: 'getFilings',
    summary: "The issuer's filings: accession and amendment numbers, filing and event dates, lag against the deadline",
    tag: 'Issuers',
    access: 'read',
    params: Req.pathParams(issuerParams),
    query: Req.KnownAtQuery,
    responses: ok('Filings in chain order', Res.FilingsResponse),
    handle: async ({ params, query }, { store }) => ({
      body: await queryFilings(store, { issuer: params.issuer!, filedBy: query.filedBy, recordedBy: query.recordedBy }),
    }),
  },
  {
    method: 'get',
    path: '/api/issuers/:issuer/timeline',
    operationId: 'getTimeline',
    summary:
      "Each reporting person's ownership over time, with filings and transactions as markers, and 5%/10% crossings",
    tag: 'Issuers',
    access: 'read',
    params: Req.pathParams(issuerParams),
    query: Req.KnownAtQuery,
    responses: ok('Points at every date a figure changes', Res.TimelineResponse),
    handle: async ({ params, query }, { store }) => ({
      body: await queryTimeline(store, {
        issuer: params.issuer!,
        filedBy: query.filedBy,
        recordedBy: query.recordedBy,
      }),
    }),
  },
  {
    method: 'get',
    path: '/api/issuers/:issuer/crossings',
    operationId: 'getCrossings',
    summary: 'When each reporting person crossed 5% or 10% of the class, up or down',
    tag: 'Issuers',
    access: 'read',
    params: Req.pathParams(issuerParams),
    query: Req.KnownAtQuery,
    responses: ok('Crossings in date order', Res.CrossingsResponse),
    handle: async ({ params, query }, { store }) => {
      const { issuer, filedBy, recordedBy, crossings, unreadableEvents } = await queryTimeline(store, {
        issuer: params.issuer!,
        filedBy: query.filedBy,
        recordedBy: query.recordedBy,
      });
      return {
        body: {
          issuer,
          filedBy,
          recordedBy,
          crossings: [...crossings].sort((a, b) => a.date.localeCompare(b.date)),
          unreadableEvents,
        },
      };
    },
  },
  {
    method: 'get',
    path: '/api/issuers/:issuer/events',
    operationId: 'getEvents',
    summary: "The raw events of the issuer's stream, as stored, a page at a time",
    tag: 'Log',
    access: 'read',
    params: Req.pathParams(issuerParams),
    query: Req.EventsQuery,
    responses: ok('One page of events, with the revision to read from next', Res.EventsPageResponse),
    handle: async ({ params, query }, { store }) => ({
      body: await queryIssuerEvents(store, {
        issuer: params.issuer!,
        ...(query.from === undefined ? {} : { from: Number(query.from) }),
        ...(query.limit === undefined ? {} : { limit: Number(query.limit) }),
      }),
    }),
  },
  {
    method: 'get',
    path: '/api/holders/:holder/positions',
    operationId: 'getHolderPositions',
    summary: "A reporting person's holdings at every issuer where it reports, by person id or CIK",
    tag: 'Holders',
    access: 'read',
    params: Req.pathParams({ holder: Req.HolderParam }),
    query: Req.HolderQuery,
    responses: ok('One position per issuer', Res.HolderResponse),
    handle: async ({ params, query }, context) => ({
      body: await queryHolder(
        context.store,
        { holder: params.holder!, asOf: query.asOf!, filedBy: query.filedBy, recordedBy: query.recordedBy },
        await index(context),
      ),
    }),
  },
  {
    method: 'post',
    path: '/api/filings',
    operationId: 'ingestFiling',
    summary: 'Ingest a Schedule 13D or 13D/A: its bytes as the body, in any format ingest reads',
    tag: 'Writes',
    access: 'write',
    query: Req.IngestQuery,
    body: { kind: 'filing', mediaTypes: FILING_MEDIA_TYPES },
    responses: {
      201: { description: 'The filing was read and its events appended', schema: Res.IngestResponse },
      200: { description: 'Nothing written: the filing was already recorded, or dryRun', schema: Res.IngestResponse },
    },
    handle: async ({ query, body }, { store }) => {
      const filing = parseFilingBytes(body as Buffer, query.name ?? 'request body');
      const expectedRevision = revisionOf(query.expectedRevision);
      const outcome = await ingestFiling(store, filing, {
        dryRun: query.dryRun === 'true',
        ...(expectedRevision === undefined ? {} : { expectedRevision }),
      });
      return { status: outcome.appended > 0 ? 201 : 200, body: outcome };
    },
  },
  {
    method: 'post',
    path: '/api/events/:eventId/corrections',
    operationId: 'correctEvent',
    summary: 'Correct fields of an earlier event: the original stays in the log, the correction applies from now on',
    tag: 'Writes',
    access: 'write',
    params: Req.pathParams({ eventId: Req.EventIdParam }),
    body: { kind: 'json', schema: Req.CorrectionBody },
    responses: { 201: { description: 'The correction was appended', schema: Res.CommandResponse } },
    handle: async ({ params, body }, { store }) => {
      const { set, reason, issuer, expectedRevision } = Req.CorrectionBody.parse(body);
      const command = { kind: 'CorrectEvent', eventId: params.eventId!, set, reason } as const;
      return {
        status: 201,
        body: await runLedgerCommand(store, command, { issuer, expectedRevision: optionalBigInt(expectedRevision) }),
      };
    },
  },
  {
    method: 'post',
    path: '/api/events/:eventId/retractions',
    operationId: 'retractEvent',
    summary: 'Retract an earlier event: the original stays in the log, it no longer applies from now on',
    tag: 'Writes',
    access: 'write',
    params: Req.pathParams({ eventId: Req.EventIdParam }),
    body: { kind: 'json', schema: Req.RetractionBody },
    responses: { 201: { description: 'The retraction was appended', schema: Res.CommandResponse } },
    handle: async ({ params, body }, { store }) => {
      const { reason, issuer, expectedRevision } = Req.RetractionBody.parse(body);
      const command = { kind: 'RetractEvent', eventId: params.eventId!, reason } as const;
      return {
        status: 201,
        body: await runLedgerCommand(store, command, { issuer, expectedRevision: optionalBigInt(expectedRevision) }),
      };
    },
  },
];

function optionalBigInt(value: number | undefined): bigint | undefined {
  return value === undefined ? undefined : BigInt(value);
}
