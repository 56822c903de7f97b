// The Corridors web map: wires the controls, the URL state, the API and the map together.
import { api, ApiError } from '/api.js';
import { CorridorMap, legendItems, routeColours } from '/map.js';
import { reliabilityChart } from '/chart.js';
import * as urlState from '/state.js';

const $ = id => document.getElementById(id);
const state = urlState.read();
const page = { network: null, summary: null, baseline: null, routes: [], sanctioned: new Set(), caspianBaseline: null };
const fmt = (v, digits = 0) => (v == null || Number.isNaN(v) ? '–' : Number(v).toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

function status(text) { $('status').textContent = text; }

function save() { urlState.write(state); }

// ---- Scenario --------------------------------------------------------------------------------------------------

/** The scenario of the current controls: null for the baseline, or a preset's name (the API takes presets only). */
function scenario() {
  return state.preset || null;
}

const scenarioTitle = s => s;

function withScenario(body) {
  const s = scenario();
  return s ? { ...body, scenario: s } : body;
}

// ---- Network ---------------------------------------------------------------------------------------------------

async function loadNetwork() {
  status('Loading the network…');
  const year = state.year || undefined;
  const [summary, geojson] = await Promise.all([api.network(year), api.networkGeoJson(year, scenario() ?? undefined)]);
  page.summary = summary;
  page.sanctioned = new Set(summary.sanctioned ?? []);
  page.network = geojson;
  map.setNetwork(geojson);
  const names = geojson.features.filter(f => f.properties.feature === 'node')
    .map(f => ({ name: f.properties.name, country: f.properties.country, kind: f.properties.kind }))
    .sort((a, b) => a.name.localeCompare(b.name));
  $('places').replaceChildren(...names.map(n => Object.assign(document.createElement('option'), { value: n.name, label: `${n.name} (${n.country}, ${n.kind})` })));
  renderComing(summary);
  status(`${summary.year}: ${summary.nodes} places, ${summary.legs} legs, ${summary.countries.length} countries`);
}

function renderComing(summary) {
  const coming = summary.notYetOpen ?? [];
  $('coming').innerHTML = coming.length === 0 ? '' : `<h3>Not yet open in ${summary.year}</h3><table><thead><tr><th>Leg</th><th>Status</th><th class="num">Opens</th></tr></thead><tbody>${
    coming.map(c => `<tr><td>${esc(legName(c.id))}</td><td>${esc(c.status)}</td><td class="num">${c.openYear ?? '–'}</td></tr>`).join('')}</tbody></table>`;
}

function nodeName(id) { return map.nodeFeatures?.get(id)?.properties.name ?? id; }

function legName(id) {
  const f = map.legFeatures.get(id);
  return f ? `${nodeName(f.properties.from)} – ${nodeName(f.properties.to)}` : id;
}

function describe(feature) {
  const p = feature.properties;
  if (p.feature === 'node') {
    const rows = [
      ['Country', p.country + (page.sanctioned.has(p.country) ? ' <span class="flag">sanctioned</span>' : '')],
      ['Kind', p.kind], ['Status', p.status],
      p.gauges && ['Gauges', `${p.gauges.split(';').join(', ')} mm`],
      p.dwellHours != null && [`Dwell (${page.network.properties.serviceLevel})`, `${fmt(p.dwellHours, 1)} h`],
      p.rollDwellHours != null && ['Roll-through dwell', `${fmt(p.rollDwellHours, 1)} h`],
      p.handlingTeuPerYear != null && ['Capacity', `${fmt(p.handlingTeuPerYear)} TEU/year`],
      p.handlingMtPerYear != null && ['Capacity', `${fmt(p.handlingMtPerYear, 1)} Mt/year`],
      p.depthM != null && ['Depth', `${fmt(p.depthM, 1)} m`],
      ['Source', esc(p.source)],
    ].filter(Boolean);
    return `<h3>${esc(p.name)}</h3><table>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>`;
  }
  if (p.feature === 'leg' || p.feature === 'route' || p.feature === 'utilisation') {
    const leg = map.legFeatures.get(p.leg ?? p.id ?? feature.id)?.properties ?? p;
    const rows = [
      ['Mode', leg.mode + (leg.gaugeMm ? `, ${fmt(leg.gaugeMm)} mm` : '')],
      ['Length', `${fmt(leg.distanceKm)} km`], ['Running time', `${fmt(leg.hours, 1)} h`],
      ['Countries', (leg.countries ?? '').split(';').map(c => c + (page.sanctioned.has(c) ? ' (sanctioned)' : '')).join(', ')],
      leg.passages && ['Passages', leg.passages.split(';').join(', ')],
      ['Status', leg.status + (leg.openYear ? ` (opens ${leg.openYear})` : '')],
      p.utilisation != null && ['Utilisation', `${fmt(p.utilisation * 100)} % of ${fmt(p.capacityTeu)} TEU/year`],
      ['Source', esc(leg.source)],
    ].filter(Boolean);
    const id = p.leg ?? p.id ?? feature.id;
    return `<h3>${esc(legName(id))}</h3><table>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>`;
  }
  return '';
}

// ---- Route -----------------------------------------------------------------------------------------------------

function routeBody() {
  const body = {
    from: state.from, to: state.to, serviceLevel: state.service, by: state.by,
    avoidCountries: state.avoid, avoidPassages: state.avoidPassages,
  };
  if (state.year) body.year = Number(state.year);
  if (state.depart) body.depart = state.depart;
  if (state.container === 'feu') body.feu = 1; else body.teu = 1;
  return body;
}

function showErrors(target, error) {
  const lines = error instanceof ApiError ? error.lines : [String(error.message ?? error)];
  target.innerHTML = `<ul>${lines.map(l => `<li>${esc(l)}</li>`).join('')}</ul>`;
}

async function planRoute() {
  $('route-errors').textContent = '';
  if (!state.from || !state.to) {
    const missing = [!state.from && 'from: give the origin.', !state.to && 'to: give the destination.'].filter(Boolean);
    $('route-errors').innerHTML = `<ul>${missing.map(m => `<li>${m}</li>`).join('')}</ul>`;
    return;
  }
  const button = $('plan');
  button.disabled = true;
  status('Planning…');
  try {
    const body = routeBody();
    const active = scenario();
    const [result, baseline] = await Promise.all([
      api.compare(withScenario(body)),
      active ? api.compare(body) : Promise.resolve(null),
    ]);
    // Best first by the objective asked, as the CLI ranks them; each corridor keeps its colour on the map.
    const key = { time: r => r.totals.days, cost: r => r.totals.costUsd, co2: r => r.totals.co2eKg }[state.by] ?? (() => 0);
    page.routes = [...result.routes].sort((a, b) => key(a) - key(b)).map((r, i) => ({ ...r, colour: routeColours[i % routeColours.length] }));
    page.baseline = baseline;
    page.excluded = result.excluded ?? [];
    page.result = result;
    if (state.alt >= page.routes.length) state.alt = 0;
    renderAlternatives();
    map.setRoutes(page.routes, state.alt);
    map.fitTo(page.routes);
    $('alternatives').scrollIntoView({ block: 'start' });
    status(`${page.routes.length} corridors from ${result.query.from.name} to ${result.query.to.name}${active ? ` under ${scenarioTitle(active)}` : ''}`);
    await runReliability(body);
  } catch (error) {
    showErrors($('route-errors'), error);
    page.routes = [];
    map.setRoutes([], 0);
    renderAlternatives();
    status('');
  } finally {
    button.disabled = false;
  }
}

function baselineOf(route) {
  return page.baseline?.routes.find(b => b.corridor === route.corridor) ?? null;
}

function delta(now, before, digits, unit) {
  if (before == null) return '';
  const d = now - before;
  if (Math.abs(d) < 10 ** -digits / 2) return '<br><small>±0</small>';
  return `<br><small class="${d > 0 ? 'delta-up' : 'delta-down'}">${d > 0 ? '+' : '−'}${fmt(Math.abs(d), digits)}${unit}</small>`;
}

function renderAlternatives() {
  const routes = page.routes;
  const hasBaseline = !!page.baseline;
  if (routes.length === 0) {
    $('alternatives').innerHTML = page.result?.reason ? `<p class="errors">${esc(page.result.reason)}</p>` : '';
    $('legs').innerHTML = '';
    $('reliability').replaceChildren();
    return;
  }
  const bestDays = Math.min(...routes.map(r => r.totals.days));
  const bestCost = Math.min(...routes.map(r => r.totals.costUsd));
  const rows = routes.map((r, i) => {
    const b = baselineOf(r);
    const sanctioned = r.countries.filter(c => page.sanctioned.has(c));
    return `<tr class="alt${i === state.alt ? ' selected' : ''}" data-index="${i}" tabindex="0" aria-selected="${i === state.alt}">
      <td><span class="swatch" style="background:${r.colour}"></span>${esc(r.corridor)}${sanctioned.length ? ` <span class="flag" title="crosses sanctioned ${sanctioned.join(', ')}">⚠ ${sanctioned.join(',')}</span>` : ''}</td>
      <td class="num">${r.totals.days === bestDays ? '<strong>' : ''}${fmt(r.totals.days, 1)}${r.totals.days === bestDays ? '</strong>' : ''}${b ? delta(r.totals.days, b.totals.days, 1, ' d') : ''}</td>
      <td class="num">${r.costIsLowerBound ? '≥' : ''}${r.totals.costUsd === bestCost ? '<strong>' : ''}${fmt(r.totals.costUsd)}${r.totals.costUsd === bestCost ? '</strong>' : ''}${b ? delta(r.totals.costUsd, b.totals.costUsd, 0, '') : ''}</td>
      <td class="num">${fmt(r.totals.co2eKg)}</td>
      <td class="num">${r.totals.borders}</td></tr>`;
  }).join('');
  const gone = hasBaseline ? page.baseline.routes.filter(b => !routes.some(r => r.corridor === b.corridor)) : [];
  const excluded = [...(page.excluded ?? []).map(x => `${esc(x.corridor)}: ${esc(x.reason)}`), ...gone.map(g => `${esc(g.corridor)}: not available in this scenario`)];
  $('alternatives').innerHTML = `<h3>Corridors, best first by ${esc(state.by)}${hasBaseline ? ' (change against the baseline)' : ''}</h3>
    <table id="alternatives-table"><thead><tr><th>Corridor</th><th class="num">Days</th><th class="num">USD</th><th class="num">kg CO2e</th><th class="num">Borders</th></tr></thead><tbody>${rows}</tbody></table>
    ${excluded.length ? `<p class="unavailable">Not shown: ${excluded.join('; ')}</p>` : ''}`;
  for (const tr of $('alternatives').querySelectorAll('tr.alt')) {
    const pick = () => { state.alt = Number(tr.dataset.index); save(); renderAlternatives(); map.setRoutes(page.routes, state.alt); };
    tr.addEventListener('click', pick);
    tr.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pick(); } });
  }
  renderLegs(routes[state.alt]);
}

