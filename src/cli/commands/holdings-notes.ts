/**
 * The notes under the holdings tables, grouped so a reader finds them: first
 * those about the whole view, then those true of every reporting person, then
 * each person's own. Every note the projections give is printed (they explain
 * reported vs computed figures, stale share counts, caps, control dates), with
 * bare counts given thousands separators.
 */
import type { Holder } from '../../../projections/index.js';
import { formatChange, formatCount, groupDigits, notesOf } from '../output.js';
import { percentUnknownReason } from './percent-format.js';

function differenceNotes(h: Holder): string[] {
  const titles = new Map(h.securities.map((s) => [s.securityId, s.title]));
  // A controller's view repeats its entities' differences; each is told once, under the entity.
  return h.unexplainedDifferences
    .filter((d) => d.personId === h.personId)
    .map((d) => {
      const title = titles.get(d.securityId) ?? d.securityId;
      if (d.kind === 'sale-exceeds-holding') {
        return (
          `${title}: ${formatCount(d.reported)} disposed of on ${d.asOf}, ` +
          `but the transactions show only ${formatCount(d.computed)} held: ` +
          `an acquisition of at least ${formatCount(d.difference)} is missing from the ledger`
        );
      }
      return (
        `${title}: reported ${formatCount(d.reported)} as of ${d.asOf}, ` +
        `but the transactions give ${formatCount(d.computed)}: ${formatChange(d.difference)} unexplained`
      );
    });
}

/** Rule 13d-3 and control: what the person is deemed to own through entities it controls. */
function controlNote(h: Holder, holders: ReadonlyMap<string, Holder>): string[] {
  if (h.controlledEntities.length === 0) return [];
  // The entity's own aggregate when it is a holder here: a cover-only filing states its total without a breakdown.
  const through = h.controlledEntities.reduce((sum, id) => {
    const entity = holders.get(id);
    const indirect = h.securities
      .filter((s) => s.ownership === 'indirect' && s.heldBy === id)
      .reduce((total, s) => total + s.countedShares, 0);
    return sum + (entity?.aggregate ?? indirect);
  }, 0);
  const entities = h.controlledEntities.map((id) => holders.get(id)?.name ?? id).join(', ');
  return [
    `includes ${formatCount(through)} shares of ${entities}, which it controls (shared voting and dispositive power)`,
  ];
}

function holderNotes(h: Holder, holders: ReadonlyMap<string, Holder>): string[] {
  const reason = h.percentOfClass === null ? [percentUnknownReason(h.percentOfClassReason)] : [];
  return [...controlNote(h, holders), ...reason, ...notesOf(h), ...differenceNotes(h)].map(groupDigits);
}

export function formatHoldingsNotes(viewNotes: readonly string[], holders: readonly Holder[]): string[] {
  const byId = new Map(holders.map((h) => [h.personId, h]));
  const forView = [...new Set(viewNotes.map(groupDigits))];
  // A note already said for the view is not repeated under each person.
  const perHolder = holders.map((h) => ({
    name: h.name,
    notes: [...new Set(holderNotes(h, byId))].filter((n) => !forView.includes(n)),
  }));
  // A note every person carries is said once, for all of them.
  const common =
    holders.length < 2 ? [] : perHolder[0]!.notes.filter((n) => perHolder.every((p) => p.notes.includes(n)));
  const sections: { title: string; notes: string[] }[] = [
    { title: 'This view', notes: forView },
    { title: 'All reporting persons', notes: common },
    ...perHolder.map((p) => ({ title: p.name, notes: p.notes.filter((n) => !common.includes(n)) })),
  ];
  const lines: string[] = [];
  for (const section of sections.filter((s) => s.notes.length > 0)) {
    lines.push(`  ${section.title}:`, ...section.notes.map((n) => `    - ${n}`));
  }
  return lines.length === 0 ? [] : ['Notes', ...lines];
}
