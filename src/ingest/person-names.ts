/**
 * Person ids and display names. The id is derived from the cover's row 1 name
 * ("AULT & COMPANY, INC." -> ault-and-company), matching the bundled sample.
 * Covers are often printed in capitals; the name the ledger shows is the
 * spelling Item 2 or the signatures give ("Ault & Company, Inc."), so that an
 * ingest does not rename the sample's holders. A mixed-case cover name is kept.
 */
import { kebab } from '../domain/index.js';

/** "AULT & COMPANY, INC." -> "ault-and-company"; "MILTON C. AULT, III" -> "milton-c-ault-iii". */
export function personIdOf(name: string): string {
  return kebab(name.replace(/,?\s*\b(?:Inc|Corp|Corporation|LLC|L\.?L\.?C|L\.?P|Ltd|Co)\.?\s*$/i, ''));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The Item 2 / signature spelling of an all-capitals cover name, else the cover name as printed. */
export function displayNameOf(coverName: string, texts: readonly (string | undefined)[]): string {
  if (/[a-z]/.test(coverName)) return coverName;
  // Same words and punctuation, any case, any spacing.
  const pattern = new RegExp(`(?<![A-Za-z])${coverName.trim().split(/\s+/).map(escape).join('\\s+')}(?![A-Za-z])`, 'gi');
  for (const text of texts) {
    for (const m of (text ?? '').matchAll(pattern)) if (/[a-z]/.test(m[0])) return m[0].replace(/\s+/g, ' ');
  }
  return coverName;
}
