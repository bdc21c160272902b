/**
 * The one error ingest raises for input it cannot read as a Schedule 13D.
 * It names the file and the place (a line of the text, or an XML path) so an
 * analyst can open the filing at the spot and see what was wrong.
 */

/** Where in the filing the problem is: a line of the (converted) text, or a path in the XML. */
export type FilingPlace = { line: number } | { xmlPath: string } | { byte: number } | 'whole file';

export class FilingParseError extends Error {
  override readonly name: string = 'FilingParseError';
  constructor(
    readonly file: string,
    readonly place: FilingPlace,
    readonly problem: string,
  ) {
    super(`${file}${describePlace(place)}: ${problem}`);
  }
}

function describePlace(place: FilingPlace): string {
  if (place === 'whole file') return '';
  if ('line' in place) return `:${place.line}`;
  if ('xmlPath' in place) return ` at ${place.xmlPath}`;
  return ` at byte ${place.byte}`;
}

/**
 * 1-based line number of a character offset in a text. The offsets of the text's newlines are indexed once
 * and kept for the next call on the same text, so a parser that asks for many lines stays linear.
 */
export function lineAt(text: string, offset: number): number {
  if (text !== indexed.text) indexed = { text, newlines: newlineOffsets(text) };
  const { newlines } = indexed;
  // Lines before the offset = newlines at positions < offset (binary search).
  let low = 0;
  let high = newlines.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (newlines[mid]! < offset) low = mid + 1;
    else high = mid;
  }
  return low + 1;
}

let indexed: { text: string; newlines: number[] } = { text: '', newlines: [] };

function newlineOffsets(text: string): number[] {
  const offsets: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) offsets.push(i);
  return offsets;
}
