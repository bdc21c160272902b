/**
 * Stored shapes older than the domain's: `ledger-events/1` left out fields that
 * `/2` states (they were added later, or held a default). The upcaster fills
 * each with what its absence meant, so that the domain reads one shape and no
 * reader needs a `??` for history's sake. Stored events are never rewritten.
 */

type Data = Record<string, unknown>;

/** What a missing field of /1 meant, as /2 states it. */
export function upcastFromV1(type: string, data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const d = data as Data;
  let out: Data = d;
  const set = (field: string, value: unknown) => {
    if (out[field] !== undefined) return;
    if (out === d) out = { ...d };
    out[field] = value;
  };
  // Every fact: a date given without a precision is exact.
  if (typeof d.effectiveDate === 'string') set('effectiveDatePrecision', 'exact');
  if (type === 'SharesSold') set('totalPrice', null);
  if (type === 'StatementFiled') {
    set('previousAccessionNumber', null);
    set('filedOnFrom', null);
    set('partialCoverPages', []);
    set('readingDoubts', []);
    // Footnotes recorded before their rows were: rows not known.
    for (const field of ['coverPages', 'partialCoverPages']) {
      const pages = out[field];
      if (Array.isArray(pages) && pages.some((page) => footnotesWithoutRows(page))) {
        if (out === d) out = { ...d };
        out[field] = pages.map((page: unknown) =>
          footnotesWithoutRows(page)
            ? {
                ...(page as Data),
                footnotes: ((page as Data).footnotes as Data[]).map((f) => ('rows' in f ? f : { ...f, rows: null })),
              }
            : page,
        );
      }
    }
  }
  return out;
}

function footnotesWithoutRows(page: unknown): boolean {
  const footnotes = (page as Data | null)?.footnotes;
  return Array.isArray(footnotes) && footnotes.some((f) => f !== null && typeof f === 'object' && !('rows' in f));
}
