/**
 * The groups fold: group membership (Rule 13d-5) and joint filing agreements
 * (Rule 13d-1(k)(1)). Its state is never mutated: evolve returns a new one when a
 * group event changes anything (they are few), and the same state otherwise.
 */
import type { FactEvent, IsoDate } from '../../src/domain/index.js';
import type { Fact } from '../timeline/facts.js';
import type { Fold } from '../timeline/fold.js';

export interface GroupMembership {
  since: IsoDate;
  precision: 'exact' | 'on-or-before';
}

export interface GroupState {
  formedOn: IsoDate;
  /** person -> membership, in the order they joined. */
  members: ReadonlyMap<string, GroupMembership>;
}

export interface GroupsState {
  /** group -> state, in the order the groups were first met. */
  groups: ReadonlyMap<string, GroupState>;
  jointFilingAgreements: readonly { date: IsoDate; partyIds: string[] }[];
}

export const groupsFold: Fold<GroupsState> = {
  name: 'groups',
  initialState: () => ({ groups: new Map(), jointFilingAgreements: [] }),
  evolve: evolveGroups,
};

export function evolveGroups(state: GroupsState, fact: Fact): GroupsState {
  const event = fact.event;
  if (!isGroupEvent(event)) return state;
  const d = event.data;
  const joined: GroupMembership = { since: d.effectiveDate, precision: d.effectiveDatePrecision };
  switch (event.type) {
    case 'GroupFormed': {
      // A filing's member list is the membership as of its date: continuing members keep the date
      // they first joined, new ones join now, those it no longer lists have left.
      const previous = state.groups.get(event.data.groupId);
      const members = new Map(event.data.memberIds.map((id) => [id, previous?.members.get(id) ?? joined] as const));
      return withGroup(state, event.data.groupId, { formedOn: previous?.formedOn ?? d.effectiveDate, members });
    }
    case 'GroupMemberJoined': {
      const group = state.groups.get(event.data.groupId) ?? { formedOn: d.effectiveDate, members: new Map() };
      if (group.members.has(event.data.personId)) return withGroup(state, event.data.groupId, group);
      const members = new Map(group.members).set(event.data.personId, joined);
      return withGroup(state, event.data.groupId, { formedOn: group.formedOn, members });
    }
    case 'GroupMemberLeft': {
      const group = state.groups.get(event.data.groupId);
      if (group === undefined || !group.members.has(event.data.personId)) return state;
      const members = new Map(group.members);
      members.delete(event.data.personId);
      return withGroup(state, event.data.groupId, { formedOn: group.formedOn, members });
    }
    case 'JointFilingAgreementSigned': {
      const agreement = { date: event.data.effectiveDate, partyIds: event.data.partyIds };
      return { ...state, jointFilingAgreements: [...state.jointFilingAgreements, agreement] };
    }
    default: {
      const unknown: never = event;
      throw new Error(`Unhandled group event ${JSON.stringify(unknown)}`);
    }
  }
}

function withGroup(state: GroupsState, groupId: string, group: GroupState): GroupsState {
  if (state.groups.get(groupId) === group) return state;
  return { ...state, groups: new Map(state.groups).set(groupId, group) };
}

type GroupEvent = Extract<
  FactEvent,
  { type: 'GroupFormed' | 'GroupMemberJoined' | 'GroupMemberLeft' | 'JointFilingAgreementSigned' }
>;

function isGroupEvent(event: FactEvent): event is GroupEvent {
  return (
    event.type === 'GroupFormed' ||
    event.type === 'GroupMemberJoined' ||
    event.type === 'GroupMemberLeft' ||
    event.type === 'JointFilingAgreementSigned'
  );
}
