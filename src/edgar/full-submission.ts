/**
 * Whether a full submission text arrived whole. A connection cut after the
 * headers of a chunked answer ends the body without an error; the file's own
 * envelope says whether its end is there: `<SEC-DOCUMENT>` closes with
 * `</SEC-DOCUMENT>` (`<IMS-DOCUMENT>`, of 1993-1996, with `</IMS-DOCUMENT>`),
 * and a privacy-enhanced wrapper with its END line.
 */

const ENVELOPES: readonly [open: string, close: string][] = [
  ['-----BEGIN PRIVACY-ENHANCED MESSAGE-----', '-----END PRIVACY-ENHANCED MESSAGE-----'],
  ['<SEC-DOCUMENT>', '</SEC-DOCUMENT>'],
  ['<IMS-DOCUMENT>', '</IMS-DOCUMENT>'],
];

/** Why the submission is not whole, or null. A file with no envelope (not a submission) is left to the parser. */
export function submissionIncomplete(body: Uint8Array): string | null {
  if (body.length === 0) return 'empty body';
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const head = bytes.subarray(0, 4096).toString('latin1');
  const tail = bytes.subarray(Math.max(0, bytes.length - 2048)).toString('latin1');
  for (const [open, close] of ENVELOPES) {
    if (head.includes(open) && !tail.includes(close)) return `it opens with ${open} but does not end with ${close}`;
  }
  return null;
}
