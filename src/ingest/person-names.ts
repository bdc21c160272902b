/**
 * Person ids and display names. The id is derived from the cover's row 1 name
 * with its legal form ("ARCH Venture Partners XII, L.P." and "ARCH Venture
 * Partners XII, LLC" are two persons), save a corporation's "Inc."/"Corp.",
 * which tells no two persons apart and which the bundled sample's ids leave
 * out ("AULT & COMPANY, INC." -> ault-and-company). Covers are often printed
 * in capitals; the name the ledger shows is the spelling Item 2 or the
 * signatures give ("Ault & Company, Inc."), so that an ingest does not rename
 * the sample's holders. A mixed-case cover name is kept.
 */
import { kebab } from '../domain/index.js';
import { displayNames } from './display-names.js';

/** "L.P." -> "LP", "L.L.C." -> "LLC": one spelling of each form, so the id does not depend on the dots. */
function compactForms(name: string): string {
  return name
    .replace(/\bL\.\s?L\.\s?C\b\.?/gi, 'LLC')
    .replace(/\bL\.\s?L\.\s?L\.\s?P\b\.?/gi, 'LLLP')
    .replace(/\bL\.\s?L\.\s?P\b\.?/gi, 'LLP')
    .replace(/\bL\.\s?P\b\.?/gi, 'LP');
}

/**
 * "AULT & COMPANY, INC." -> "ault-and-company"; "MILTON C. AULT, III" -> "milton-c-ault-iii"; "Cornwall GP, LLC" ->
 * "cornwall-gp-llc".
 */
export function personIdOf(name: string): string {
  return kebab(compactForms(name).replace(/,?\s*\b(?:Inc|Incorporated|Corp|Corporation)\b\.?\s*$/i, ''));
}

/** The Item 2 / signature spelling of an all-capitals cover name, else the cover name as printed (display-names.ts). */
export function displayNameOf(coverName: string, texts: readonly (string | undefined)[]): string {
  return displayNames([coverName], texts)(coverName);
}

/** The words of a name in any order and case, legal forms left out: "ARFMAN DALE C" and "Dale C. Arfman" match. */
export function nameWords(name: string): string {
  const forms = new Set([
    'inc',
    'incorporated',
    'corp',
    'corporation',
    'co',
    'company',
    'llc',
    'lp',
    'llp',
    'ltd',
    'limited',
    'the',
    'and',
  ]);
  return [
    ...new Set(
      kebab(compactForms(name))
        .split('-')
        .filter((w) => w !== '' && !forms.has(w)),
    ),
  ]
    .sort()
    .join(' ');
}
