/**
 * Hostile and damaged inputs built in code, small or large, for the tests that time the parsers and bound
 * their memory: a full submission with many documents, a text filing with many cover pages, HTML left open
 * (an unclosed <title> or comment), and a large HTML filing. Each is a valid-looking filing scaled by `n`.
 */
import { readFileSync } from 'node:fs';
import { AULT_TEXT, fixture, SYNTHETIC_XML } from './fixtures.js';

const aultText = () => readFileSync(AULT_TEXT, 'utf8');

/** The seed filing's first cover page (rows 1-14 and its footnote), as printed. */
function firstCoverPage(text: string): { before: string; page: string; after: string } {
  const start = text.indexOf('1\tNAME OF REPORTING PERSON');
  const second = text.indexOf('1\tNAME OF REPORTING PERSON', start + 1);
  return { before: text.slice(0, start), page: text.slice(start, second), after: text.slice(second) };
}

/** The seed filing with `n` more cover pages like its first, each for another (invented) person. */
export function textWithCoverPages(n: number): string {
  const { before, page, after } = firstCoverPage(aultText());
  const extra: string[] = [];
  for (let i = 1; i <= n; i++) extra.push(page.replace('AULT & COMPANY, INC.', `EXTRA HOLDING ${i}, INC.`));
  return before + page + extra.join('') + after;
}

/** The seed submission with `n` more exhibit documents of about a kilobyte each. */
export function submissionWithDocuments(n: number): string {
  const submission = readFileSync(fixture('ault-a8-submission.txt'), 'utf8');
  const end = submission.lastIndexOf('</SEC-DOCUMENT>');
  const paragraph = 'This exhibit is a letter to the board of directors of the Issuer. '.repeat(14);
  const documents: string[] = [];
  for (let i = 1; i <= n; i++) {
    documents.push(
      `<DOCUMENT>\n<TYPE>EX-99.${i + 100}\n<SEQUENCE>${i + 3}\n<FILENAME>ex99-${i}.txt\n<DESCRIPTION>LETTER ${i}\n<TEXT>\n${paragraph}\n</TEXT>\n</DOCUMENT>\n`,
    );
  }
  return submission.slice(0, end) + documents.join('') + submission.slice(end);
}

/** The seed filing as HTML, its body repeated until it is about `bytes` long. */
function htmlBody(bytes: number): string {
  const html = readFileSync(fixture('ault-a8.htm'), 'utf8');
  const body = html.slice(html.indexOf('<body>') + '<body>'.length, html.lastIndexOf('</body>'));
  const filler = '<p>Item 4 continues: the reporting persons may acquire or dispose of shares from time to time.</p>\n';
  const pad = bytes > body.length ? filler.repeat(Math.ceil((bytes - body.length) / filler.length)) : '';
  return body + pad;
}

/** HTML whose `<title>` (or a comment) is opened and never closed, about `bytes` long. */
export function htmlLeftOpen(kind: 'title' | 'comment', bytes: number): string {
  const opening = kind === 'title' ? '<title>SC 13D' : '<!-- converted by a word processor';
  return `<html>\n<head>${opening}\n</head>\n<body>\n${htmlBody(bytes)}\n</body>\n</html>\n`;
}

/** A well-formed HTML filing about `bytes` long (the seed's body, then paragraphs of Item 4). */
export function largeHtml(bytes: number): string {
  return `<html>\n<head><title>SC 13D/A</title></head>\n<body>\n${htmlBody(bytes)}\n</body>\n</html>\n`;
}

/** The seed filing with `n` more cover pages printed back to back: no footnote, no blank line between pages. */
export function textWithDenseCoverPages(n: number): string {
  const { before, page, after } = firstCoverPage(aultText());
  const rows = page.slice(0, page.indexOf('\n\n') + 1);
  const extra: string[] = [];
  for (let i = 1; i <= n; i++)
    extra.push(rows.replace('AULT & COMPANY, INC.', `EXTRA HOLDING ${i}, INC.`).replace(/ ⁽¹⁾/g, ''));
  return before + extra.join('') + '\n' + page + after;
}

/**
 * The seed filing with `n` more reporting persons, each named everywhere a filing names them: a cover page,
 * an entry of Item 2's list, a signature and a signature under the joint filing agreement.
 */
