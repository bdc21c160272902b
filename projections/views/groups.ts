/** Group membership (Rule 13d-5) at a date, and joint filing agreements (Rule 13d-1(k)(1)). */
import type { FactEvent, IsoDate } from '../../src/domain/index.js';
import { effectiveBy, type Fact } from '../timeline/facts.js';
import { personNames } from '../timeline/prepared-facts.js';

export interface GroupMember {
  personId: string;
  name: string;
  /** Date the person became a member (of the current membership, after any leaving). */
  since: IsoDate;
  sincePrecision: 'exact' | 'on-or-before';
}

export interface GroupsView {
  asOf: IsoDate;
  /** Members of every group of the issuer's reporting persons at the date. */
  members: GroupMember[];
  groups: { groupId: string; formedOn: IsoDate; members: GroupMember[] }[];
  jointFilingAgreements: { date: IsoDate; partyIds: string[] }[];
}

interface GroupState {
  formedOn: IsoDate;
  members: Map<string, { since: IsoDate; precision: 'exact' | 'on-or-before' }>;
}

export function groupsAt(facts: readonly Fact[], asOf: IsoDate): GroupsView {
  const names = personNames(facts);
  const groups = new Map<string, GroupState>();
  const agreements: GroupsView['jointFilingAgreements'] = [];
  for (const fact of effectiveBy(facts, asOf)) {
    const event = fact.event;
    if (!isGroupEvent(event)) continue;
    const precision = event.data.effectiveDatePrecision;
    switch (event.type) {
      case 'GroupFormed': {
        // A filing's member list is the membership as of its date: continuing members keep the date
        // they first joined, new ones join now, those it no longer lists have left.
        const previous = groups.get(event.data.groupId);
        const members = new Map(event.data.memberIds.map((id) => [id, previous?.members.get(id) ?? { since: event.data.effectiveDate, precision }] as const));
        groups.set(event.data.groupId, { formedOn: previous?.formedOn ?? event.data.effectiveDate, members });
        break;
      }
      case 'GroupMemberJoined': {
        const group = groups.get(event.data.groupId) ?? { formedOn: event.data.effectiveDate, members: new Map() };
        if (!group.members.has(event.data.personId)) group.members.set(event.data.personId, { since: event.data.effectiveDate, precision });
        groups.set(event.data.groupId, group);
        break;
      }
      case 'GroupMemberLeft':
        groups.get(event.data.groupId)?.members.delete(event.data.personId);
        break;
      case 'JointFilingAgreementSigned':
        agreements.push({ date: event.data.effectiveDate, partyIds: event.data.partyIds });
        break;
      default: {
        const unknown: never = event;
        throw new Error(`Unhandled group event ${JSON.stringify(unknown)}`);
      }
    }
  }
  const list = [...groups].map(([groupId, group]) => ({
    groupId,
    formedOn: group.formedOn,
    members: [...group.members].map(([personId, m]) => ({ personId, name: names.get(personId) ?? personId, since: m.since, sincePrecision: m.precision })),
  }));
  const seen = new Set<string>();
  const members = list.flatMap((g) => g.members).filter((m) => (seen.has(m.personId) ? false : (seen.add(m.personId), true)));
  return { asOf, members, groups: list, jointFilingAgreements: agreements };
}

type GroupEvent = Extract<FactEvent, { type: 'GroupFormed' | 'GroupMemberJoined' | 'GroupMemberLeft' | 'JointFilingAgreementSigned' }>;

function isGroupEvent(event: FactEvent): event is GroupEvent {
  return event.type === 'GroupFormed' || event.type === 'GroupMemberJoined' || event.type === 'GroupMemberLeft' || event.type === 'JointFilingAgreementSigned';
}
