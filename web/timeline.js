// The timeline page: pick an issuer, a date and a "known at" instant; every view is one call of
// the ledger's API with those (asOf, recordedBy), and the choice is kept in the page's URL so a
// reload or a shared link shows the same thing.
import { ApiProblem, allEvents, getJson } from './api.js';
import { createCharts, dateSpan, formatPercent, toIsoDate, toSeconds } from './charts.js';

const $ = (id) => document.getElementById(id);
const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const DAY = 86_400;

const params = new URLSearchParams(location.search);
const state = {
  issuer: params.get('issuer'),
  asOf: params.get('asOf'),
  knownAt: params.get('knownAt'),
  firstDate: null,
};
const problems = { issuer: null, date: null };
const controllers = { issuer: null, date: null };
let pending = 0;

const charts = createCharts($('chart-shares'), $('chart-percent'), (date) => pickDate(date));

/** An element with attributes and children (strings become text: nothing is parsed as HTML). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value != null) node.setAttribute(name, value);
  node.append(...children.flat().filter((child) => child != null));
  return node;
}
const cell = (text, attributes = {}) => el('td', attributes, text);
const figure = (value, field) =>
  cell(value == null ? 'unknown' : number.format(value), { class: 'num', 'data-field': field });
const basis = (value) => el('span', { class: `basis basis-${value}` }, value);
const knownText = (recordedBy) =>
  recordedBy == null ? 'as known now' : `as known at ${recordedBy.replace('T', ' ').replace('Z', ' UTC')}`;

/** Replaces a table body's rows; with none, one row saying so. */
function fill(table, rows, emptyText) {
  const body = $(table).tBodies[0];
  const columns = $(table).tHead.rows[0].cells.length;
  body.replaceChildren(...(rows.length > 0 ? rows : [el('tr', {}, cell(emptyText, { colspan: columns }))]));
}

function showProblems() {
  const text = [problems.issuer, problems.date].filter(Boolean).join(' ');
  $('problem').textContent = text;
  $('problem').hidden = text === '';
}

/**
 * Runs one load of a kind; a newer load of the same kind aborts it, so only the newest shows its result or its problem.
 */
async function run(kind, load) {
  controllers[kind]?.abort();
  const controller = (controllers[kind] = new AbortController());
  pending++;
  $('main').setAttribute('aria-busy', 'true');
  try {
    await load(controller.signal);
    if (controller.signal.aborted) return;
    problems[kind] = null;
  } catch (error) {
    if (controller.signal.aborted) return;
    problems[kind] = error instanceof ApiProblem ? error.message : `The page failed: ${error.message}`;
  } finally {
    if (--pending === 0) $('main').setAttribute('aria-busy', 'false');
  }
  showProblems();
}

function saveUrl() {
  const query = new URLSearchParams();
  for (const name of ['issuer', 'asOf', 'knownAt']) if (state[name]) query.set(name, state[name]);
  history.replaceState(null, '', `?${query}`);
}

// ---------------------------------------------------------------------------------------------
// Issuer-wide views: the charts, the markers, the crossings, the reconciliation, the "known at" choices

function loadIssuer() {
  saveUrl();
  return run('issuer', async (signal) => {
    const base = `issuers/${encodeURIComponent(state.issuer)}`;
    const known = { recordedBy: state.knownAt };
    const [timeline, reconciliation, events] = await Promise.all([
      getJson(`${base}/timeline`, known, signal),
      getJson(`${base}/reconciliation`, known, signal),
      allEvents(state.issuer, signal),
    ]);
    if (signal.aborted) return;
    showKnownAtChoices(events);
    showTimeline(timeline);
    showReconciliation(reconciliation);
    state.asOf ??= timeline.dates.at(-1) ?? new Date().toISOString().slice(0, 10);
    showDateControls();
    await loadDate();
  });
}

/** "now", then just before each correction or retraction in the log: every state the ledger has been in. */
function showKnownAtChoices(events) {
  const byId = new Map(events.map((event) => [event.id, event]));
  const options = events
    .filter((event) => event.type === 'EventCorrected' || event.type === 'EventRetracted')
    .map((event) => {
      const target = byId.get(event.data.eventId);
      const what = target
        ? `${target.type}${target.data.effectiveDate ? ` of ${target.data.effectiveDate}` : ''}`
        : event.data.eventId;
      const change =
        event.type === 'EventCorrected'
          ? `correction of ${what} (${Object.entries(event.data.set)
              .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
              .join(', ')})`
          : `retraction of ${what}`;
      const before = new Date(Date.parse(event.recordedAt) - 1).toISOString();
      return el(
        'option',
        { value: before },
        `before the ${change}, recorded ${event.recordedAt}: ${event.data.reason}`,
      );
    });
  const select = $('known-at');
  select.replaceChildren(
    el('option', { value: '' }, 'now (everything recorded)'),
    ...options,
    el('option', { value: 'custom' }, 'a date and time chosen here'),
  );
  const listed = [...select.options].some((option) => option.value === (state.knownAt ?? ''));
  select.value = listed ? (state.knownAt ?? '') : 'custom';
  if (!listed) $('known-at-custom').value = state.knownAt.slice(0, 19);
}

