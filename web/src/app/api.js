// The dashboard's calls to the REST API. The session cookie (SameSite=Strict, set by POST /api/v1/auth/login)
// authenticates every call; errors are problem+json and surface as ApiError with the server's detail.

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

async function request(method, path, body) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') ?? '';
  const payload = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const problem = typeof payload === 'object' && payload ? payload : {};
    throw new ApiError(response.status, problem.title, problem.detail ?? (typeof payload === 'string' ? payload : undefined));
  }
  return payload;
}

/** GET a path under /api/v1 (`path` starts with '/'), with optional query parameters; nulls are left out. */
export function get(path, query) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value != null && value !== '') search.set(name, String(value));
  const suffix = search.size ? `?${search}` : '';
  return request('GET', `/api/v1${path}${suffix}`);
}

/** POST JSON to a path under /api/v1. */
export function post(path, body) {
  return request('POST', `/api/v1${path}`, body);
}

/** Dashboard settings from the silo (`Dashboard` section): `{styleUrl, language}`. */
export function dashboardSettings() {
  return request('GET', '/dashboard/settings.json');
}
