/**
 * One canonical security id per security, whoever records it: the bundled
 * sample and ingest must name the same Series C preferred the same way, or a
 * later amendment's position is held beside the sample's instead of replacing
 * it (and the holder's aggregate doubles). The sample's ids are the canon
 * (data/ault-alliance/common.ts); test/domain/security-ids.unit.test.ts ties them.
 */

export type SecurityKind = 'common' | 'convertible-preferred' | 'warrant' | 'option' | 'convertible-note' | 'rsu';

export interface SecurityNaming {
  /** Warrants sold with a note (Item 3: "issued in connection with a senior secured convertible promissory note"). */
  issuedWithNote?: boolean;
  /** A note's issue date (ISO), which tells one convertible note from another. */
  issuedOn?: string;
}

export function kebab(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * "Class A Common Stock" -> common; "Series C Convertible Preferred Stock" and
 * "Series C Preferred Stock" -> series-c-preferred; "Series C Warrants" ->
 * series-c-warrants; warrants sold with a note -> note-warrants; a senior note
 * -> senior-note; another convertible note -> convertible-note-YEAR; options -> options.
 */
export function canonicalSecurityId(title: string, kind: SecurityKind, naming: SecurityNaming = {}): string {
  switch (kind) {
    case 'common':
      return 'common';
    case 'option':
      return 'options';
    case 'rsu':
      return 'rsus';
    case 'convertible-preferred':
      // "Convertible" and "Stock" are dropped: filings use both the long and the short title for one series.
      return kebab(title.replace(/\b(?:convertible|stock|shares?\s+of)\b/gi, ' '));
    case 'warrant':
      return naming.issuedWithNote ? 'note-warrants' : kebab(title);
    case 'convertible-note':
      if (/\bsenior\b/i.test(title)) return 'senior-note';
      return naming.issuedOn ? `convertible-note-${naming.issuedOn.slice(0, 4)}` : kebab(title);
    default: {
      const unknown: never = kind;
      return unknown;
    }
  }
}
