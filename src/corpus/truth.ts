/**
 * Hand-read cover-page figures of real filings, the yardstick of the corpus
 * scorer. The format is that of the shared corpus's truth.json: one entry per
 * filing, one person per cover page, each figure as printed (a blank row is
 * null, "None" and "-0-" are 0, a percent bound such as "less than 1%" stays text).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const figure = z.number().int().nonnegative().nullable();

export const TruthPersonSchema = z.object({
  name: z.string().min(1),
  soleVoting: figure,
  sharedVoting: figure,
  soleDispositive: figure,
  sharedDispositive: figure,
  aggregate: figure,
  /** Row 13: a number of percent units, or the bound as printed ("less than 1%"). */
  percent: z.union([z.number().nonnegative(), z.string().min(1)]).nullable(),
  note: z.string().nullable().optional(),
});
export type TruthPerson = z.infer<typeof TruthPersonSchema>;

export const TruthEntrySchema = z.looseObject({
  id: z.string().min(1),
  file: z.string().min(1),
  cusip: z.string().nullable(),
  amendment: z.union([z.number().int().nonnegative(), z.literal('unknown')]).nullable(),
  eventDate: z.string().nullable(),
  filingDate: z.string().nullable(),
  persons: z.array(TruthPersonSchema),
  /** 'refuse-ok': the document has no cover page with numbers (or nothing to file it under). */
  expected: z.enum(['accept', 'refuse-ok']),
  note: z.string().nullable().optional(),
  sharesOutstandingStated: z.number().nullable().optional(),
});
export type TruthEntry = z.infer<typeof TruthEntrySchema>;

/** Reads one or more truth files; a file named twice is an error, so no filing is scored against two answers. */
export async function readTruth(paths: readonly string[]): Promise<Map<string, TruthEntry>> {
  const byFile = new Map<string, TruthEntry>();
  for (const path of paths) {
    const parsed = z.array(TruthEntrySchema).safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (!parsed.success) throw new Error(`${path}: not a truth file: ${z.prettifyError(parsed.error)}`);
    for (const entry of parsed.data) {
      if (byFile.has(entry.file)) throw new Error(`${path}: ${entry.file} already has a truth entry`);
      byFile.set(entry.file, entry);
    }
  }
  return byFile;
}
