/** The EventStoreDB adapter's error translation, on the client's own message shapes (no server needed). */
import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/store/errors.js';
import { toPortError } from '../../src/store/eventstoredb/mapping.js';

describe('an EventStoreDB client error', () => {
  it('becomes StoreUnavailableError with a hint when the server cannot be reached, without the empty resolution note', () => {
    // Given the client's message for a refused connection, as it prints it
    const refused = new Error(
      '14 UNAVAILABLE: No connection established. Last error: Error: connect ECONNREFUSED 127.0.0.1:2113. Resolution note: ',
    );
    // When it is translated
    const error = toPortError(refused, 'read of $all');
    // Then it is the port's own error, says what failed, keeps the cause and ends with the hint
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error.message).toBe(
      'EventStoreDB read of $all failed: 14 UNAVAILABLE: No connection established. Last error: Error: connect ECONNREFUSED 127.0.0.1:2113. (is the server running? `docker compose up -d eventstore` starts one on localhost:2113)',
    );
    expect(error.cause).toBe(refused);
  });

  it('names other failures without the hint', () => {
    const error = toPortError(new Error('7 PERMISSION_DENIED: Access denied'), 'append to "s"');
    expect(error.message).toBe('EventStoreDB append to "s" failed: 7 PERMISSION_DENIED: Access denied');
  });
});
