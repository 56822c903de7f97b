// The map: Natural Earth countries (world-atlas, bundled), the corridor network by mode, gauge and status, the
// planned routes, utilisation heat and leverage shading. No tiles, no glyphs, nothing fetched from another host.
import * as maplibregl from '/vendor/maplibre-gl.mjs';
import { isoAlpha2 } from '/countries.js';

export const routeColours = ['#1f5fbf', '#d1495b', '#2a9d5b', '#8e44ad', '#e08e0b', '#00838f', '#6d4c41', '#c2185b'];

const gaugeColour = ['match', ['coalesce', ['get', 'gaugeMm'], 0], 1520, '#b3261e', 1435, '#283593', 1668, '#6a1b9a', 1067, '#558b2f', '#5d4037'];
const modeColour = ['match', ['get', 'mode'],
  'rail', gaugeColour,
  'ferry', '#0077b6', 'feeder', '#0096c7', 'ocean', '#7393a7', 'road', '#a1887f', 'inland-waterway', '#00897b', '#555'];

export const legendItems = [
  { label: 'Rail, 1,520 mm (broad)', colour: '#b3261e' },
  { label: 'Rail, 1,435 mm (standard)', colour: '#283593' },
  { label: 'Rail, 1,668 mm (Iberian)', colour: '#6a1b9a' },
  { label: 'Caspian / Black Sea ferry', colour: '#0077b6' },
  { label: 'Feeder', colour: '#0096c7' },
  { label: 'Ocean (sea lanes)', colour: '#7393a7' },
  { label: 'Road', colour: '#a1887f' },
  { label: 'Planned or under construction', colour: '#555', dashed: true },
];

const kindColour = ['match', ['get', 'kind'], 'seaport', '#0077b6', 'border', '#c62828', 'gauge-change', '#c62828', '#2e7d32'];

/** Makes longitudes continuous along each ring, so countries across the antimeridian draw without streaks. */
function unwrapRing(ring) {
  const out = [ring[0].slice()];
  for (let i = 1; i < ring.length; i++) {
    let [lon, lat] = ring[i];
    const prev = out[i - 1][0];
    while (lon - prev > 180) lon -= 360;
    while (lon - prev < -180) lon += 360;
    out.push([lon, lat]);
  }
  return out;
}

function unwrap(geometry) {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: geometry.coordinates.map(p => p.map(unwrapRing)) };
  return geometry;
}

export async function countriesGeoJson() {
  const response = await fetch('/vendor/countries-50m.json');
  const topo = await response.json();
  const collection = globalThis.topojson.feature(topo, topo.objects.countries);
  collection.features = collection.features
    .filter(f => f.id !== '010' && f.geometry) // Antarctica carries no corridor
    .map(f => ({ ...f, geometry: unwrap(f.geometry), properties: { ...f.properties, iso: isoAlpha2[f.id] ?? '', share: 0 } }));
  return collection;
}