function renderLegs(route) {
  const rows = route.legs.map(l => {
    const hours = l.hours + l.waitHours + l.dwellHours;
    const flagged = l.countries.filter(c => page.sanctioned.has(c));
    return `<tr><td>${esc(l.from.name)} → ${esc(l.to.name)}</td><td>${esc(l.mode)}</td><td class="num">${fmt(hours / 24, 1)}</td>
      <td class="num">${l.priced ? fmt(l.costUsd) : '?'}</td><td class="num">${fmt(l.co2eKg)}</td>
      <td>${l.countries.map(c => (flagged.includes(c) ? `<span class="flag" title="sanctioned">${c}</span>` : c)).join(' ')}</td></tr>`;
  }).join('');
  $('legs').innerHTML = `<h3>${esc(route.corridor)}: leg by leg</h3>
    <table id="legs-table"><thead><tr><th>Leg</th><th>Mode</th><th class="num">Days</th><th class="num">USD</th><th class="num">kg CO2e</th><th>Countries</th></tr></thead><tbody>${rows}</tbody></table>
    <p class="help">Days include waiting and dwell; "?" marks a leg with no known tariff (the total is then a lower bound). Sanctioned countries in red.</p>`;
}

async function runReliability(body) {
  const figure = $('reliability');
  figure.replaceChildren();
  const request = withScenario({ ...body, samples: 2000, seed: 42 });
  if (state.deadline) request.deadline = state.deadline;
  try {
    const result = await api.reliability(request);
    const colourOf = corridor => page.routes.find(r => r.corridor === corridor)?.colour ?? '#555';
    const routes = result.routes.map(r => ({ ...r, colour: colourOf(r.corridor) }));
    const depart = Date.parse(result.query.depart);
    const deadlineDays = result.deadline ? (Date.parse(result.deadline) - depart) / 86400000 : null;
    const caption = document.createElement('figcaption');
    caption.className = 'help';
    caption.textContent = `Reliability: ${result.samples.toLocaleString('en-GB')} simulated trips per corridor, seed ${result.seed}; box P10–P90, line P50, whisker to P95.`;
    const table = document.createElement('table');
    table.id = 'reliability-table';
    table.innerHTML = `<thead><tr><th>Corridor</th><th class="num">P50</th><th class="num">P90</th>${deadlineDays != null ? '<th class="num">On time</th>' : ''}</tr></thead><tbody>${
      routes.map(r => `<tr><td><span class="swatch" style="background:${r.colour}"></span>${esc(r.corridor)}</td><td class="num">${fmt(r.p50Days, 1)}</td><td class="num">${fmt(r.p90Days, 1)}</td>${
        deadlineDays != null ? `<td class="num">${fmt((r.onTimeProbability ?? 0) * 100)} %</td>` : ''}</tr>`).join('')}</tbody>`;
    figure.replaceChildren(reliabilityChart(routes, deadlineDays), caption, table);
  } catch (error) {
    const p = document.createElement('p');
    p.className = 'errors';
    p.textContent = `Reliability: ${error instanceof ApiError ? error.lines.join('; ') : error.message}`;
    figure.replaceChildren(p);
  }
}

