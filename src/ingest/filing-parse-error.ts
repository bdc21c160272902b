/**
 * The one error ingest raises for input it cannot read as a Schedule 13D.
 * It names the file and the place (a line of the text, or an XML path) so an
 * analyst can open the filing at the spot and see what was wrong.
 */

/** Where in the filing the problem is: a line of the (converted) text, or a path in the XML. */
export type FilingPlace = { line: number } | { xmlPath: string } | { byte: number } | 'whole file';

export class FilingParseError extends Error {
  override readonly name = 'FilingParseError';
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

/** 1-based line number of a character offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