export class CorridorMap {
  constructor(container, { onSelect } = {}) {
    this.onSelect = onSelect;
    this.legFeatures = new Map();
    this.map = new maplibregl.Map({
      container,
      style: { version: 8, sources: {}, layers: [{ id: 'sea', type: 'background', paint: { 'background-color': '#d4e6f1' } }] },
      center: [55, 42],
      zoom: 2.6,
      minZoom: 1.5,
      maxZoom: 10,
      attributionControl: { compact: true, customAttribution: 'Natural Earth · corridor data: see sources' },
      renderWorldCopies: true,
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl(), 'bottom-left');
    this.ready = new Promise(resolve => this.map.on('load', resolve));
  }

  async init() {
    await this.ready;
    const countries = await countriesGeoJson();
    this.countries = countries;
    const m = this.map;
    m.addSource('countries', { type: 'geojson', data: countries });
    m.addLayer({ id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#f7f4ee' } });
    m.addLayer({
      id: 'leverage', type: 'fill', source: 'countries', layout: { visibility: 'none' },
      paint: { 'fill-color': ['interpolate', ['linear'], ['get', 'share'], 0, '#f7f4ee', 0.05, '#fde0c5', 0.25, '#f59e60', 0.5, '#d9480f', 1, '#7f1d1d'], 'fill-opacity': 0.9 },
    });
    m.addLayer({ id: 'borders', type: 'line', source: 'countries', paint: { 'line-color': '#a8a29a', 'line-width': 0.6 } });

    const empty = { type: 'FeatureCollection', features: [] };
    m.addSource('network', { type: 'geojson', data: empty });
    m.addLayer({ id: 'legs', type: 'line', source: 'network', filter: ['all', ['==', ['get', 'feature'], 'leg'], ['==', ['get', 'active'], true]],
      layout: { 'line-cap': 'round' }, paint: { 'line-color': modeColour, 'line-width': ['match', ['get', 'mode'], 'ocean', 1, 1.6], 'line-opacity': 0.75 } });
    m.addLayer({ id: 'legs-coming', type: 'line', source: 'network', filter: ['all', ['==', ['get', 'feature'], 'leg'], ['==', ['get', 'active'], false]],
      paint: { 'line-color': modeColour, 'line-width': 1.6, 'line-dasharray': [2, 2], 'line-opacity': 0.8 } });

    m.addSource('capacity', { type: 'geojson', data: empty });
    m.addLayer({ id: 'utilisation', type: 'line', source: 'capacity', layout: { 'line-cap': 'round' },
      paint: { 'line-color': ['interpolate', ['linear'], ['get', 'utilisation'], 0, '#fee8c8', 0.5, '#fdbb84', 0.8, '#e34a33', 1, '#7f0000'],
        'line-width': ['interpolate', ['linear'], ['get', 'utilisation'], 0, 2, 1, 7] } });

    m.addSource('routes', { type: 'geojson', data: empty });
    m.addLayer({ id: 'route-casing', type: 'line', source: 'routes', layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': ['case', ['get', 'selected'], 9, 6] } });
    m.addLayer({ id: 'route', type: 'line', source: 'routes', layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': ['get', 'colour'], 'line-width': ['case', ['get', 'selected'], 5, 3] } });

    m.addLayer({ id: 'nodes', type: 'circle', source: 'network', filter: ['==', ['get', 'feature'], 'node'],
      paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 2, 2, 6, 5], 'circle-color': kindColour, 'circle-stroke-color': '#fff', 'circle-stroke-width': 0.8 } });

    for (const layer of ['nodes', 'legs', 'legs-coming', 'route', 'utilisation']) {
      m.on('click', layer, e => this.onSelect?.(e.features[0], e.lngLat));
      m.on('mouseenter', layer, () => { m.getCanvas().style.cursor = 'pointer'; });
      m.on('mouseleave', layer, () => { m.getCanvas().style.cursor = ''; });
    }
  }

  setNetwork(geojson) {
    this.network = geojson;
    this.legFeatures = new Map(geojson.features.filter(f => f.properties.feature === 'leg').map(f => [f.id, f]));
    this.nodeFeatures = new Map(geojson.features.filter(f => f.properties.feature === 'node').map(f => [f.id, f]));
    this.map.getSource('network').setData(geojson);
  }

  /** Draws routes (each a list of leg ids with a colour); the selected one on top and wider. */
  setRoutes(routes, selected) {
    const features = [];
    routes.forEach((route, index) => {
      for (const leg of route.legs) {
        const f = this.legFeatures.get(leg.leg);
        const coordinates = f ? f.geometry.coordinates : this.lineBetween(leg.from.id, leg.to.id);
        if (!coordinates) continue;
        features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates },
          properties: { feature: 'route', route: index, corridor: route.corridor, colour: route.colour, selected: index === selected, leg: leg.leg } });
      }
    });
    features.sort((a, b) => Number(a.properties.selected) - Number(b.properties.selected));
    this.map.getSource('routes').setData({ type: 'FeatureCollection', features });
    // How many routes are on the map (read by the browser tests and by anyone inspecting the page).
    document.body.dataset.routesDrawn = String(new Set(features.map(f => f.properties.route)).size);
  }

  lineBetween(from, to) {
    const a = this.nodeFeatures?.get(from);
    const b = this.nodeFeatures?.get(to);
    return a && b ? [a.geometry.coordinates, b.geometry.coordinates] : null;
  }

  setUtilisation(legs) {
    const features = legs.map(l => {
      const f = this.legFeatures.get(l.id);
      const coordinates = f ? f.geometry.coordinates : this.lineBetween(l.from, l.to);
      return coordinates && { type: 'Feature', geometry: { type: 'LineString', coordinates }, properties: { feature: 'utilisation', ...l } };
    }).filter(Boolean);
    this.map.getSource('capacity').setData({ type: 'FeatureCollection', features });
  }

  setLeverage(shares) {
    if (!this.countries) return;
    for (const f of this.countries.features) f.properties.share = shares?.get(f.properties.iso) ?? 0;
    this.map.getSource('countries').setData(this.countries);
    this.map.setLayoutProperty('leverage', 'visibility', shares ? 'visible' : 'none');
  }

  popup(lngLat, html) {
    this.currentPopup?.remove();
    this.currentPopup = new maplibregl.Popup({ closeButton: true, maxWidth: '320px' }).setLngLat(lngLat).setHTML(html).addTo(this.map);
  }

  fitTo(routes) {
    const coords = [];
    for (const r of routes) for (const leg of r.legs) {
      const f = this.legFeatures.get(leg.leg);
      if (f) coords.push(...f.geometry.coordinates);
    }
    if (coords.length < 2) return;
    const lons = coords.map(c => c[0]);
    const lats = coords.map(c => c[1]);
    this.map.fitBounds([[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]], { padding: 40, duration: 0, maxZoom: 6 });
  }
}
