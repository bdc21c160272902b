/** History of one holder: each change to each position, dated, with its source. */
import type { IsoDate } from '../src/domain/index.js';
import { effectiveBy, type Fact } from './facts.js';
import { foldLedger, type ChangeEntry } from './ledger-state.js';
import { personNames } from './holdings.js';

export interface HistoryView {
  personId: string;
  name: string;
  /** Changes to the person's own positions, oldest first. */
  changes: (ChangeEntry & { title: string })[];
  /** Changes to positions of entities the person controls (deemed the person's). */
  throughControlledEntities: (ChangeEntry & { title: string })[];
}

export function historyOf(facts: readonly Fact[], personId: string, asOf: IsoDate | null = null): HistoryView {
  const state = foldLedger(asOf === null ? facts : effectiveBy(facts, asOf), { withLog: true });
  const controlled = new Set<string>();
  for (const [entityId, controllers] of state.controls) if (controllers.has(personId)) controlled.add(entityId);
  const titled = (entry: ChangeEntry) => ({ ...entry, title: state.securities.get(entry.securityId)?.title ?? entry.securityId });
  const log = state.log ?? [];
  return {
    personId,
    name: personNames(facts).get(personId) ?? personId,
    changes: log.filter((e) => e.personId === personId).map(titled),
    throughControlledEntities: log.filter((e) => controlled.has(e.personId)).map(titled),
  };
}
