/**
 * EDGAR Schedule 13D XML (mandatory since 2024-12-18) into a ParsedFiling,
 * with fast-xml-parser: the document is parsed, never matched with regular
 * expressions. The root must be `edgarSubmission` in the namespace
 * `http://www.sec.gov/edgar/schedule13D` exactly (capital D). On a 13D/A most
 * cover fields are optional: an absent field stays undefined, never zero.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { amountProblem } from '../domain/index.js';
import { coversNamedIn } from './cover-matcher.js';
import { FilingParseError } from './filing-parse-error.js';
import { parseExhibits } from './items.js';
import { guardXml } from './xml-guard.js';
import { readSharesOutstanding } from './shares-outstanding.js';
import type { CoverPage, Identity, ParsedFiling, ReportedPercent } from './parsed-filing.js';
import { extractTransactions, type ProseSource } from './transactions.js';
import { isValidCusip, normalizeCusip, parseSlashDate } from './values.js';

export const SCHEDULE_13D_NAMESPACE = 'http://www.sec.gov/edgar/schedule13D';

type Node = Record<string, unknown>;

const REPEATED = new Set([
  'reportingPersonInfo',
  'signaturePerson',
  'issuerCusipNumber',
  'typeOfReportingPerson',
  'fundType',
]);

export interface XmlFilingContext {
  file: string;
  contentHash: string;
}

const at = (path: string) => ({ xmlPath: `/edgarSubmission/${path}` });

export function parseEdgarXml(xml: string, { file, contentHash }: XmlFilingContext): ParsedFiling {
  const root = parseXmlDocument(xml, file);
  const header = node(root.headerData);
  const form = node(root.formData);
  const cover = node(form.coverPageHeader);
  const front = readFront(header, cover, file);
  const coverPages = readCoverPages(form, file, front.formType);
  const { items, itemsNode, sources } = readItems(form);
  const identities = identitiesFrom(items['2'], coverPages);
  const { transactions, review } = extractTransactions(sources, coverPages, identities);
  const comments = coverPages.flatMap((c) => (c.comment ? [{ text: c.comment, item: 'cover comment' }] : []));
  return {
    file,
    format: 'edgar-xml',
    contentHash,
    ...front,
    doubts: [],
    previousAccessionNumber: text(header.previousAccessionNumber),
    coverPages,
    items,
    restatedItems: [],
    identities,
    sharesOutstanding: readSharesOutstanding([...comments, ...(items['5'] ? [{ text: items['5'], item: '5' }] : [])]),
    item5: [],
    exhibits: parseExhibits(text(node(itemsNode.item7).filedExhibits)),
    transactions,
    review,
    signatureDate: signatureDateOf(form),
    noticeContact: noticeBlock(node(node(cover.authorizedPersons).notificationInfo)),
    scheduleA: [],
    places: {
      eventDate: at('formData/coverPageHeader/dateOfEvent'),
      signatureDate: at('formData/signatureInfo/signaturePerson/signatureDetails/date'),
      issuerName: at('formData/coverPageHeader/issuerInfo/issuerName'),
    },
  };
}

/** The document checked (no DTD, no absurd nesting, well-formed, the right root and namespace) and parsed. */
function parseXmlDocument(xml: string, file: string): Node {
  // No DTD (so no entity can be declared or expanded) and no absurd nesting, before any parser runs.
  guardXml(xml, file);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    // The validator reports elements left open at the end as a list: the file was cut short.
    const open = /^Invalid '(\[[\s\S]*\])' found/.exec(valid.err.msg)?.[1];
    if (open) {
      const path = (JSON.parse(open) as string[]).join('/');
      throw new FilingParseError(
        file,
        { xmlPath: `/${path}` },
        `truncated XML: the file ends inside <${path.split('/').pop() ?? ''}>`,
      );
    }
    throw new FilingParseError(file, { line: valid.err.line }, `not well-formed XML: ${valid.err.msg}`);
  }
  checkRoot(xml, file);
  // processEntities (on by default) and htmlEntities expand only XML's five and HTML's named character
  // references here: a DTD, the one place other entities could be declared, was refused by guardXml.
  const doc = new XMLParser({
    ignoreAttributes: true,
    removeNSPrefix: true,
    parseTagValue: false,
    trimValues: true,
    htmlEntities: true,
    isArray: (name) => REPEATED.has(name),
  }).parse(xml) as Node;
  return doc.edgarSubmission as Node;
}

type XmlFront = Pick<ParsedFiling, 'formType' | 'amendmentNo' | 'issuer' | 'classTitle' | 'eventDate'>;

