/**
 * The one entry point of ingest: a file (or its content) into a ParsedFiling,
 * whatever the supported format. Files over the size limit are refused from
 * their size alone, before a byte is read.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { detectFormat, looksLikeHtml } from './detect-format.js';
import { parseEdgarXml } from './edgar-xml.js';
import { FilingParseError, lineAt } from './filing-parse-error.js';
import { htmlToText } from './html-to-text.js';
import type { CoverPage, ParsedFiling } from './parsed-filing.js';
import { nameWords } from './person-names.js';
import { checkPlausibleFiling } from './plausible-filing.js';
import { findSchedule13D, parseSubmission, SCHEDULE_13D_TYPES, type SubmissionDocument } from './sgml-submission.js';
import { parseTextFiling } from './text-filing.js';

/** 50 MB: a Schedule 13D with its exhibits is far smaller; anything bigger is not one. */
export const MAX_FILING_BYTES = 50 * 1024 * 1024;

export interface ReadFilingOptions {
  /** @defaultValue {@link MAX_FILING_BYTES} */
  maxBytes?: number;
}

export async function readFilingFile(path: string, options: ReadFilingOptions = {}): Promise<ParsedFiling> {
  const maxBytes = options.maxBytes ?? MAX_FILING_BYTES;
  const info = await stat(path).catch((error: unknown) => unreadable(path, error));
  if (!info.isFile()) throw new FilingParseError(path, 'whole file', 'not a regular file');
  if (info.size > maxBytes) {
    throw new FilingParseError(
      path,
      'whole file',
      `file is ${info.size} bytes, over the ${maxBytes}-byte limit for a filing; not read`,
    );
  }
  if (info.size === 0) throw new FilingParseError(path, 'whole file', 'empty file');
  return parseFilingBytes(await readFile(path).catch((error: unknown) => unreadable(path, error)), path);
}

/** What the system says when a file cannot be opened (a symlink loop, no permission), without its long path. */
const FILE_ERRORS: Record<string, string> = {
  ELOOP: 'a loop of symbolic links',
  ENOENT: 'no such file (a broken symbolic link?)',
  EACCES: 'permission denied',
  EISDIR: 'a directory',
  ENAMETOOLONG: 'the path is too long (a loop of symbolic links?)',
};

export function unreadable(path: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === undefined
      ? String((error as Error | undefined)?.message ?? error)
      : `${FILE_ERRORS[code] ?? 'cannot be read'} (${code})`;
  throw new FilingParseError(path, 'whole file', `cannot open the file: ${why}`);
}

export function parseFilingBytes(bytes: Uint8Array, file: string): ParsedFiling {
  const contentHash = createHash('sha256').update(bytes).digest('hex');
  return parseFilingContent(decode(bytes), file, contentHash);
}

export function parseFilingContent(
  content: string,
  file: string,
  contentHash = createHash('sha256').update(content).digest('hex'),
): ParsedFiling {
  try {
    return checkPlausibleFiling(parseByFormat(content, file, contentHash));
  } catch (error) {
    if (error instanceof FilingParseError) throw error;
    // Whatever threw (a library's limit, a bug), the error names the file, and a run of many files goes on.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new FilingParseError(file, 'whole file', `could not be read: ${message.slice(0, 500)}`);
  }
}

function parseByFormat(content: string, file: string, contentHash: string): ParsedFiling {
  const format = detectFormat(content, file);
  switch (format) {
    case 'edgar-xml':
      return parseEdgarXml(content, { file, contentHash });
    case 'html':
      return parseTextFiling(htmlToText(content, file), { file, format, contentHash });
    case 'text':
      return parseTextFiling(content, { file, format, contentHash });
    case 'submission':
      return parseSubmissionFiling(content, file, contentHash);
    default: {
      const unknown: never = format;
      throw new FilingParseError(file, 'whole file', `unsupported format ${String(unknown)}`);
    }
  }
}

