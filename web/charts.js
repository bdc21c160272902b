// The two step charts (uPlot, loaded as the global `uPlot` by index.html): each reporting
// person's aggregate shares and percent of class, held from each change to the next, with a
// marker for every filing and transaction, the 5% line, and the date the tables show.

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];
const HEIGHT = 240;
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Dates are calendar dates: the chart's x is seconds at UTC midnight, and it shows UTC. */
export const toSeconds = (iso) => Date.parse(`${iso}T00:00:00Z`) / 1000;
export const toIsoDate = (seconds) => new Date(seconds * 1000).toISOString().slice(0, 10);

/** A percent as the page shows it: two decimals, and "<0.01%" for a holding too small for them. */
export function formatPercent(value) {
  if (value == null) return 'unknown';
  if (value > 0 && value < 0.005) return '<0.01%';
  return `${value.toFixed(2)}%`;
}

/**
 * The dates a chart and the slider span: the first change to a little after the last, so that
 * the last step shows as held (a step holds until the next change).
 */
export function dateSpan(dates) {
  if (dates.length === 0) return null;
  const first = toSeconds(dates[0]);
  const last = toSeconds(dates.at(-1));
  return [dates[0], toIsoDate(last + Math.max(30 * 86_400, Math.round((last - first) / 12 / 86_400) * 86_400))];
}

/** The shares axis: from 0 to the power of ten above the largest holding, a grid line at each power. */
const toPowerOfTen = (_u, _min, max) => [0, 10 ** Math.ceil(Math.log10(Math.max(max ?? 0, 10)))];
function powersOfTen(_u, _axis, _min, max) {
  const splits = [0];
  for (let power = 1; power <= max; power *= 10) splits.push(power);
  return splits;
}

/** The person's figure at each date: that of the latest point on or before it (a step holds until the next). */
function stepValues(dates, points, field) {
  const values = [];
  let i = -1;
  for (const date of dates) {
    while (i + 1 < points.length && points[i + 1].date <= date) i++;
    values.push(i < 0 ? null : points[i][field]);
  }
  return values;
}

export function createCharts(sharesElement, percentElement, onPick) {
  let charts = [];
  let markers = [];
  let selected = null;

  new ResizeObserver(() => {
    for (const chart of charts) chart.setSize({ width: chart.root.parentElement.clientWidth, height: HEIGHT });
  }).observe(sharesElement);

  /** Filings as dashed lines; transactions as marks along the bottom (stacked when on one date); the selected date. */
  function drawOverlay(u) {
    const { ctx } = u;
    const { left, top, width, height } = u.bbox;
    const px = uPlot.pxRatio;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    const stacked = new Map();
    for (const marker of markers) {
      const x = Math.round(u.valToPos(toSeconds(marker.date), 'x', true));
      if (marker.kind === 'filing') {
        ctx.strokeStyle = '#5b6b8c';
        ctx.lineWidth = px;
        ctx.setLineDash([3 * px, 3 * px]);
        ctx.beginPath();
        ctx.moveTo(x, top);
        ctx.lineTo(x, top + height);
        ctx.stroke();
        continue;
      }
      const k = stacked.get(marker.date) ?? 0;
      stacked.set(marker.date, k + 1);
      const y = top + height - (6 + 10 * k) * px;
      const r = 4 * px;
      ctx.fillStyle = marker.shares > 0 ? '#1e8449' : marker.shares < 0 ? '#c0392b' : '#7f8c8d';
      ctx.beginPath();
      if (marker.shares) {
        const tip = marker.shares > 0 ? -r : r; // ▲ acquired, ▼ disposed of
        ctx.moveTo(x, y + tip);
        ctx.lineTo(x + r, y - tip);
        ctx.lineTo(x - r, y - tip);
      } else ctx.arc(x, y, r * 0.8, 0, 2 * Math.PI);
      ctx.fill();
    }
    if (selected !== null) {
      const x = Math.round(u.valToPos(toSeconds(selected), 'x', true));
      ctx.setLineDash([]);
      ctx.strokeStyle = '#111';
      ctx.lineWidth = 2 * px;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
    }
    ctx.restore();
  }

  function chart(element, yScale, yAxis, personSeries, extraSeries, data) {
    let downX = null;
    const u = new uPlot(
      {
        width: element.clientWidth || 600,
        height: HEIGHT,
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
        cursor: { sync: { key: 'timeline' } },
        scales: { x: { time: true }, y: yScale },
        axes: [{}, { size: 56, ...yAxis }],
        legend: { live: false },
        series: [{ label: 'Date', value: (_u, v) => (v == null ? '' : toIsoDate(v)) }, ...personSeries, ...extraSeries],
        hooks: { draw: [drawOverlay] },
      },
      data,
      element,
    );
    // A click (not the end of a drag to zoom) picks the date under the cursor.
    u.over.addEventListener('mousedown', (event) => (downX = event.clientX));
    u.over.addEventListener('click', (event) => {
      if (downX !== null && Math.abs(event.clientX - downX) < 3 && u.cursor.left >= 0)
        onPick(toIsoDate(u.posToVal(u.cursor.left, 'x')));
    });
    return u;
  }

  function personSeries(persons, format) {
    return persons.map((person, i) => ({
      label: person.name,
      stroke: COLORS[i % COLORS.length],
      width: 2,
      paths: uPlot.paths.stepped({ align: 1 }),
      points: { show: false },
      value: (_u, v) => (v == null ? 'unknown' : format(v)),
    }));
  }

  return {
    /** Draws a timeline response (replacing any chart shown). */
    show(timeline) {
      for (const old of charts) old.destroy();
      charts = [];
      markers = timeline.markers;
      sharesElement.textContent = percentElement.textContent = '';
      if (timeline.persons.length === 0 || timeline.dates.length === 0) {
        sharesElement.textContent = percentElement.textContent = 'No reporting person has figures known at this time.';
        return;
      }
      const dates = [...timeline.dates, dateSpan(timeline.dates)[1]];
      const x = dates.map(toSeconds);
      const shares = timeline.persons.map((p) => stepValues(dates, p.points, 'aggregate'));
      const percents = timeline.persons.map((p) => stepValues(dates, p.points, 'percentOfClass'));
      // arcsinh: a log-like scale that also takes zero, so 77 shares and 214 million both show.
      charts.push(
        chart(
          sharesElement,
          { distr: 4, range: toPowerOfTen },
          { splits: powersOfTen, values: (_u, splits) => splits.map((v) => (v == null ? '' : compact.format(v))) },
          personSeries(timeline.persons, (v) => whole.format(v)),
          [],
          [x, ...shares],
        ),
      );
      const threshold = {
        label: '5% of the class',
        stroke: '#c0392b',
        width: 1,
        dash: [6, 4],
        points: { show: false },
        value: () => '5%',
      };
      const percentRange = { range: (_u, _min, max) => [0, Math.max(10, Math.ceil((max ?? 0) / 10) * 10)] };
      charts.push(
        chart(
          percentElement,
          percentRange,
          { values: (_u, splits) => splits.map((v) => `${v}%`) },
          personSeries(timeline.persons, formatPercent),
          [threshold],
          [x, ...percents, x.map(() => 5)],
        ),
      );
    },
    /** Marks the date the tables show. */
    select(date) {
      selected = date;
      for (const u of charts) u.redraw(false, false);
    },
  };
}