// ---- Caspian, capacity and leverage ----------------------------------------------------------------------------

async function refreshCaspian() {
  const target = $('caspian');
  const level = state.level === '' ? null : Number(state.level);
  $('level-value').textContent = level == null ? '(as in the data)' : `${level.toFixed(2)} m`;
  try {
    const body = { seed: 42, days: 365 };
    if (state.year) body.year = Number(state.year);
    if (level != null) body.level = level;
    const result = await api.caspian(body, scenario());
    target.innerHTML = `<table id="caspian-table"><thead><tr><th>Caspian crossing</th><th class="num">Value</th></tr></thead><tbody>
      <tr><td>Sea level</td><td class="num">${fmt(result.seaLevelM, 2)} m</td></tr>
      <tr><td>Throughput</td><td class="num">${fmt(result.throughputTeu)} TEU</td></tr>
      <tr><td>Mean wait</td><td class="num">${fmt(result.meanWaitHours, 1)} h</td></tr>
      <tr><td>P90 wait</td><td class="num">${fmt(result.p90WaitHours, 1)} h</td></tr>
      <tr><td>Backlog at year end</td><td class="num">${fmt(result.backlogTeu)} TEU</td></tr>
      <tr><td>Payload left (mean of vessels)</td><td class="num">${fmt(mean(Object.values(result.payloadFactor ?? {}).map(Number)) * 100)} %</td></tr></tbody></table>`;
  } catch (error) {
    showErrors(target, error);
  }
}

