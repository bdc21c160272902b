import { describe, expect, it } from 'vitest';
import { selectFacts } from '../../projections/timeline/facts.js';
import { groupsAt } from '../../projections/views/groups.js';
import { envelopes, on } from './build.js';

const formed = (date: string, filing: number, memberIds: string[]) => ({
  type: 'GroupFormed' as const,
  data: {
    ...on(date),
    source: { amendmentNumber: filing, accessionNumber: null, filedOn: date, item: 'cover', quote: 'q' },
    groupId: 'g',
    memberIds,
  },
});

describe('group membership since', () => {
  it('a member is a member since first joining, not since the latest filing', () => {
    const facts = selectFacts(
      envelopes([formed('2021-10-12', 0, ['a', 'b']), formed('2024-07-23', 8, ['a', 'b', 'c'])]),
    );
    const view = groupsAt(facts, '2024-08-01');
    const since = Object.fromEntries(view.groups[0]!.members.map((m) => [m.personId, m.since]));
    expect(since).toEqual({ a: '2021-10-12', b: '2021-10-12', c: '2024-07-23' });
    expect(view.groups[0]!.formedOn).toBe('2021-10-12');
  });

  it('a member a later filing no longer lists has left; rejoining starts a new since', () => {
    const facts = selectFacts(
      envelopes([
        formed('2021-10-12', 0, ['a', 'b']),
        formed('2022-01-04', 2, ['a']),
        formed('2024-07-23', 8, ['a', 'b']),
      ]),
    );
    const since = Object.fromEntries(
      groupsAt(facts, '2024-08-01').groups[0]!.members.map((m) => [m.personId, m.since]),
    );
    expect(since).toEqual({ a: '2021-10-12', b: '2024-07-23' });
  });
});
