import { describe, expect, it } from 'vitest';
import { groupsAt, groupsView } from '../../projections/views/groups.js';
import type { GroupsState } from '../../projections/folds/groups.js';
import { selectFacts } from '../../projections/timeline/facts.js';
import type { DomainEventInput } from '../../src/domain/index.js';
import { envelopes, on } from './build.js';

describe('the groups view of a groups state', () => {
  // Given two groups: g1 (a since 2021-10-12 exact, b since 2022-03-01 on or before) and g2 (b since 2023-05-05,
  // c since 2023-06-01), one joint filing agreement, and names known for a and b only
  const state: GroupsState = {
    groups: new Map([
      [
        'g1',
        {
          formedOn: '2021-10-12',
          members: new Map([
            ['a', { since: '2021-10-12', precision: 'exact' as const }],
            ['b', { since: '2022-03-01', precision: 'on-or-before' as const }],
          ]),
        },
      ],
      [
        'g2',
        {
          formedOn: '2023-05-05',
          members: new Map([
            ['b', { since: '2023-05-05', precision: 'exact' as const }],
            ['c', { since: '2023-06-01', precision: 'exact' as const }],
          ]),
        },
      ],
    ]),
    jointFilingAgreements: [{ date: '2021-10-12', partyIds: ['a', 'b'] }],
  };
  const names = new Map([
    ['a', 'Alpha Fund LP'],
    ['b', 'Beta Partners LLC'],
  ]);
  const alpha = { personId: 'a', name: 'Alpha Fund LP', since: '2021-10-12', sincePrecision: 'exact' };
  const betaInG1 = { personId: 'b', name: 'Beta Partners LLC', since: '2022-03-01', sincePrecision: 'on-or-before' };
  const betaInG2 = { personId: 'b', name: 'Beta Partners LLC', since: '2023-05-05', sincePrecision: 'exact' };
  // c has no name: shown by its id
  const gamma = { personId: 'c', name: 'c', since: '2023-06-01', sincePrecision: 'exact' };

  it('lists each group with its formation date and members in the order they joined, named or by id', () => {
    const view = groupsView(state, '2024-01-01', names);
    expect(view.asOf).toBe('2024-01-01');
    expect(view.groups).toEqual([
      { groupId: 'g1', formedOn: '2021-10-12', members: [alpha, betaInG1] },
      { groupId: 'g2', formedOn: '2023-05-05', members: [betaInG2, gamma] },
    ]);
  });

  it('lists every member once, as first seen: b in g1 (since 2022-03-01, on or before), not again in g2', () => {
    expect(groupsView(state, '2024-01-01', names).members).toEqual([alpha, betaInG1, gamma]);
  });

  it('gives the joint filing agreements', () => {
    expect(groupsView(state, '2024-01-01', names).jointFilingAgreements).toEqual([
      { date: '2021-10-12', partyIds: ['a', 'b'] },
    ]);
  });

  it('of no group is empty', () => {
    expect(groupsView({ groups: new Map(), jointFilingAgreements: [] }, '2024-01-01', names)).toEqual({
      asOf: '2024-01-01',
      members: [],
      groups: [],
      jointFilingAgreements: [],
    });
  });
});

describe('groups at a date, from facts', () => {
  const source = (date: string) => ({
    amendmentNumber: 0,
    accessionNumber: null,
    filedOn: date,
    item: 'cover',
    quote: 'q',
  });
  // Given: a and b form g1 "on or before" 2021-10-12 and agree to file jointly that day; b and d form g2 on
  // 2022-05-01; c joins g1 on 2023-02-01. Only a is named.
  const events: DomainEventInput[] = [
    {
      type: 'PersonIdentified',
      data: {
        ...on('2021-10-12'),
        personId: 'a',
        name: 'Alpha Fund LP',
        kind: 'entity',
        typeOfReportingPerson: ['PN'],
        citizenshipOrPlace: 'Delaware',
        cik: null,
      },
    },
    {
      type: 'GroupFormed',
      data: {
        ...on('2021-10-12'),
        effectiveDatePrecision: 'on-or-before',
        source: source('2021-10-12'),
        groupId: 'g1',
        memberIds: ['a', 'b'],
      },
    },
    { type: 'JointFilingAgreementSigned', data: { ...on('2021-10-12'), partyIds: ['a', 'b'] } },
    { type: 'GroupFormed', data: { ...on('2022-05-01'), groupId: 'g2', memberIds: ['b', 'd'] } },
    { type: 'GroupMemberJoined', data: { ...on('2023-02-01'), groupId: 'g1', personId: 'c' } },
  ];
  const facts = selectFacts(envelopes(events));
  const a = { personId: 'a', name: 'Alpha Fund LP', since: '2021-10-12', sincePrecision: 'on-or-before' };
  const b = { personId: 'b', name: 'b', since: '2021-10-12', sincePrecision: 'on-or-before' };
  const c = { personId: 'c', name: 'c', since: '2023-02-01', sincePrecision: 'exact' };
  const d = { personId: 'd', name: 'd', since: '2022-05-01', sincePrecision: 'exact' };

  it('the day before a member joins, leaves it out', () => {
    const view = groupsAt(facts, '2023-01-31');
    expect(view.asOf).toBe('2023-01-31');
    expect(view.groups.map((g) => [g.groupId, g.formedOn, g.members.map((m) => m.personId)])).toEqual([
      ['g1', '2021-10-12', ['a', 'b']],
      ['g2', '2022-05-01', ['b', 'd']],
    ]);
    // b once, from g1 where it was first seen
    expect(view.members).toEqual([a, b, d]);
    expect(view.jointFilingAgreements).toEqual([{ date: '2021-10-12', partyIds: ['a', 'b'] }]);
  });

  it('on the day it joins, counts it', () => {
    expect(groupsAt(facts, '2023-02-01').members).toEqual([a, b, c, d]);
  });

  it('before any group, has none', () => {
    expect(groupsAt(facts, '2021-10-11')).toEqual({
      asOf: '2021-10-11',
      members: [],
      groups: [],
      jointFilingAgreements: [],
    });
  });
});