const mean = xs => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

async function runCapacity() {
  $('bottlenecks').textContent = 'Assigning…';
  try {
    const year = state.year ? Number(state.year) : undefined;
    const [assigned, bypass] = await Promise.all([
      api.assign({ demand: String(Math.min(year ?? 2024, 2024)), year }, scenario()),
      api.bypass({ year, fromRegion: state.fromRegion, toRegion: state.toRegion, avoid: ['RU'] }, scenario()),
    ]);
    map.setUtilisation(assigned.legs.filter(l => l.capacityTeu > 0));
    const cut = (bypass.minCut ?? []).slice(0, 4).map(c => `${esc(nodeName(c.from))} – ${esc(nodeName(c.to))} (${fmt(c.capacityTeu)})`).join(', ');
    $('bypass').innerHTML = bypass.maxFlowTeu == null
      ? `Around Russia, ${esc(state.fromRegion)} → ${esc(state.toRegion)}: <strong id="bypass-teu">unbounded</strong><br><small>a path without any sourced capacity joins the regions</small>`
      : `Around Russia, ${esc(state.fromRegion)} → ${esc(state.toRegion)}: <strong id="bypass-teu">${fmt(bypass.maxFlowTeu)}</strong> TEU/year<br><small>capped by ${cut}</small>`;
    const top = [...assigned.legs].sort((a, b) => b.utilisation - a.utilisation).slice(0, 10);
    $('bottlenecks').innerHTML = `<h3>Top bottlenecks</h3><table id="bottlenecks-table"><thead><tr><th>Element</th><th class="num">Flow TEU</th><th class="num">Capacity</th><th class="num">Use</th></tr></thead><tbody>${
      top.map(l => `<tr><td>${esc(nodeName(l.from))} – ${esc(nodeName(l.to))}</td><td class="num">${fmt(l.flowTeu)}</td><td class="num">${fmt(l.capacityTeu)}</td><td class="num">${fmt(l.utilisation * 100)} %</td></tr>`).join('')}</tbody></table>
      <p class="help">${esc(assigned.method)}, relative gap ${Number(assigned.relativeGap).toExponential(1)}, unserved ${fmt(assigned.unservedTeu)} TEU.</p>`;
  } catch (error) {
    showErrors($('bottlenecks'), error);
  }
}

