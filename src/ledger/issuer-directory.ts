/**
 * The issuer directory: which stream holds an issuer, by any of its CUSIPs or
 * its CIK. Aliases live in their own stream (ISSUER_DIRECTORY_STREAM), one
 * event per alias with an id derived from the alias alone, so the first
 * writer wins and a retry or a second process writes nothing new.
 *
 * Stores written before the directory existed keep working: a CUSIP still
 * finds `issuer-<CUSIP>` directly, and the first write through the directory
 * records an alias for every issuer stream already there (from their
 * statements' CUSIPs and CIKs), then marks the directory complete.
 *
 * Reads are incremental: a directory object remembers the revision it read to
 * and reads only what was appended since, so a bulk ingest does not reread it
 * per filing.
 */
import {
  aliasesOf,
  decodeTolerantly,
  ISSUER_DIRECTORY_COMPLETE,
  ISSUER_DIRECTORY_STREAM,
  ISSUER_STREAM_PREFIX,
  IssuerAliasRecordedSchema,
  issuerStream,
  newIssuerKey,
  stableUuid,
  type IssuerAlias,
  type IssuerKey,
} from '../domain/index.js';
import { EventIdConflictError } from '../store/errors.js';
import type { EventStore, NewEvent } from '../store/event-store.js';

export interface IssuerResolution {
  key: IssuerKey;
  /**
   * Aliases of the filing the directory does not hold yet (recorded by `record`); never a CUSIP that is the key itself.
   */
  newAliases: IssuerAlias[];
  /** Set when the filing's CUSIP already belongs to another issuer than its CIK: the CIK wins, and this says so. */
  conflict: string | null;
}

export interface IssuerDirectory {
  /** The issuer key a filing with these identifiers belongs to (read only). */
  resolve(ids: { cusip?: string | null; cik?: string | null }): Promise<IssuerResolution>;
  /** Records aliases for a key (first writer wins; an alias already taken keeps its key). */
  record(aliases: readonly IssuerAlias[], key: IssuerKey, name: string | null, source: string): Promise<void>;
  /** The key an alias names, or undefined. */
  lookup(alias: IssuerAlias): Promise<IssuerKey | undefined>;
  /** Every alias of a key, CUSIPs first. */
  aliasesOfKey(key: IssuerKey): Promise<IssuerAlias[]>;
}