function showTimeline(timeline) {
  charts.show(timeline);
  $('crossings-summary').textContent = `Crossings of 5% and 10% of the class (${timeline.crossings.length})`;
  $('crossings').replaceChildren(
    ...timeline.crossings.map((c) =>
      el(
        'li',
        {},
        `${c.name} crossed ${c.threshold}% of the class ${c.direction === 'up' ? 'upward' : 'downward'} on ${c.date} (${formatPercent(c.percentBefore)} to ${formatPercent(c.percentAfter)}, ${c.basis})`,
      ),
    ),
  );
  const names = new Map(timeline.persons.map((p) => [p.personId, p.name]));
  $('markers-summary').textContent =
    `Filings and transactions (${timeline.markers.length}), ${knownText(timeline.recordedBy)}`;
  fill(
    'markers',
    timeline.markers.map((m) =>
      el(
        'tr',
        {},
        cell(m.date, { class: 'date' }),
        cell(m.kind),
        cell(m.label),
        cell(m.personId ? (names.get(m.personId) ?? m.personId) : ''),
        cell(m.shares == null ? '' : number.format(m.shares), { class: 'num' }),
      ),
    ),
    'None known.',
  );
  const span = dateSpan(timeline.dates);
  state.firstDate = span?.[0] ?? null;
  const slider = $('date-slider');
  slider.max = span ? String(Math.round((toSeconds(span[1]) - toSeconds(span[0])) / DAY)) : '0';
  slider.disabled = span === null;
}

function showReconciliation(report) {
  $('findings').caption.textContent =
    `${report.findings.length} findings; ${report.consistent.length} checks hold; ${knownText(state.knownAt)}`;
  fill(
    'findings',
    report.findings.map((f) =>
      el('tr', {}, cell(f.filing), cell(f.kind.replaceAll('-', ' ')), cell(f.item ?? ''), cell(f.message)),
    ),
    'No findings: every check holds.',
  );
  $('not-checked-summary').textContent = `Filings not checked (${report.notChecked.length})`;
  $('not-checked').replaceChildren(...report.notChecked.map((text) => el('li', {}, text)));
}

// ---------------------------------------------------------------------------------------------
// Views at the chosen date: holdings, securities, unexplained differences, notes, group members

function showDateControls() {
  $('date').value = state.asOf ?? '';
  if (state.firstDate && state.asOf)
    $('date-slider').value = String(Math.round((toSeconds(state.asOf) - toSeconds(state.firstDate)) / DAY));
  // Read out as the date, not as the slider's number of days.
  $('date-slider').setAttribute('aria-valuetext', state.asOf ?? '');
  charts.select(state.asOf);
}

function loadDate() {
  saveUrl();
  return run('date', async (signal) => {
    const base = `issuers/${encodeURIComponent(state.issuer)}`;
    const query = { asOf: state.asOf, recordedBy: state.knownAt };
    const [holdings, groups] = await Promise.all([
      getJson(`${base}/holdings`, query, signal),
      getJson(`${base}/groups`, query, signal),
    ]);
    if (signal.aborted) return;
    showHoldings(holdings);
    showGroups(groups);
  });
}

