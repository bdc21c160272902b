/**
 * Group membership (Rule 13d-5) at a date, and joint filing agreements (Rule 13d-1(k)(1)):
 * a view of the groups fold (folds/groups.ts).
 */
import type { IsoDate } from '../../src/domain/index.js';
import type { Fact } from '../timeline/facts.js';
import { foldAt } from '../timeline/fold-at.js';
import { asTimeline, type Timeline } from '../timeline/timeline.js';
import { groupsFold, type GroupsState } from '../folds/groups.js';

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

export function groupsAt(input: readonly Fact[] | Timeline, asOf: IsoDate): GroupsView {
  const timeline = asTimeline(input);
  return groupsView(foldAt(timeline, asOf, groupsFold), asOf, timeline.names);
}

export function groupsView(state: GroupsState, asOf: IsoDate, names: ReadonlyMap<string, string>): GroupsView {
  const list = [...state.groups].map(([groupId, group]) => ({
    groupId,
    formedOn: group.formedOn,
    members: [...group.members].map(([personId, m]) => ({
      personId,
      name: names.get(personId) ?? personId,
      since: m.since,
      sincePrecision: m.precision,
    })),
  }));
  const seen = new Set<string>();
  const members = list
    .flatMap((g) => g.members)
    .filter((m) => (seen.has(m.personId) ? false : (seen.add(m.personId), true)));
  return { asOf, members, groups: list, jointFilingAgreements: [...state.jointFilingAgreements] };
}