/** The form, amendment number, issuer (CUSIPs checked) and event date. */
function readFront(header: Node, cover: Node, file: string): XmlFront {
  const submissionType = text(header.submissionType);
  if (submissionType !== 'SCHEDULE 13D' && submissionType !== 'SCHEDULE 13D/A') {
    throw new FilingParseError(
      file,
      at('headerData/submissionType'),
      `not a Schedule 13D: submission type "${submissionType ?? ''}"`,
    );
  }
  const formType = submissionType === 'SCHEDULE 13D' ? 'SC 13D' : 'SC 13D/A';
  const amendmentText = text(cover.amendmentNo);
  const amendmentNo = amendmentText === undefined ? 0 : Number(amendmentText);
  if (!Number.isInteger(amendmentNo) || (formType === 'SC 13D/A' && amendmentNo < 1)) {
    throw new FilingParseError(
      file,
      at('formData/coverPageHeader/amendmentNo'),
      `a 13D/A needs an amendment number, got "${amendmentText ?? ''}"`,
    );
  }
  const issuer = node(cover.issuerInfo);
  const cusips = [text(issuer.issuerCUSIP), ...list(node(issuer.issuerCusips).issuerCusipNumber).map(text)].filter(
    (c): c is string => c !== undefined,
  );
  for (const raw of cusips) {
    if (!isValidCusip(normalizeCusip(raw)))
      throw new FilingParseError(
        file,
        at('formData/coverPageHeader/issuerInfo'),
        `CUSIP "${raw}" is not a valid CUSIP (check digit)`,
      );
  }
  const eventDateText = text(cover.dateOfEvent);
  const eventDate = eventDateText === undefined ? undefined : parseSlashDate(eventDateText);
  if (eventDateText !== undefined && !eventDate) {
    throw new FilingParseError(
      file,
      at('formData/coverPageHeader/dateOfEvent'),
      `"${eventDateText}" is not a date in the form MM/DD/YYYY`,
    );
  }
  return {
    formType,
    amendmentNo,
    issuer: {
      name: text(issuer.issuerName),
      cik: text(issuer.issuerCIK),
      cusip: cusips[0] === undefined ? undefined : normalizeCusip(cusips[0]),
    },
    classTitle: text(cover.securitiesClassTitle),
    eventDate,
  };
}

function readCoverPages(form: Node, file: string, formType: ParsedFiling['formType']): CoverPage[] {
  const coverPages = list(node(form.reportingPersons).reportingPersonInfo).map((person, i) =>
    readPerson(node(person), file, `/edgarSubmission/formData/reportingPersons/reportingPersonInfo[${i + 1}]`),
  );
  if (coverPages.length === 0 && formType === 'SC 13D') {
    throw new FilingParseError(
      file,
      at('formData/reportingPersons'),
      'an original Schedule 13D names no reporting person',
    );
  }
  return coverPages;
}

/** Items 1-7 as text, and the prose transactions are read from (Items 3, 5(c) and 6, "n/a" left out). */
function readItems(form: Node): { items: Record<string, string>; itemsNode: Node; sources: ProseSource[] } {
  const itemsNode = node(form.items1To7);
  const items: Record<string, string> = {};
  for (let n = 1; n <= 7; n++) {
    const body = leafTexts(itemsNode[`item${n}`]).join('\n\n');
    if (body !== '') items[String(n)] = body;
  }
  const item5 = node(itemsNode.item5);
  const sources: ProseSource[] = [
    { item: '3', text: items['3'] ?? '' },
    { item: '5(c)', text: text(item5.transactionDesc) ?? '' },
    { item: '6', text: items['6'] ?? '' },
  ].filter((s) => s.text !== '' && !/^n\/?a\.?$/i.test(s.text));
  return { items, itemsNode, sources };
}

/** The first signature date that parses. */
function signatureDateOf(form: Node): string | undefined {
  const signatures = list(node(form.signatureInfo).signaturePerson).map((s) =>
    text(node(node(s).signatureDetails).date),
  );
  return signatures.map((d) => (d ? parseSlashDate(d) : undefined)).find((d) => d !== undefined);
}

/** The root's own namespace, read from the raw parse so that a prefixed root is judged by its prefix. */
function checkRoot(xml: string, file: string): void {
  const raw = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: false,
    parseTagValue: false,
  }).parse(xml) as Node;
  const rootName = Object.keys(raw).find((key) => !key.startsWith('?') && !key.startsWith('#'));
  const [prefix, local] = rootName?.includes(':') ? rootName.split(':') : [undefined, rootName];
  if (local !== 'edgarSubmission') {
    throw new FilingParseError(
      file,
      { xmlPath: `/${rootName ?? ''}` },
      `not an EDGAR Schedule 13D: root element is <${rootName ?? 'none'}>, expected <edgarSubmission>`,
    );
  }
  const attributes = node(raw[rootName!]);
  const namespace = attributes[prefix ? `@_xmlns:${prefix}` : '@_xmlns'];
  if (namespace !== SCHEDULE_13D_NAMESPACE) {
    throw new FilingParseError(
      file,
      { xmlPath: `/${rootName}/@xmlns` },
      `wrong namespace "${String(namespace ?? '(none)')}": expected exactly ${SCHEDULE_13D_NAMESPACE}`,
    );
  }
}

