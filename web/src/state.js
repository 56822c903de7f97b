// The page state lives in the URL fragment, so a view can be shared: every control reads from and writes to it.

const lists = new Set(['avoid', 'avoidPassages']);

export const defaults = Object.freeze({
  view: 'route', year: '', from: '', to: '', service: 'groupage', container: 'feu', by: 'time', depart: '',
  deadline: '', avoid: [], avoidPassages: [], preset: '', level: '', alt: 0, fromRegion: 'CN', toRegion: 'EU',
});

export function read() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const state = structuredClone(defaults);
  for (const key of Object.keys(defaults)) {
    if (!params.has(key)) continue;
    const value = params.get(key);
    state[key] = lists.has(key) ? value.split(',').map(s => s.trim()).filter(Boolean)
      : key === 'alt' ? Number.parseInt(value, 10) || 0 : value;
  }
  return state;
}

export function write(state) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    const text = Array.isArray(value) ? value.join(',') : String(value ?? '');
    const fallback = Array.isArray(defaults[key]) ? defaults[key].join(',') : String(defaults[key] ?? '');
    if (text !== fallback) params.set(key, text);
  }
  const hash = params.toString();
  history.replaceState(null, '', hash ? `#${hash}` : location.pathname);
}

export const splitList = text => text.split(/[,;\s]+/).map(s => s.trim()).filter(Boolean);