function showHoldings(report) {
  $('holdings').caption.textContent = `Holdings on ${report.asOf}, ${knownText(report.recordedBy)}`;
  fill(
    'holdings',
    report.holders.map((h) => {
      const flags = [];
      if (h.unexplainedDifferences.length > 0)
        flags.push(
          `⚠ ${h.unexplainedDifferences.length} unexplained difference${h.unexplainedDifferences.length === 1 ? '' : 's'}`,
        );
      for (const d of h.differsFromReported)
        flags.push(
          `⚠ ${d.field}: computed ${number.format(d.computed)}, reported ${typeof d.reported === 'number' ? number.format(d.reported) : d.reported}`,
        );
      return el(
        'tr',
        { 'data-person': h.personId },
        el('th', { scope: 'row' }, h.name),
        figure(h.aggregate, 'aggregate'),
        cell(formatPercent(h.percentOfClass), {
          class: 'num',
          'data-field': 'percentOfClass',
          title: h.percentOfClassReason,
        }),
        figure(h.soleVotingPower, 'soleVotingPower'),
        figure(h.sharedVotingPower, 'sharedVotingPower'),
        figure(h.soleDispositivePower, 'soleDispositivePower'),
        figure(h.sharedDispositivePower, 'sharedDispositivePower'),
        cell(basis(h.basis), { 'data-field': 'basis' }),
        cell(
          flags.map((flag) => el('div', { class: 'flag' }, flag)),
          { 'data-field': 'flags' },
        ),
      );
    }),
    'No reporting person holds anything known at this date.',
  );
  const outstanding = report.sharesOutstanding;
  $('shares-outstanding').textContent =
    `${outstanding ? `Shares outstanding: ${number.format(outstanding.value)} as of ${outstanding.asOf} (${outstanding.source}; ${outstanding.basis}).` : 'Shares outstanding: not known at this date.'} ${report.shareBasisNote}.`;

  const rows = (pick) => report.holders.flatMap((h) => pick(h).map((item) => [h, item]));
  const names = new Map(report.holders.map((h) => [h.personId, h.name]));
  fill(
    'securities',
    rows((h) => h.securities).map(([h, s]) =>
      el(
        'tr',
        {},
        cell(h.name),
        cell(s.title),
        cell(names.get(s.heldBy) ?? s.heldBy),
        figure(s.quantity),
        cell(s.sharesIssuable == null ? '' : number.format(s.sharesIssuable), { class: 'num' }),
        figure(s.countedShares),
        cell(basis(s.basis)),
      ),
    ),
    'None.',
  );
  fill(
    'unexplained',
    rows((h) => h.unexplainedDifferences).map(([h, d]) => {
      const title = h.securities.find((s) => s.securityId === d.securityId)?.title ?? d.securityId;
      const source = `${d.source.amendmentNumber === 0 ? 'Original Schedule 13D' : `Amendment No. ${d.source.amendmentNumber ?? '?'}`}, item ${d.source.item}`;
      const what = d.kind === 'sale-exceeds-holding' ? `${title} (sale exceeds holding)` : title;
      return el(
        'tr',
        {},
        cell(h.name),
        cell(what),
        cell(d.asOf, { class: 'date' }),
        figure(d.reported),
        figure(d.computed),
        cell(`⚠ ${number.format(d.difference)}`, { class: 'num flag' }),
        cell(source, { title: d.source.quote }),
      );
    }),
    'None at this date.',
  );
  const notes = [...report.notes];
  for (const h of report.holders) {
    if (h.percentOfClassReason) notes.push(`${h.name}: percent of class unknown: ${h.percentOfClassReason}`);
    for (const note of h.notes) if (!notes.includes(note)) notes.push(`${h.name}: ${note}`);
  }
  if (report.unreadableEvents.length > 0)
    notes.push(
      `${report.unreadableEvents.length} stored events fail their schema and are left out: ${report.unreadableEvents.map((e) => `${e.type} ${e.id}`).join(', ')}`,
    );
  $('notes').replaceChildren(...(notes.length > 0 ? notes : ['None.']).map((note) => el('li', {}, note)));
}

function showGroups(report) {
  $('groups').caption.textContent = `Group members on ${report.asOf}, ${knownText(state.knownAt)}`;
  fill(
    'groups',
    report.groups.flatMap((g) =>
      g.members.map((m) =>
        el(
          'tr',
          {},
          cell(`${g.groupId} (formed ${g.formedOn})`),
          cell(m.name),
          cell(m.sincePrecision === 'exact' ? m.since : `on or before ${m.since}`),
        ),
      ),
    ),
    'No group at this date.',
  );
}

// ---------------------------------------------------------------------------------------------
// Controls

let sliderTimer = null;
function pickDate(date) {
  state.asOf = date;
  showDateControls();
  loadDate();
}

$('date-slider').addEventListener('input', () => {
  state.asOf = toIsoDate(toSeconds(state.firstDate) + Number($('date-slider').value) * DAY);
  showDateControls();
  // While the slider moves, load once it rests for a moment (every load aborts the one before).
  clearTimeout(sliderTimer);
  sliderTimer = setTimeout(loadDate, 120);
});
$('date').addEventListener('change', () => {
  if ($('date').value) pickDate($('date').value);
});
$('issuer').addEventListener('change', () => {
  state.issuer = $('issuer').value;
  state.asOf = null;
  loadIssuer();
});
$('known-at').addEventListener('change', () => {
  const value = $('known-at').value;
  if (value === 'custom') {
    if (!$('known-at-custom').value) return $('known-at-custom').focus();
    state.knownAt = new Date(`${$('known-at-custom').value}Z`).toISOString();
  } else state.knownAt = value || null;
  loadIssuer();
});
$('known-at-custom').addEventListener('change', () => {
  const value = $('known-at-custom').value;
  if (!value) return;
  $('known-at').value = 'custom';
  state.knownAt = new Date(`${value}Z`).toISOString();
  loadIssuer();
});
$('controls').addEventListener('submit', (event) => event.preventDefault());

// ---------------------------------------------------------------------------------------------
// Start: the issuers in the ledger, the one in the URL (or the first) chosen

run('issuer', async (signal) => {
  const { issuers } = await getJson('issuers', {}, signal);
  const select = $('issuer');
  select.replaceChildren(
    ...issuers.map((i) =>
      el('option', { value: i.issuerKey }, `${i.name ?? 'Unnamed issuer'} (${i.cusip ?? i.issuerKey})`),
    ),
  );
  if (state.issuer && !issuers.some((i) => i.issuerKey === state.issuer))
    select.append(el('option', { value: state.issuer }, state.issuer));
  if (issuers.length === 0 && !state.issuer)
    throw new ApiProblem('The ledger holds no issuer yet: ingest a filing (13d-ledger ingest, or POST /api/filings).');
  state.issuer ??= issuers[0].issuerKey;
  select.value = state.issuer;
}).then(() => state.issuer && loadIssuer());
