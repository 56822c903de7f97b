// The reliability chart: per corridor its simulated door-to-door days (histogram, P10–P90 box, P50 tick, P95
// whisker) on one axis, with the deadline. Plain SVG, no library.

const svgNs = 'http://www.w3.org/2000/svg';
const el = (name, attrs = {}, text) => {
  const node = document.createElementNS(svgNs, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
};

/**
 * @param routes [{ corridor, colour, p10Days, p50Days, p90Days, p95Days, meanDays, onTimeProbability, histogram }]
 * @param deadlineDays days from departure to the deadline, or null
 */
export function reliabilityChart(routes, deadlineDays) {
  const width = 400, rowHeight = 34, left = 118, right = 14, top = 10, axis = 26;
  const height = top + routes.length * rowHeight + axis;
  const lows = routes.map(r => Math.min(r.p10Days, ...r.histogram.map(b => b.fromDays)));
  const highs = routes.map(r => Math.max(r.p95Days, ...r.histogram.map(b => b.toDays)));
  let min = Math.floor(Math.min(...lows, deadlineDays ?? Infinity) - 1);
  let max = Math.ceil(Math.max(...highs, deadlineDays ?? -Infinity) + 1);
  if (!(max > min)) { min = 0; max = 1; }
  const x = d => left + (d - min) / (max - min) * (width - left - right);
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Simulated door-to-door days per corridor' });
  svg.append(el('title', {}, 'Simulated door-to-door days per corridor: P10–P90 box, P50 line, P95 whisker'));

  const step = niceStep((max - min) / 6);
  for (let d = Math.ceil(min / step) * step; d <= max; d += step) {
    svg.append(el('line', { x1: x(d), x2: x(d), y1: top, y2: height - axis, stroke: '#e3e7eb' }));
    svg.append(el('text', { x: x(d), y: height - axis + 14, 'text-anchor': 'middle', 'font-size': 10, fill: '#4b5560' }, String(d)));
  }
  svg.append(el('text', { x: (left + width - right) / 2, y: height - 2, 'text-anchor': 'middle', 'font-size': 10, fill: '#4b5560' }, 'days door to door'));

  routes.forEach((r, i) => {
    const y0 = top + i * rowHeight;
    const mid = y0 + rowHeight / 2;
    const g = el('g', { 'data-corridor': r.corridor });
    g.append(el('text', { x: left - 6, y: mid + 3, 'text-anchor': 'end', 'font-size': 10.5, fill: '#1a1f24' }, shorten(r.corridor, 20)));
    const peak = Math.max(1, ...r.histogram.map(b => b.count));
    for (const b of r.histogram) {
      const h = (b.count / peak) * (rowHeight - 8);
      g.append(el('rect', { x: x(b.fromDays), y: y0 + rowHeight - 4 - h, width: Math.max(0.5, x(b.toDays) - x(b.fromDays)), height: h, fill: r.colour, opacity: 0.18 }));
    }
    g.append(el('line', { x1: x(r.p10Days), x2: x(r.p95Days), y1: mid, y2: mid, stroke: r.colour, 'stroke-width': 1.5 }));
    g.append(el('rect', { x: x(r.p10Days), y: mid - 6, width: Math.max(1, x(r.p90Days) - x(r.p10Days)), height: 12, fill: r.colour, opacity: 0.55 }));
    g.append(el('line', { x1: x(r.p50Days), x2: x(r.p50Days), y1: mid - 8, y2: mid + 8, stroke: '#111', 'stroke-width': 2 }));
    g.append(el('title', {}, `${r.corridor}: P10 ${r.p10Days.toFixed(1)}, P50 ${r.p50Days.toFixed(1)}, P90 ${r.p90Days.toFixed(1)}, P95 ${r.p95Days.toFixed(1)} days`
      + (r.onTimeProbability != null ? `; on time ${(r.onTimeProbability * 100).toFixed(0)} %` : '')));
    svg.append(g);
  });

  if (deadlineDays != null) {
    svg.append(el('line', { x1: x(deadlineDays), x2: x(deadlineDays), y1: top - 4, y2: height - axis, stroke: '#a4161a', 'stroke-width': 1.5, 'stroke-dasharray': '4 3' }));
    svg.append(el('text', { x: x(deadlineDays) + 3, y: top + 4, 'font-size': 10, fill: '#a4161a' }, 'deadline'));
  }
  return svg;
}

function niceStep(raw) {
  const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  for (const m of [1, 2, 5, 10]) if (raw <= m * p) return m * p;
  return 10 * p;
}

const shorten = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
