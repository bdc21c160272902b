/**
 * `13d-ledger ingest PATH... [--dry-run] [--all-or-nothing] [--json]`: reads
 * filings (files, or directories searched for .txt/.htm/.html/.xml), parses and
 * validates every one before writing anything, then appends each good filing
 * as one atomic batch. Bad input: every bad file is named with its place and
 * the exit code is 1; the good ones are written, unless --all-or-nothing asks
 * that nothing be. A path that does not exist, or a directory with no filing
 * in it, is refused before any store is opened (no database file is created).
 * Progress goes to stderr only when it is a terminal. A filing already
 * recorded (same issuer, reporting persons and amendment number, from any
 * format or the bundled sample) writes nothing and exits 0.
 */
import { existsSync } from 'node:fs';
import type { Dirent, Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import {
  FilingParseError,
  ingestFiling,
  planIngest,
  readFilingFile,
  resolveStoreUrl,
  unreadable,
  type IngestOutcome,
} from '../../ledger/index.js';
import type { FilingDoubt, ParsedFiling } from '../../ingest/parsed-filing.js';
import type { EventStore } from '../../store/event-store.js';
import { ExitWithCode, JSON_OPTION, storeFlag, type JsonFlag } from '../options.js';
import { print, toJson } from '../output.js';
import { withStore } from '../with-store.js';

const FILING_EXTENSIONS = /\.(?:txt|htm|html|xml)$/i;

/** Raised for paths that give nothing to ingest; the CLI prints its message as the one error line. */
class IngestPathError extends Error {
  override readonly name = 'IngestPathError';
}

interface Expanded {
  files: string[];
  /** Paths that cannot be read (a symlink loop, no permission), each named: the other files go on. */
  bad: FilingParseError[];
}

/** The filings under `paths`; a directory reached twice (a symbolic link back up the tree) is read once. */
async function expandPaths(paths: readonly string[], top = true, seen = new Set<string>()): Promise<Expanded> {
  const found: Expanded = { files: [], bad: [] };
  for (const path of paths) {
    let info: Stats;
    try {
      info = await stat(path);
    } catch (error) {
      if (top && (error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new IngestPathError(`no such file or directory: ${path}`);
      found.bad.push(asFilingError(path, error));
      continue;
    }
    if (!info.isDirectory()) {
      found.files.push(path);
      continue;
    }
    const inner = await expandDirectory(path, info, seen);
    // A directory named on the command line that holds no filing is a mistake to report, not an empty success.
    if (top && inner.files.length === 0 && inner.bad.length === 0) {
      throw new IngestPathError(`no filings found in ${path} (ingest reads .txt, .htm, .html and .xml files)`);
    }
    found.files.push(...inner.files);
    found.bad.push(...inner.bad);
  }
  return found;
}

async function expandDirectory(path: string, info: Stats, seen: Set<string>): Promise<Expanded> {
  const identity = `${info.dev}:${info.ino}`;
  if (seen.has(identity)) {
    const loop = new FilingParseError(
      path,
      'whole file',
      'a directory already read (a symbolic link back up the tree); skipped',
    );
    return { files: [], bad: [loop] };
  }
  seen.add(identity);
  let entries: Dirent[];
  try {
    entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    return { files: [], bad: [asFilingError(path, error)] };
  }
  const wanted = entries.filter((e) => e.isDirectory() || FILING_EXTENSIONS.test(e.name));
  return expandPaths(
    wanted.map((e) => join(path, e.name)),
    false,
    seen,
  );
}

/** Whatever went wrong with one file, as an error naming it (never its raw system message with a huge path). */
function asFilingError(file: string, error: unknown): FilingParseError {
  if (error instanceof FilingParseError) return error;
  if ((error as NodeJS.ErrnoException | undefined)?.code === undefined) {
    return new FilingParseError(
      file,
      'whole file',
      `could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return unreadable(file, error);
  } catch (named) {
    return named as FilingParseError;
  }
}

/** A progress bar only for a person watching a terminal; piped or captured stderr gets none. */
function progress(done: number, total: number, file: string): void {
  if (total < 2 || !process.stderr.isTTY) return;
  const width = 20;
  const filled = Math.round((done / total) * width);
  const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
  process.stderr.write(`\r[${bar}] ${done}/${total} ${file}${done === total ? '\n' : ''}`);
}

function describe(outcome: IngestOutcome): string {
  const head = `${outcome.file}: ${outcome.formType}${amendmentText(outcome.amendmentNo)} on ${outcome.stream}`;
  // Already recorded: the review list was shown when it was recorded; one line says so.
  if (outcome.status === 'already-recorded') return `${head}: ${outcome.message}`;
  const lines = [
    head,
    `  ${outcome.message}`,
    ...outcome.notes.map((n) => `  note: ${n}`),
    ...earlierFilingsLines(outcome.earlierFilings),
    `  persons: ${outcome.persons.join('; ')}`,
    `  positions: ${outcome.positions}, transactions: ${outcome.transactions}, events: ${outcome.events}`,
    ...outcome.partial.map((s) => `  partial cover page: ${s}`),
    ...(outcome.doubts.length > 0
      ? [`  read with doubt (${outcome.doubts.length}):`, ...outcome.doubts.map(doubtLine)]
      : []),
    `  review (${outcome.review.length}):`,
    ...outcome.review.map((r) => `    [Item ${r.item}] ${r.sentence}`),
  ];
  return lines.join('\n');
}

function amendmentText(amendmentNo: number | null): string {
  if (amendmentNo === null) return ' (no amendment number: placed by filing date)';
  return amendmentNo > 0 ? ` No. ${amendmentNo}` : '';
}

function earlierFilingsLines(earlier: IngestOutcome['earlierFilings']): string[] {
  if (earlier.length === 0) return [];
  const named = earlier.map((f) => `${f.amendmentNumber === 0 ? 'original' : `No. ${f.amendmentNumber}`} ${f.filedOn}`);
  return [`  earlier filings named by the preamble (contents unknown): ${named.join(', ')}`];
}

function doubtLine(d: FilingDoubt): string {
  const where = d.row === 0 ? 'front page' : `${d.person ?? 'cover page'}, row ${d.row}`;
  return `    [${where}, ${d.place}] ${d.reason}`;
}

/** Parses and maps one file; any failure names the file. */
async function prepare(file: string): Promise<ParsedFiling> {
  const filing = await readFilingFile(file);
  try {
    planIngest(filing);
  } catch (error) {
    if (error instanceof FilingParseError) throw error;
    throw new FilingParseError(file, 'whole file', error instanceof Error ? error.message : String(error));
  }
  return filing;
}

interface Ingested {
  outcomes: IngestOutcome[];
  refused: FilingParseError[];
}

/** Each filing on its own (one atomic append each); one the store refuses (a second original) is listed, not fatal. */
async function ingestAll(
  store: EventStore | undefined,
  filings: readonly ParsedFiling[],
  dryRun: boolean,
): Promise<Ingested> {
  const outcomes: IngestOutcome[] = [];
  const refused: FilingParseError[] = [];
  // A dry run writes nothing, so a second copy of one filing in this run is caught here instead of by the store.
  const seen = new Map<string, string>();
  for (const filing of filings) {
    let outcome: IngestOutcome;
    try {
      outcome = await ingestFiling(store, filing, { dryRun });
    } catch (error) {
      if (!(error instanceof FilingParseError)) throw error;
      refused.push(error);
      continue;
    }
    const earlier = outcome.identityKey === null ? undefined : seen.get(outcome.identityKey);
    if (dryRun && earlier !== undefined && outcome.status === 'dry-run') {
      const message = `same filing as ${earlier} earlier in this run; nothing would be written`;
      outcome = { ...outcome, status: 'already-recorded', alreadyRecordedFrom: earlier, message };
    }
    if (outcome.identityKey !== null && !seen.has(outcome.identityKey)) seen.set(outcome.identityKey, filing.file);
    outcomes.push(outcome);
  }
  return { outcomes, refused };
}

type IngestFlags = { dryRun?: boolean; allOrNothing?: boolean } & JsonFlag;

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('ingest Schedule 13D filings (text, HTML, full submission .txt, EDGAR XML) into the ledger')
    .argument('<paths...>', 'filing files or directories')
    .option('--dry-run', 'parse, compare with the store and show what would be added; write nothing')
    .option(
      '--all-or-nothing',
      'write nothing at all when any file cannot be read (default: write every good filing, list the bad ones)',
    )
    .option(...JSON_OPTION)
    .action(ingestPaths);
}

async function ingestPaths(paths: string[], flags: IngestFlags, command: Command): Promise<void> {
  const dryRun = flags.dryRun ?? false;
  const expanded = await expandPaths(paths);
  const prepared = await prepareAll(expanded.files);
  const { filings } = prepared;
  const bad = [...expanded.bad, ...prepared.bad];
  const files = [...expanded.files, ...expanded.bad.map((error) => error.file)];
  if (filings.length === 0 && bad.length === 1) throw bad[0]!;
  if (bad.length > 0 && (filings.length === 0 || flags.allOrNothing)) {
    process.stderr.write(bad.map(errorLine).join(''));
    throw new IngestPathError(`${bad.length} of ${files.length} files could not be read; nothing written`);
  }
  const { outcomes, refused } = await ingestInto(resolveStoreUrl(storeFlag(command)), filings, dryRun);
  bad.push(...refused);
  const output = flags.json
    ? toJson({ dryRun, filings: outcomes, refused: bad.map(({ file, place, problem }) => ({ file, place, problem })) })
    : outcomes.map(describe).join('\n\n');
  if (output !== '') print(output);
  if (bad.length > 0) {
    // Each good filing was written on its own; the bad ones are named, and the exit code says some failed.
    process.stderr.write(bad.map(errorLine).join(''));
    const what = refused.length > 0 ? 'read or recorded' : 'read';
    const others = dryRun
      ? 'the others were checked (dry run, nothing written)'
      : `the other ${files.length - bad.length} were ingested`;
    process.stderr.write(`13d-ledger: ${bad.length} of ${files.length} files could not be ${what}; ${others}\n`);
    throw new ExitWithCode(1);
  }
}

/** Every file is parsed and mapped before anything is written; every bad one is kept with its place. */
async function prepareAll(files: readonly string[]): Promise<{ filings: ParsedFiling[]; bad: FilingParseError[] }> {
  const filings: ParsedFiling[] = [];
  const bad: FilingParseError[] = [];
  for (const [i, file] of files.entries()) {
    progress(i + 1, files.length, file);
    try {
      filings.push(await prepare(file));
    } catch (error) {
      // Whatever threw, it is this file's error: the other files go on.
      bad.push(asFilingError(file, error));
    }
  }
  return { filings, bad };
}

/** A dry run reads the store to say what is new, but never creates an embedded store file that is not there. */
async function ingestInto(url: string, filings: readonly ParsedFiling[], dryRun: boolean): Promise<Ingested> {
  const sqliteFile = /^sqlite:(?!:memory:)(.+)$/.exec(url)?.[1];
  if (dryRun && sqliteFile !== undefined && !existsSync(sqliteFile)) return ingestAll(undefined, filings, true);
  return withStore(url, (store) => ingestAll(store, filings, dryRun));
}

function errorLine(error: FilingParseError): string {
  return `13d-ledger: ${error.name}: ${error.message}\n`;
}