export function textWithManyPersons(n: number): string {
  const text = aultText();
  const { before, page, after } = firstCoverPage(text);
  const names = Array.from({ length: n }, (_, i) => `EXTRA HOLDING ${i + 1}, INC.`);
  const pages = names.map((name) => page.replace('AULT & COMPANY, INC.', name)).join('');
  const entries = names
    .map(
      (name, i) =>
        `- (${['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'][i % 10]}) ${titleCase(name)}, a Delaware corporation;\n`,
    )
    .join('');
  const signatures = names
    .map((name) => `${name}\n\nBy: /s/ Milton C. Ault, III\nName: Milton C. Ault, III\nTitle: Director\n\n`)
    .join('');
  return (before + page + pages + after)
    .replace('- (v) Kenneth S. Cragun, Chief Financial Officer of the Issuer.\n', (line) => `${line}${entries}`)
    .replace(/\/s\/ Kenneth S\. Cragun\nKENNETH S\. CRAGUN\n/g, (line) => `${line}\n${signatures}`);
}

function titleCase(name: string): string {
  return name.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

/**
 * The seed filing as HTML with `n` more reporting persons: a cover page table, an Item 2 entry and a signature each.
 */
export function htmlWithManyPersons(n: number): string {
  const html = readFileSync(fixture('ault-a8.htm'), 'utf8');
  const start = html.indexOf('<table border="1"');
  const table = html.slice(start, html.indexOf('</table>', start) + '</table>'.length);
  const names = Array.from({ length: n }, (_, i) => `EXTRA HOLDING ${i + 1}, INC.`);
  const tables = names.map((name) => `${table.replace('AULT &amp; COMPANY, INC.', name)}\n`).join('');
  const entries = names
    .map((name) => `<p style="margin-left:24pt">(v) ${titleCase(name)}, a Delaware corporation;</p>\n`)
    .join('');
  const signatures = names.map((name) => `<p>${name}</p>\n<p>By: /s/ Milton C. Ault, III</p>\n`).join('');
  const cragun = '<p style="margin-left:24pt">(v) Kenneth S. Cragun, Chief Financial Officer of the Issuer.</p>\n';
  const signed = '<p>KENNETH S. CRAGUN</p>\n';
  return (html.slice(0, start) + tables + html.slice(start))
    .replace(cragun, `${cragun}${entries}`)
    .replace(signed, `${signed}${signatures}`);
}

/**
 * `body` (a filing's HTML or text) as the Schedule 13D of a full submission whose header names `filers` (FILED BY),
 * with `exhibits` more documents.
 */
export function asSubmission(body: string, filers: readonly string[] = [], exhibits = 0): string {
  const filedBy = filers
    .map(
      (name, i) =>
        `FILED BY:\n\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\t\t${name}\n\t\tCENTRAL INDEX KEY:\t\t\t${String(2000000 + i).padStart(10, '0')}\n\n`,
    )
    .join('');
  const paragraph = 'This exhibit is a letter to the board of directors of the Issuer. '.repeat(14);
  const documents = Array.from(
    { length: exhibits },
    (_, i) =>
      `<DOCUMENT>\n<TYPE>EX-99.${i + 100}\n<SEQUENCE>${i + 2}\n<FILENAME>ex99-${i}.txt\n<DESCRIPTION>LETTER ${i}\n<TEXT>\n${paragraph}\n</TEXT>\n</DOCUMENT>\n`,
  ).join('');
  return [
    '<SEC-DOCUMENT>0001213900-24-062810.txt : 20240724',
    '<SEC-HEADER>0001213900-24-062810.hdr.sgml : 20240724',
    'ACCESSION NUMBER:\t\t0001213900-24-062810',
    'CONFORMED SUBMISSION TYPE:\tSC 13D/A',
    'FILED AS OF DATE:\t\t20240724',
    '',
    'SUBJECT COMPANY:\n\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\t\tAult Alliance, Inc.\n\t\tCENTRAL INDEX KEY:\t\t\t0000896493\n',
    filedBy,
    '</SEC-HEADER>',
    `<DOCUMENT>\n<TYPE>SC 13D/A\n<SEQUENCE>1\n<FILENAME>primary.htm\n<TEXT>\n${body}\n</TEXT>\n</DOCUMENT>`,
    documents,
    '</SEC-DOCUMENT>\n',
  ].join('\n');
}

/**
 * The seed filing with one line of about `bytes` characters after Item 3: sentences with no line break between them.
 */
export function textWithLongLine(bytes: number): string {
  const sentence =
    'The Reporting Persons may from time to time acquire or dispose of Shares in the open market or otherwise. ';
  const line = sentence.repeat(Math.ceil(bytes / sentence.length));
  const text = aultText();
  const item3 = text.indexOf('\n', text.indexOf('\nItem 3. Source and Amount of Funds') + 1);
  return `${text.slice(0, item3 + 1)}\n${line}\n${text.slice(item3 + 1)}`;
}

/**
 * A one-person text filing written for the tests (invented issuer and holder) whose Item 5(c) table lists `n`
 * sales, one a row, on the business days before the filing.
 */
export function textWithTradeRows(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.UTC(2009, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    const long = `${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1]} ${date}, ${year}`;
    return `${long}\t${(100 + (i % 50)).toLocaleString('en-US')}\t$${(16 + (i % 100) / 100).toFixed(2)}`;
  });
  return [
    'SCHEDULE 13D',
    '(Amendment No. 2)',
    '',
    'Northwind Robotics, Inc.',
    '(Name of Issuer)',
    '',
    'Common Stock, $0.01 par value',
    '(Title of Class of Securities)',
    '',
    '66510N 10 3',
    '(CUSIP Number)',
    '',
    'May 13, 2010',
    '(Date of Event Which Requires Filing of this Statement)',
    '',
    '1  NAME OF REPORTING PERSON  Olivia M. Vale',
    '2  CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP  (a) [ ]  (b) [ ]',
    '3  SEC USE ONLY',
    '4  SOURCE OF FUNDS  PF',
    '6  CITIZENSHIP OR PLACE OF ORGANIZATION  United States',
    '7  SOLE VOTING POWER  97,330',
    '8  SHARED VOTING POWER  0',
    '9  SOLE DISPOSITIVE POWER  97,330',
    '10  SHARED DISPOSITIVE POWER  0',
    '11  AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON  97,330',
    '12  CHECK IF THE AGGREGATE AMOUNT IN ROW (11) EXCLUDES CERTAIN SHARES  [ ]',
    '13  PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (11)  1.2%',
    '14  TYPE OF REPORTING PERSON  IN',
    '',
    'Item 1. Security and Issuer.',
    '',
    'This Amendment No. 2 relates to the Common Stock of Northwind Robotics, Inc.',
    '',
    'Item 5. Interest in Securities of the Issuer.',
    '',
    '(c) Mrs. Vale sold shares in open market transactions. Information regarding the sales is as follows:',
    '',
    'Date\tNumber of Shares Sold\tPrice per Share',
    ...rows,
    '',
    'SIGNATURE',
    '',
    'Dated: June 11, 2010',
    '',
    '/s/ Olivia M. Vale',
    '',
  ].join('\n');
}