function parseSubmissionFiling(content: string, file: string, contentHash: string): ParsedFiling {
  const submission = parseSubmission(content, file);
  const document = findSchedule13D(submission, file);
  // What EDGAR was told the document is: an amendment when either the header or the document says so.
  const declared = [document.type, submission.header.submissionType].filter((type) =>
    SCHEDULE_13D_TYPES.has(type.toUpperCase()),
  );
  const declaredForm = declared.find((type) => /\/A$/i.test(type)) ?? declared[0];
  const parsed = withDocumentPlace(document, file, () => parseDocument(document, file, contentHash, declaredForm));
  const exhibits = submission.documents
    .filter((d) => d !== document && /^EX-/i.test(d.type))
    .map((d) => ({
      number: d.type.replace(/^EX-/i, ''),
      description: d.description ?? d.filename ?? d.type,
      isJointFilingAgreement: /joint\s+filing/i.test(`${d.description ?? ''} ${d.body.slice(0, 2000)}`),
    }));
  return {
    ...parsed,
    coverPages: withFilerCiks(parsed.coverPages, submission.header.filedBy),
    format: 'submission',
    submission: submission.header,
    // SUBJECT COMPANY names the issuer by CIK: what identifies it when the document prints no CUSIP.
    issuer: {
      ...parsed.issuer,
      cik: parsed.issuer.cik ?? submission.header.subjectCompany?.cik,
      name: parsed.issuer.name ?? submission.header.subjectCompany?.name,
    },
    accessionNumber: submission.header.accessionNumber,
    filingDate: submission.header.filedAsOf,
    places: {
      ...parsed.places,
      filingDate: { line: lineAt(content, Math.max(0, content.indexOf('FILED AS OF DATE:'))) },
    },
    exhibits: [...parsed.exhibits, ...exhibits.filter((e) => !parsed.exhibits.some((p) => p.number === e.number))],
  };
}

function parseDocument(
  document: SubmissionDocument,
  file: string,
  contentHash: string,
  declaredForm: string | undefined,
): ParsedFiling {
  const body = document.body.trim();
  if (/^<\?xml|^<(?:\w+:)?edgarSubmission\b/.test(body)) return parseEdgarXml(body, { file, contentHash });
  if (isHtmlDocument(body))
    return parseTextFiling(htmlToText(body, file), { file, format: 'html', contentHash, declaredForm });
  // Untrimmed, so that line numbers count from <TEXT>.
  return parseTextFiling(document.body, { file, format: 'text', contentHash, declaredForm });
}

/**
 * The header's FILED BY sections name filers by CIK ("ARFMAN DALE C", 0001354152): a cover page whose name has
 * the same words ("Dale C. Arfman") is that filer. Only a match of one cover to one filer counts.
 */
function withFilerCiks(covers: CoverPage[], filers: readonly { name: string; cik?: string }[]): CoverPage[] {
  const count = <T>(map: Map<string, T[]>, key: string, value: T) =>
    map.set(key, [...(map.get(key) ?? []), value].slice(0, 2));
  // Words -> at most two filers with a CIK, and two covers: "exactly one" is all that is asked.
  const filersByWords = new Map<string, { cik?: string }[]>();
  for (const filer of filers) if (filer.cik !== undefined) count(filersByWords, nameWords(filer.name), filer);
  const coverWords = covers.map((cover) => nameWords(cover.name));
  const coversByWords = new Map<string, CoverPage[]>();
  covers.forEach((cover, i) => count(coversByWords, coverWords[i]!, cover));
  return covers.map((cover, i) => {
    if (cover.cik !== undefined) return cover;
    const matches = filersByWords.get(coverWords[i]!) ?? [];
    const sameNamed = coversByWords.get(coverWords[i]!) ?? [];
    return matches.length === 1 && sameNamed.length === 1 ? { ...cover, cik: matches[0]!.cik } : cover;
  });
}

/** Errors inside a document of a submission say which document, and text lines count from the file's start. */
function withDocumentPlace<T>(document: SubmissionDocument, file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof FilingParseError)) throw error;
    const isHtml = isHtmlDocument(document.body.trim());
    const place =
      typeof error.place === 'object' && 'line' in error.place && !isHtml
        ? { line: error.place.line + document.line - 1 }
        : error.place;
    const where =
      isHtml && typeof error.place === 'object' && 'line' in error.place
        ? ` (line ${error.place.line} of its text)`
        : '';
    throw new FilingParseError(
      file,
      place,
      `document ${document.sequence ?? '?'} (${document.type})${where}: ${error.problem}`,
    );
  }
}

/** A submission's document is HTML when it opens with markup that HTML has and EDGAR text does not. */
function isHtmlDocument(body: string): boolean {
  return /^<(?:!DOCTYPE\s+html|html|body|div|p|table|font|center)\b/i.test(body) && looksLikeHtml(body.slice(0, 16384));
}

/** EDGAR text is UTF-8 nowadays, Latin-1 in older filings (Wingdings "¨" is byte 0xA8). */
function decode(bytes: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return utf8.includes('\uFFFD') ? new TextDecoder('latin1').decode(bytes) : utf8;
}