export function issuerDirectory(store: EventStore): IssuerDirectory {
  const byAlias = new Map<IssuerAlias, IssuerKey>();
  let nextRevision = 0n;
  let complete = false;

  async function refresh(): Promise<void> {
    const events = await store.readStream(ISSUER_DIRECTORY_STREAM, { from: nextRevision });
    for (const event of events) {
      nextRevision = event.revision + 1n;
      if (event.type === ISSUER_DIRECTORY_COMPLETE) complete = true;
      const parsed = IssuerAliasRecordedSchema.safeParse({ type: event.type, data: event.data });
      if (parsed.success && !byAlias.has(parsed.data.data.alias as IssuerAlias))
        byAlias.set(parsed.data.data.alias as IssuerAlias, parsed.data.data.issuerKey);
    }
  }

  async function streamExists(key: IssuerKey): Promise<boolean> {
    return (await store.readStream(issuerStream(key), { limit: 1 })).length > 0;
  }

  async function lookup(alias: IssuerAlias): Promise<IssuerKey | undefined> {
    await refresh();
    const known = byAlias.get(alias);
    if (known !== undefined) return known;
    // Written before the directory: the stream of a CUSIP is named by it.
    if (alias.startsWith('cusip:') && (await streamExists(alias.slice('cusip:'.length))))
      return alias.slice('cusip:'.length);
    if (!complete && alias.startsWith('cik:')) return (await legacyAliases()).get(alias);
    return undefined;
  }

  /** What the issuer streams written before the directory say of themselves: CUSIPs and CIKs of their statements. */
  async function legacyAliases(): Promise<Map<IssuerAlias, IssuerKey>> {
    const found = new Map<IssuerAlias, IssuerKey>();
    const events = await store.readAll({
      filter: { streamPrefixes: [ISSUER_STREAM_PREFIX], types: ['StatementFiled'] },
    });
    const streamOf = new Map(events.map((e) => [e.id, e.stream]));
    for (const { id, event } of decodeTolerantly(events).envelopes) {
      if (event.type !== 'StatementFiled') continue;
      const key = streamOf.get(id)!.slice(ISSUER_STREAM_PREFIX.length);
      for (const alias of aliasesOf(event.data.issuer)) if (!found.has(alias)) found.set(alias, key);
    }
    return found;
  }

  async function record(
    aliases: readonly IssuerAlias[],
    key: IssuerKey,
    name: string | null,
    source: string,
  ): Promise<void> {
    await refresh();
    if (!complete) {
      // First write through the directory: every stream written before it gets its aliases, then the mark.
      const legacy = [...(await legacyAliases())].filter(([alias]) => !byAlias.has(alias));
      await append(legacy.map(([alias, legacyKey]) => aliasEvent(alias, legacyKey, null, 'existing stream')));
      await append([
        {
          id: stableUuid(`issuer-directory/${ISSUER_DIRECTORY_COMPLETE}`),
          type: ISSUER_DIRECTORY_COMPLETE,
          data: {},
          metadata: {},
        },
      ]);
      await refresh();
    }
    await append(aliases.filter((alias) => !byAlias.has(alias)).map((alias) => aliasEvent(alias, key, name, source)));
    await refresh();
  }

  async function append(events: readonly NewEvent[]): Promise<void> {
    for (const event of events) {
      try {
        await store.append(ISSUER_DIRECTORY_STREAM, [event]);
      } catch (error) {
        // Another process recorded that alias first (same id, its key): the first writer wins.
        if (!(error instanceof EventIdConflictError)) throw error;
      }
    }
  }

  return {
    lookup,
    record,
    async resolve(ids) {
      const aliases = aliasesOf(ids);
      const cusipAlias = aliases.find((a) => a.startsWith('cusip:'));
      const cikAlias = aliases.find((a) => a.startsWith('cik:'));
      const byCik = cikAlias === undefined ? undefined : await lookup(cikAlias);
      const byCusip = cusipAlias === undefined ? undefined : await lookup(cusipAlias);
      const key = byCik ?? byCusip ?? newIssuerKey(ids);
      const conflict =
        byCik !== undefined && byCusip !== undefined && byCik !== byCusip
          ? `CUSIP ${ids.cusip} is recorded for issuer ${byCusip}, but CIK ${cikAlias!.slice(4)} for issuer ${byCik}: filed under the CIK's`
          : null;
      await refresh();
      // A CUSIP that names its own stream needs no alias: the stream is found by it.
      return { key, newAliases: aliases.filter((alias) => !byAlias.has(alias) && alias !== `cusip:${key}`), conflict };
    },
    async aliasesOfKey(key) {
      await refresh();
      const aliases = [...byAlias].filter(([, k]) => k === key).map(([alias]) => alias);
      if (!aliases.includes(`cusip:${key}` as IssuerAlias) && !key.startsWith('cik-'))
        aliases.unshift(`cusip:${key}` as IssuerAlias);
      return aliases.sort((a, b) =>
        a.startsWith('cusip:') === b.startsWith('cusip:') ? 0 : a.startsWith('cusip:') ? -1 : 1,
      );
    },
  };
}

function aliasEvent(alias: IssuerAlias, key: IssuerKey, name: string | null, source: string) {
  const event = IssuerAliasRecordedSchema.parse({
    type: 'IssuerAliasRecorded',
    data: { alias, issuerKey: key, name, source },
  });
  // The id names the alias alone: whoever records it first, every later attempt is the same event or a conflict.
  return {
    id: stableUuid(`issuer-alias/${alias}`),
    type: event.type,
    data: event.data,
    metadata: { source: 'issuer-directory' },
  };
}
