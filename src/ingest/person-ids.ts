/**
 * The person ids of one filing. A reporting person is identified by CIK where
 * the filing gives one (XML reportingPersonCIK, the SGML header's FILED BY),
 * otherwise by its name with its legal form (person-names.ts). Against the
 * persons the issuer's stream already knows:
 * - the same CIK is the same person, whatever the name now printed;
 * - the same name under another CIK is another person: its id adds the CIK;
 * - the same name recorded without a CIK is linked to this CIK, and the
 *   outcome says so: never merged in silence.
 */
import type { CoverPage } from './parsed-filing.js';
import { personIdOf } from './person-names.js';

export interface KnownPerson {
  personId: string;
  cik: string | null;
  name: string;
}

export interface PersonIds {
  /** The id of a person the filing names: a cover page's row 1, or a phrase that is not one (its name-based id). */
  of(name: string): string;
  /** What was decided beyond the plain name: linked to an earlier record, told apart by CIK. */
  notes: string[];
}

export function personIdsFor(covers: readonly CoverPage[], known: readonly KnownPerson[] = []): PersonIds {
  const byName = new Map<string, string>();
  const notes: string[] = [];
  const taken = new Map<string, string | null>(known.map((p) => [p.personId, p.cik]));
  for (const cover of covers) {
    if (byName.has(cover.name)) continue;
    const base = personIdOf(cover.name);
    const cik = cover.cik ? cover.cik.replace(/^0+/, '').padStart(10, '0') : null;
    const sameCik = cik === null ? undefined : known.find((p) => p.cik === cik);
    let id = base;
    if (sameCik !== undefined) {
      id = sameCik.personId;
      if (id !== base) notes.push(`${cover.name} (CIK ${cik}) is the person recorded as ${sameCik.name} (${id})`);
    } else if (cik !== null && taken.has(base) && taken.get(base) !== null && taken.get(base) !== cik) {
      id = `${base}-cik-${Number(cik)}`;
      notes.push(
        `${cover.name} (CIK ${cik}) is not the ${base} recorded with CIK ${taken.get(base)}: recorded as ${id}`,
      );
    } else if (cik !== null && taken.has(base) && taken.get(base) === null && known.some((p) => p.personId === base)) {
      notes.push(
        `${cover.name}: linked by name to ${base}, recorded until now without a CIK; CIK ${cik} recorded with this filing`,
      );
    }
    taken.set(id, cik);
    byName.set(cover.name, id);
  }
  return { of: (name) => byName.get(name) ?? personIdOf(name), notes };
}
