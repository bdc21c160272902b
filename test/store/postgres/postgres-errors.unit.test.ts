/** The PostgreSQL adapter's translation at the edge, on pg's own error shapes (no server needed). */
import { describe, expect, it } from 'vitest';
import {
  InvalidStoreInputError,
  StoreSchemaError,
  StoreUnavailableError,
  UnsupportedStoreUrlError,
} from '../../../src/store/errors.js';
import { describeTarget, isConnectionLoss, toPortError, uniqueViolation } from '../../../src/store/postgres/mapping.js';
import { assertSchemaVersion } from '../../../src/store/postgres/schema.js';

const target = describeTarget('postgres://ledger:secret@db.example.com:6543/ledger');
const pgError = (code: string, message: string, extra: Record<string, string> = {}) =>
  Object.assign(new Error(message), { code, ...extra });

describe('a PostgreSQL store URL', () => {
  it('is described by host, port and database, never the password', () => {
    expect(target).toEqual({
      host: 'db.example.com',
      port: '6543',
      database: 'ledger',
      display: 'db.example.com:6543/ledger',
    });
    expect(describeTarget('postgresql://postgres@localhost/ledger').display).toBe('localhost:5432/ledger');
    expect(describeTarget('postgres://postgres@/ledger?host=/var/run/postgresql').display).toBe(
      '/var/run/postgresql/ledger',
    );
    expect(describeTarget('postgres://ann@127.0.0.1:5432').database).toBe('ann');
  });

  it('that cannot be read is refused as unsupported', () => {
    expect(() => describeTarget('postgres://[broken')).toThrow(UnsupportedStoreUrlError);
  });
});

describe('a pg error', () => {
  it('for a refused connection (Node 20: an AggregateError with no message) becomes StoreUnavailableError naming the server and how to check it', () => {
    const refused = Object.assign(
      new AggregateError(
        [
          pgError('ECONNREFUSED', 'connect ECONNREFUSED ::1:6543'),
          pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:6543'),
        ],
        '',
      ),
      { code: 'ECONNREFUSED' },
    );
    const error = toPortError(refused, 'read of all events', target);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error.message).toBe(
      'PostgreSQL read of all events at db.example.com:6543/ledger failed: connect ECONNREFUSED ::1:6543; connect ECONNREFUSED 127.0.0.1:6543 ' +
        '(is the PostgreSQL server at db.example.com:6543/ledger running and reachable? check with `pg_isready -h db.example.com -p 6543`, ' +
        'and check the host, port and database in --store or LEDGER_STORE)',
    );
    expect(error.cause).toBe(refused);
  });

  it.each([
    ['a terminated backend', pgError('57P01', 'terminating connection due to administrator command')],
    ['a connection that ended', new Error('Connection terminated unexpectedly')],
    ['a connection timeout', new Error('timeout exceeded when trying to connect')],
  ])('for %s is a lost connection, with the hint', (_, cause) => {
    expect(isConnectionLoss(cause)).toBe(true);
    expect(toPortError(cause, 'append to "s"', target).message).toMatch(
      /failed: .* \(is the PostgreSQL server at db\.example\.com:6543\/ledger running and reachable\?/,
    );
  });

  it.each([
    [
      '3D000',
      'database "ledger" does not exist',
      StoreUnavailableError,
      /create it with `createdb -h db\.example\.com -p 6543 ledger`, then run `13d-ledger store migrate`/,
    ],
    [
      '42P01',
      'relation "ledger_events" does not exist',
      StoreSchemaError,
      /the ledger schema is missing: run `13d-ledger store migrate`/,
    ],
    [
      '22021',
      'invalid byte sequence for encoding "UTF8": 0x00',
      InvalidStoreInputError,
      /PostgreSQL cannot store this text/,
    ],
    [
      '42501',
      'permission denied for table ledger_events',
      StoreUnavailableError,
      /needs SELECT and INSERT on ledger_events/,
    ],
    ['28P01', 'password authentication failed for user "ledger"', StoreUnavailableError, /check the user and password/],
  ] as const)("with SQLSTATE %s becomes the port's error with what to do", (code, message, type, hint) => {
    const error = toPortError(pgError(code, message), 'append to "s"', target);
    expect(error).toBeInstanceOf(type);
    expect(error.message).toContain(message);
    expect(error.message).toMatch(hint);
    expect(isConnectionLoss(pgError(code, message))).toBe(false);
  });

  it('for a unique violation names the guard that refused the row', () => {
    expect(
      uniqueViolation(pgError('23505', 'duplicate key', { constraint: 'ledger_events_stream_revision_key' })),
    ).toEqual({ guard: 'revision' });
    expect(
      uniqueViolation(
        pgError('23505', 'duplicate key', {
          constraint: 'ledger_events_id_key',
          detail: 'Key (id)=(0b6f1c1e-6f4e-4a53-9d3e-2f1a4a6f0d11) already exists.',
        }),
      ),
    ).toEqual({ guard: 'id', id: '0b6f1c1e-6f4e-4a53-9d3e-2f1a4a6f0d11' });
    expect(uniqueViolation(pgError('23503', 'foreign key'))).toBeUndefined();
  });
});

describe('the schema version check', () => {
  it('passes the version it knows and refuses an older one, saying to run `13d-ledger store migrate`', () => {
    expect(() => assertSchemaVersion(2, 'db:5432/ledger', 2)).not.toThrow();
    expect(() => assertSchemaVersion(1, 'db:5432/ledger', 2)).toThrow(
      new StoreSchemaError(
        'The PostgreSQL store at db:5432/ledger has ledger schema version 1; this program needs version 2: run `13d-ledger store migrate` (with the same --store or LEDGER_STORE) to upgrade it',
      ),
    );
  });
});