function readPerson(person: Node, file: string, path: string): CoverPage {
  const name = text(person.reportingPersonName);
  if (!name)
    throw new FilingParseError(file, { xmlPath: `${path}/reportingPersonName` }, 'a reporting person has no name');
  const count = (field: string) => {
    const value = text(person[field]);
    if (value === undefined) return undefined;
    if (!/^\d+(?:\.0+)?$/.test(value))
      throw new FilingParseError(file, { xmlPath: `${path}/${field}` }, `"${value}" is not a number of shares`);
    const shares = Number(value.replace(/\.0+$/, ''));
    const problem = amountProblem(shares, 'number of shares');
    if (problem) throw new FilingParseError(file, { xmlPath: `${path}/${field}` }, `"${value}": ${problem}`);
    return shares;
  };
  const percentText = text(person.percentOfClass);
  let percentOfClass: ReportedPercent | undefined;
  if (percentText !== undefined) {
    if (!/^\d{1,3}(?:\.\d+)?$/.test(percentText))
      throw new FilingParseError(file, { xmlPath: `${path}/percentOfClass` }, `"${percentText}" is not a percent`);
    percentOfClass = { kind: 'value', value: Number(percentText), text: percentText };
  }
  const group = text(person.memberOfGroup)?.toLowerCase();
  const yesNo = (field: string) => {
    const value = text(person[field])?.toUpperCase();
    return value === undefined ? undefined : value === 'Y' || value === 'TRUE';
  };
  const codes = (field: string) => {
    const values = list(person[field])
      .map(text)
      .filter((v): v is string => v !== undefined);
    return values.length === 0 ? undefined : values.flatMap((v) => v.split(/[\s,]+/)).filter((v) => v !== '');
  };
  return {
    name,
    cik: text(person.reportingPersonCIK),
    memberOfGroup: group === undefined ? undefined : { a: group === 'a', b: group === 'b' },
    sourceOfFunds: codes('fundType'),
    legalProceedings: yesNo('isLegalProceedings'),
    citizenship: text(person.citizenshipOrOrganization),
    soleVotingPower: count('soleVotingPower'),
    sharedVotingPower: count('sharedVotingPower'),
    soleDispositivePower: count('soleDispositivePower'),
    sharedDispositivePower: count('sharedDispositivePower'),
    aggregate: count('aggregateAmountOwned'),
    excludesCertainShares: yesNo('isAggregateExcludeShares'),
    percentOfClass,
    typeOfReportingPerson: codes('typeOfReportingPerson'),
    rowFootnotes: {},
    footnotes: [],
    comment: text(person.commentContent),
    place: path,
  };
}

/** Item 2 in XML is free text: each paragraph naming a reporting person is that person's identity. */
function identitiesFrom(item2: string | undefined, covers: readonly CoverPage[]): Identity[] {
  if (!item2) return [];
  const paragraphs = item2
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  // Each cover's first paragraph, found in one pass over the paragraphs (not a search of all per cover).
  const first = new Map<string, string>();
  for (const paragraph of paragraphs) {
    for (const cover of coversNamedIn(paragraph, covers)) if (!first.has(cover.name)) first.set(cover.name, paragraph);
  }
  return covers.flatMap((cover) => {
    const paragraph = first.get(cover.name);
    return paragraph ? [{ coverName: cover.name, text: paragraph }] : [];
  });
}

function node(value: unknown): Node {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : {};
}

function list(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** A leaf's text with carriage returns (&#13;) dropped; empty means absent. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const t = String(value).replace(/\r/g, '').trim();
  return t === '' ? undefined : t;
}

function leafTexts(value: unknown): string[] {
  if (typeof value === 'string' || typeof value === 'number') return [text(value) ?? ''].filter((t) => t !== '');
  if (Array.isArray(value)) return value.flatMap(leafTexts);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(leafTexts);
  return [];
}

/**
 * coverPageHeader/authorizedPersons/notificationInfo: the person authorized to receive notices (the text
 * cover's notice block).
 */
function noticeBlock(info: Node): ParsedFiling['noticeContact'] {
  const name = text(info.personName);
  const address = node(info.personAddress);
  const lines = [
    text(address.street1),
    text(address.street2),
    text(address.city),
    [text(address.stateOrCountry), text(address.zipCode)].filter(Boolean).join(' '),
  ].filter((l): l is string => !!l);
  if (!name || lines.length === 0) return undefined;
  const phone = text(info.personPhoneNum);
  return { name, address: lines.join(', '), ...(phone ? { phone } : {}) };
}
