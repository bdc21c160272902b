/** Group membership (Rule 13d-5) as text, with the joint filing agreements known at the date. */
import type { GroupsView } from '../../../projections/index.js';
import { formatTable, issuerLabel, noteLines, notesOf } from '../output.js';
import type { IssuerHeader } from '../../ledger/issuer-events.js';

type Groups = GroupsView & { issuer: IssuerHeader };

type Member = GroupsView['members'][number];

const since = (m: Member) => (m.sincePrecision === 'on-or-before' ? `on or before ${m.since}` : m.since);

/**
 * `earliest`: the first membership date the ledger knows at any date, to say when an empty
 * answer stops being empty.
 */
export function formatGroup(view: Groups, earliest: string | null): string {
  const issuer = issuerLabel(view.issuer);
  if (view.members.length === 0) {
    const later =
      earliest === null
        ? 'The ledger knows no group for this issuer at any date.'
        : `The earliest membership the ledger knows is ${earliest}.`;
    const none = `${issuer}: no group membership is known as of ${view.asOf}. ${later}`;
    return [none, ...noteLines(notesOf(view))].join('\n');
  }
  const names = new Map(view.members.map((m) => [m.personId, m.name]));
  const lines = [
    `${issuer}: group members (Rule 13d-5) as of ${view.asOf}`,
    '',
    formatTable(view.members, [
      { header: 'Member', value: (m) => m.name },
      { header: 'Person id', value: (m) => m.personId },
      { header: 'Member since', value: since },
    ]),
  ];
  if (view.groups.length > 1) {
    const members = (g: GroupsView['groups'][number]) => g.members.map((m) => m.name).join('; ');
    lines.push('', ...view.groups.map((g) => `Group ${g.groupId}, formed ${g.formedOn}: ${members(g)}`));
  }
  for (const a of view.jointFilingAgreements) {
    const parties = a.partyIds.map((id) => names.get(id) ?? id).join('; ');
    lines.push('', `Joint filing agreement (Rule 13d-1(k)(1)) dated ${a.date}: ${parties}`);
  }
  lines.push(...noteLines(notesOf(view)));
  return lines.join('\n');
}

/** The earliest "since" over every member of every group the ledger knows. */
export function earliestMembership(view: GroupsView): string | null {
  const first = [...view.groups.flatMap((g) => g.members)].sort((a, b) => a.since.localeCompare(b.since))[0];
  return first === undefined ? null : since(first);
}