async function runLeverage() {
  $('leverage').textContent = 'Computing…';
  try {
    const body = { fromRegion: state.fromRegion, toRegion: state.toRegion };
    if (state.year) body.year = Number(state.year);
    const result = await api.leverage(body, scenario());
    const countries = [...result.countries].sort((a, b) => b.share - a.share);
    // With no sourced capacity on some path between the regions the maximum flow is unbounded: no country's closing
    // can be measured against it, and the page says so rather than shading zeros.
    const unbounded = result.maxFlowTeu == null
      ? `<p class="unavailable">The maximum flow ${esc(result.fromRegion)} → ${esc(result.toRegion)} is unbounded in ${result.year}: a path without any sourced capacity joins the regions, so shares cannot be measured. Try a scenario (Russia closed).</p>`
      : `<p class="help">Maximum flow ${esc(result.fromRegion)} → ${esc(result.toRegion)} in ${result.year}: ${fmt(result.maxFlowTeu)} TEU/year.</p>`;
    page.leverageShares = new Map(countries.map(c => [c.code, c.share]));
    map.setLeverage(page.leverageShares);
    $('leverage').innerHTML = unbounded + `<table id="leverage-table"><thead><tr><th>Country</th><th class="num">TEU/year it could stop</th><th class="num">Share</th></tr></thead><tbody>${
      countries.map(c => `<tr><td>${esc(c.code)}${page.sanctioned.has(c.code) ? ' <span class="flag">sanctioned</span>' : ''}</td><td class="num">${fmt(c.maxFlowLossTeu)}</td><td class="num">${fmt(c.share * 100)} %</td></tr>`).join('')}</tbody></table>`;
  } catch (error) {
    showErrors($('leverage'), error);
  }
}

// ---- Controls --------------------------------------------------------------------------------------------------

function selectTab(view) {
  state.view = view;
  for (const tab of document.querySelectorAll('[role=tab]')) {
    const selected = tab.id === `tab-${view}`;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    $(tab.getAttribute('aria-controls')).hidden = !selected;
  }
  map.setLeverage(view === 'leverage' ? page.leverageShares ?? new Map() : null);
  map.map.setLayoutProperty('utilisation', 'visibility', view === 'capacity' ? 'visible' : 'none');
  save();
}

