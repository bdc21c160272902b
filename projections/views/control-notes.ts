/**
 * Control known only from a date. A ControlEstablished with precision
 * `on-or-before` says the relationship held by its date, not since when
 * (Amendment No. 8: Mr. Ault "may be deemed to beneficially own" Ault &
 * Company's shares, as of 2024-07-23). The ledger does not invent an earlier
 * date: before it, the entity's holdings are not attributed to the controller,
 * and the view says so on both holders and on the view.
 */
import type { HoldingsView } from './holdings.js';
import type { PreparedFacts } from '../timeline/prepared-facts.js';

export function withControlNotes(view: HoldingsView, prepared: PreparedFacts): HoldingsView {
  const pending = prepared.controls.filter((c) => c.precision === 'on-or-before' && c.effectiveDate > view.asOf);
  if (pending.length === 0) return view;
  const name = (id: string) => prepared.names.get(id) ?? id;
  const notesFor = new Map<string, string[]>();
  const viewNotes: string[] = [];
  for (const c of pending) {
    const line = `${name(c.controllerId)}'s control of ${name(c.entityId)} is known only from ${c.effectiveDate} (stated "on or before" that date); before it, ${name(c.entityId)}'s holdings are not attributed to ${name(c.controllerId)}`;
    viewNotes.push(line);
    for (const id of [c.controllerId, c.entityId]) notesFor.set(id, [...(notesFor.get(id) ?? []), line]);
  }
  const holders = view.holders.map((h) => {
    const extra = notesFor.get(h.personId);
    return extra === undefined ? h : { ...h, notes: [...h.notes, ...extra] };
  });
  return { ...view, holders, notes: [...view.notes, ...viewNotes] };
}
