import { describe, expect, it } from 'vitest';
import { selectFacts } from '../../projections/timeline/facts.js';
import { groupsAt } from '../../projections/views/groups.js';
import { evolveGroups, groupsFold } from '../../projections/folds/groups.js';
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

const member = (type: 'GroupMemberJoined' | 'GroupMemberLeft', date: string, personId: string, groupId = 'g') => ({
  type,
  data: { ...on(date), groupId, personId },
});

describe('members joining and leaving one at a time', () => {
  const membersAt = (events: Parameters<typeof envelopes>[0], asOf: string) =>
    groupsAt(selectFacts(envelopes(events)), asOf).groups.map((g) => ({
      formedOn: g.formedOn,
      members: g.members.map((m) => [m.personId, m.since]),
    }));

  it('a member joining a group no filing formed starts it, formed on that date', () => {
    expect(membersAt([member('GroupMemberJoined', '2023-05-02', 'c')], '2024-01-01')).toEqual([
      { formedOn: '2023-05-02', members: [['c', '2023-05-02']] },
    ]);
  });

  it('a member who joins again keeps the date first joined', () => {
    const events = [
      formed('2021-10-12', 0, ['a']),
      member('GroupMemberJoined', '2022-03-01', 'b'),
      member('GroupMemberJoined', '2023-06-01', 'b'),
    ];
    expect(membersAt(events, '2024-01-01')).toEqual([
      {
        formedOn: '2021-10-12',
        members: [
          ['a', '2021-10-12'],
          ['b', '2022-03-01'],
        ],
      },
    ]);
  });

  it('leaving changes nothing for someone not in the group, or for a group never formed', () => {
    // Given a group of a and b, and two departures that change nothing: c's from it, and a's from group "other"
    const start = groupsFold.initialState();
    const facts = selectFacts(
      envelopes([
        formed('2021-10-12', 0, ['a', 'b']),
        member('GroupMemberLeft', '2022-01-01', 'c'),
        member('GroupMemberLeft', '2022-01-02', 'a', 'other'),
        member('GroupMemberLeft', '2022-01-03', 'b'),
      ]),
    );
    const states = [start];
    for (const fact of facts) states.push(evolveGroups(states.at(-1)!, fact));
    // Then the fold hands back the very same state for them, and b's departure is a new one without b
    expect(states[2]).toBe(states[1]);
    expect(states[3]).toBe(states[1]);
    expect([...states[4]!.groups.keys()]).toEqual(['g']);
    expect([...states[4]!.groups.get('g')!.members.keys()]).toEqual(['a']);
  });
});
