// Every data call goes to this origin's /api with `Authorization: Bearer <token>`; the token lives in sessionStorage.
const TOKEN_KEY = 'dondoc.token';

export class Unauthorized extends Error {}

export class ApiFailure extends Error {
  /** `retryAfter`: seconds, from the Retry-After header of a 429 or 503; `code`: the API's stable error code. */
  constructor(status, message, retryAfter, code) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
    this.code = code;
  }
}

export function token() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(value) {
  sessionStorage.setItem(TOKEN_KEY, value);
}

export function clearToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) if (value !== undefined && value !== null && value !== '') search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** GET /api/<path>; throws Unauthorized on 401 (the caller signs out), ApiFailure on other errors. */
export async function get(path, params, bearer = token()) {
  const response = await fetch(`/api/${path}${query(params)}`, {
    headers: { accept: 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    cache: 'no-store',
  });
  if (response.status === 401) throw new Unauthorized('401');
  let body;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('retry-after')) || undefined;
    throw new ApiFailure(response.status, body?.message ?? `HTTP ${response.status}`, retryAfter, body?.code);
  }
  return body;
}

/** `after`: the id of the last event received, to resume after it. */
export function streamUrl(after) {
  return `/api/events/stream${query({ access_token: token(), after })}`;
}