function bindControls() {
  const years = [];
  for (let y = 2020; y <= 2035; y++) years.push(y);
  $('year').replaceChildren(...years.map(y => Object.assign(document.createElement('option'), { value: String(y), textContent: String(y) })));
  $('year').value = state.year || String(new Date().getUTCFullYear());
  $('level').value = state.level === '' ? '-29.25' : state.level;
  for (const [id, key] of [['from', 'from'], ['to', 'to'], ['service', 'service'], ['container', 'container'], ['by', 'by'], ['depart', 'depart'], ['deadline', 'deadline']]) {
    $(id).value = state[key];
  }
  $('avoid').value = state.avoid.join(', ');
  $('avoid-passages').value = state.avoidPassages.join(', ');
  for (const radio of document.querySelectorAll('input[name=preset]')) radio.checked = radio.value === state.preset;

  $('route-form').addEventListener('submit', e => {
    e.preventDefault();
    Object.assign(state, {
      from: $('from').value.trim(), to: $('to').value.trim(), service: $('service').value, container: $('container').value,
      by: $('by').value, depart: $('depart').value, deadline: $('deadline').value,
      avoid: urlState.splitList($('avoid').value).map(s => s.toUpperCase()), avoidPassages: urlState.splitList($('avoid-passages').value), alt: 0,
    });
    save();
    planRoute();
  });
  $('year').addEventListener('change', async () => {
    state.year = $('year').value;
    save();
    await loadNetwork();
    await scenarioChanged();
  });
  for (const radio of document.querySelectorAll('input[name=preset]')) {
    radio.addEventListener('change', () => {
      state.preset = document.querySelector('input[name=preset]:checked')?.value ?? '';
      save();
      scenarioChanged();
    });
  }
  $('level-reset').addEventListener('click', () => {
    state.level = '';
    $('level').value = '-29.25';
    save();
    scenarioChanged('level');
  });
  let timer;
  $('level').addEventListener('input', () => {
    state.level = $('level').value;
    $('level-value').textContent = `${Number(state.level).toFixed(2)} m`;
    clearTimeout(timer);
    timer = setTimeout(() => { save(); scenarioChanged('level'); }, 250);
  });
  const tabs = [...document.querySelectorAll('[role=tab]')];
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => selectTab(tab.id.replace('tab-', '')));
    tab.addEventListener('keydown', e => {
      const next = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      if (!next) return;
      const target = tabs[(i + next + tabs.length) % tabs.length];
      target.focus();
      selectTab(target.id.replace('tab-', ''));
    });
  });
  $('run-capacity').addEventListener('click', runCapacity);
  $('run-leverage').addEventListener('click', () => {
    state.fromRegion = $('from-region').value.trim().toUpperCase();
    state.toRegion = $('to-region').value.trim().toUpperCase();
    save();
    runLeverage();
  });
  $('legend').innerHTML = '<h3>Legend</h3>' + legendItems.map(i => `<div><span class="line${i.dashed ? ' dash' : ''}" style="border-top-color:${i.colour}"></span>${i.label}</div>`).join('')
    + '<div><span class="dot" style="background:#0077b6"></span>Seaport</div><div><span class="dot" style="background:#c62828"></span>Border crossing or gauge change</div><div><span class="dot" style="background:#2e7d32"></span>Terminal</div>';
}

async function scenarioChanged(what = 'all') {
  const jobs = [refreshCaspian()];
  // The Caspian level drives the crossing's simulation; routes follow the preset (and the year).
  if (what !== 'level' && state.from && state.to) jobs.push(planRoute());
  if (state.view === 'leverage' && $('leverage').innerHTML) jobs.push(runLeverage());
  await Promise.all(jobs);
}

const map = new CorridorMap($('map'), {
  onSelect: (feature, lngLat) => {
    const html = describe(feature);
    map.popup(lngLat, html);
    $('details').innerHTML = html;
  },
});

bindControls();
await map.init();
try {
  await loadNetwork();
} catch (error) {
  status(`The network could not be loaded: ${error instanceof ApiError ? error.lines.join('; ') : error.message}`);
}
selectTab(state.view);
document.body.dataset.ready = 'true';
await scenarioChanged();