/**
 * The synthetic EDGAR XML statement with `n` more reporting persons, each with a cover page (reportingPersonInfo)
 * like its first person's and a paragraph of Item 2 naming it.
 */
export function xmlWithManyPersons(n: number): string {
  const xml = readFileSync(SYNTHETIC_XML, 'utf8');
  const start = xml.indexOf('<reportingPersonInfo>');
  const end = xml.indexOf('</reportingPersonInfo>') + '</reportingPersonInfo>'.length;
  const person = xml.slice(start, end);
  const name = /<reportingPersonName>([^<]*)<\/reportingPersonName>/.exec(person)![1]!;
  const names = Array.from({ length: n }, (_, i) => `Extra Holding ${i + 1}, L.P.`);
  const covers = names
    .map((extra, i) =>
      person
        .replace(name, extra)
        .replace(/<reportingPersonCIK>\d+</, `<reportingPersonCIK>${String(8000000 + i).padStart(10, '0')}<`),
    )
    .join('\n');
  const paragraphs = names
    .map(
      (extra) =>
        `&#13;\n&#13;\n${extra} - ${extra} has its business address at 18 Millrace Row, Alder Falls, OR 97999.`,
    )
    .join('');
  return (xml.slice(0, end) + '\n' + covers + xml.slice(end)).replace(
    '</filingPersonName>',
    `${paragraphs}</filingPersonName>`,
  );
}
