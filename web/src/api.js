// Calls to this host's API only (the page makes no request to any other host). Errors are RFC 9457 problem
// details; `problemText` turns one into the lines a user reads, one per field at fault.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** One line per problem: "field: message". */
  get lines() {
    const errors = this.problem?.errors;
    if (errors && typeof errors === 'object') {
      return Object.entries(errors).flatMap(([field, messages]) => [].concat(messages).map(m => field ? `${field}: ${m}` : m));
    }
    return [this.problem?.detail ?? this.message];
  }
}

async function send(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const type = response.headers.get('Content-Type') ?? '';
  const data = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, typeof data === 'object' ? data : { title: String(data) });
  }
  // Long work answers 202 with a job: follow it to its result.
  return response.status === 202 && data?.statusUrl ? followJob(data) : data;
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function followJob(job, onProgress) {
  for (let wait = 100; ; wait = Math.min(wait * 1.5, 1000)) {
    if (job.status === 'succeeded' || job.status === 'completed' || job.status === 'done') {
      return send('GET', job.resultUrl);
    }
    if (job.status === 'failed' || job.status === 'cancelled' || job.status === 'canceled') {
      throw new ApiError(500, { title: `The ${job.kind} job ${job.status}`, detail: job.error ?? job.status });
    }
    onProgress?.(job.progress);
    await sleep(wait);
    job = await send('GET', job.statusUrl);
  }
}

const query = params => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const api = {
  network: (year, scenario) => send('GET', `/api/network${query({ year, scenario })}`),
  networkGeoJson: (year, scenario) => send('GET', `/api/network/geojson${query({ year, scenario })}`),
  compare: body => send('POST', '/api/compare', body),
  reliability: body => send('POST', '/api/reliability', body),
  // The long-work endpoints take the scenario (a preset) in the query, the route endpoints in the body.
  caspian: (body, scenario) => send('POST', `/api/caspian${query({ mode: 'sync', scenario })}`, body),
  assign: (body, scenario) => send('POST', `/api/assign${query({ scenario })}`, body),
  bypass: (body, scenario) => send('POST', `/api/bypass${query({ scenario })}`, body),
  leverage: (body, scenario) => send('POST', `/api/leverage${query({ scenario })}`, body),
};
