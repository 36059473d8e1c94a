// The status matrix as a horizontal stacked bar chart, drawn as inline SVG (one bar per agency).
import { h, svg } from './format.js';
import { t } from './i18n.js';

export const CHART_STATUSES = ['inProgressOnTime', 'inProgressOverdue', 'doneOnTime', 'doneLate'];

function niceStep(max) {
  const rough = Math.max(1, max) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? rough;
  return Math.max(1, Math.round(step));
}

/**
 * rows: [{ agency, name, counts: { inProgressOnTime, inProgressOverdue, doneOnTime, doneLate } }];
 * width: pixels available. The SVG is described by its title; the table next to it carries the same numbers.
 */
export function statusChart(rows, width, measuredLabel) {
  // Room for the longest agency code (measured once drawn; first a guess), but never most of the width.
  const longest = Math.max(4, ...rows.map((row) => row.agency.length));
  const labelWidth = Math.round(Math.min(width * 0.45, (measuredLabel ?? longest * 9) + 14));
  const right = 40;
  const top = 28;
  const rowHeight = 30;
  const barHeight = 20;
  const plotWidth = Math.max(80, width - labelWidth - right);
  const totals = rows.map((row) => CHART_STATUSES.reduce((sum, s) => sum + (row.counts[s] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const step = niceStep(max);
  const axisMax = Math.ceil(max / step) * step;
  const scale = (n) => (n / axisMax) * plotWidth;
  const height = top + rows.length * rowHeight + 8;

  const grid = [];
  for (let value = 0; value <= axisMax; value += step) {
    const x = labelWidth + scale(value);
    grid.push(svg('line', { class: 'grid', x1: x, x2: x, y1: top - 6, y2: height - 4 }));
    grid.push(svg('text', { class: 'tick', x, y: top - 12, 'text-anchor': 'middle' }, String(value)));
  }

  const bars = rows.map((row, index) => {
    const y = top + index * rowHeight + (rowHeight - barHeight) / 2;
    let x = labelWidth;
    const segments = [];
    for (const status of CHART_STATUSES) {
      const count = row.counts[status] ?? 0;
      if (count === 0) continue;
      const w = scale(count);
      const label = `${row.agency} — ${t(`status.${status}`)}: ${count}`;
      segments.push(
        svg('rect', { class: `seg seg-${status}`, x, y, width: Math.max(w, 1), height: barHeight, 'data-agency': row.agency, 'data-status': status, 'data-count': count }, svg('title', {}, label)),
      );
      if (w >= 18) segments.push(svg('text', { class: `seg-label seg-label-${status}`, x: x + w / 2, y: y + barHeight / 2, 'text-anchor': 'middle', 'dominant-baseline': 'central' }, String(count)));
      x += w;
    }
    return svg(
      'g',
      { class: 'bar', 'data-agency': row.agency },
      svg('text', { class: 'agency', x: labelWidth - 8, y: y + barHeight / 2, 'text-anchor': 'end', 'dominant-baseline': 'central' }, svg('title', {}, row.name ?? row.agency), row.agency),
      segments,
      svg('text', { class: 'total', x: x + 6, y: y + barHeight / 2, 'dominant-baseline': 'central' }, String(totals[index])),
    );
  });

  return svg(
    'svg',
    { class: 'chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'status-chart-title status-chart-desc' },
    svg('title', { id: 'status-chart-title' }, t('status.chart')),
    svg('desc', { id: 'status-chart-desc' }, t('status.chartDesc')),
    grid,
    bars,
  );
}

/** Draws the chart into `box`, then once more if the agency codes turned out wider than guessed. */
export function drawStatusChart(box, rows, width) {
  box.replaceChildren(statusChart(rows, width));
  const labels = [...box.querySelectorAll('text.agency')];
  const widest = Math.ceil(Math.max(0, ...labels.map((label) => label.getBBox().width)));
  const guessed = Math.max(4, ...rows.map((row) => row.agency.length)) * 9;
  if (widest > guessed) box.replaceChildren(statusChart(rows, width, widest));
}

export function chartLegend() {
  return h(
    'ul',
    { class: 'legend' },
    CHART_STATUSES.map((status) => h('li', {}, h('span', { class: `swatch seg-${status}` }), t(`status.${status}`))),
  );
}
