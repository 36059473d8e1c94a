// The dashboard shell: sign-in state, language, hash routing (#/timeline, #/status, #/assignments[/<id>]) and
// the live event stream. One index.html serves every page.
import { ApiFailure, clearToken, get, setToken, token, Unauthorized } from './api.js';
import { currentLang, setLang, t } from './i18n.js';
import { startLive, stopLive } from './live.js';
import { renderAssignment, renderAssignments, renderSignIn, renderStatus, renderTimeline } from './views.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const liveEl = document.getElementById('live');
const whoEl = document.getElementById('who');
const signOutButton = document.getElementById('sign-out');
const langButton = document.getElementById('lang');

const ctx = {
  agencies: new Map(),
  /** Who is signed in: { role, agency } (GET /api/me). */
  me: undefined,
  directives: [],
  unauthorized: () => signOut({ kind: 'error', text: t('signin.expired') }),
  signIn,
};

let cleanup = () => {};
let notice;
let liveRefused = false;

function applyChrome() {
  const lang = currentLang();
  document.documentElement.lang = lang;
  document.title = `dondoc — ${t('app.title')}`;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  nav.setAttribute('aria-label', t('nav.label'));
  langButton.textContent = t('lang.switch');
  langButton.setAttribute('lang', lang === 'vi' ? 'en' : 'vi');
  langButton.setAttribute('aria-label', t('lang.switchLabel'));
  const signedIn = Boolean(token());
  nav.hidden = !signedIn;
  signOutButton.hidden = !signedIn;
  liveEl.hidden = !signedIn;
  showLive();
  showWho();
}

/** Who is signed in: an agency by code and name, anyone else by role. */
function showWho() {
  const me = token() ? ctx.me : undefined;
  whoEl.hidden = !me;
  // The status matrix compares agencies with one another: not for an agency's token (the API answers it 403).
  nav.querySelector('[data-page="status"]').parentElement.hidden = me?.role === 'agency';
  if (!me) return;
  const name = me.role === 'agency' ? `${me.agency} — ${ctx.agencies.get(me.agency)?.name ?? me.agency}` : t(`actor.${me.role}`);
  whoEl.textContent = t('who', { name });
}

let liveStateNow = 'off';
function showLive(state = liveStateNow) {
  liveStateNow = state;
  const key = state === 'on' ? 'live.on' : state === 'retrying' ? 'live.retrying' : state === 'connecting' ? 'live.connecting' : 'live.off';
  liveEl.textContent = t(key);
  liveEl.dataset.state = state;
}

function markCurrentNav(page) {
  for (const link of nav.querySelectorAll('a')) {
    if (link.dataset.page === page) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/** #/<page>[/<id>][?query] */
function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, search = ''] = raw.split('?');
  const [page, ...rest] = path.split('/');
  return { page: page || 'timeline', id: rest.length ? decodeURIComponent(rest.join('/')) : undefined, params: new URLSearchParams(search) };
}

async function loadReferenceData() {
  const asked = token();
  const [agencies, directives, me] = await Promise.all([ctx.agencies.size ? null : get('agencies'), get('directives'), ctx.me ? null : get('me')]);
  if (agencies) ctx.agencies = new Map(agencies.map((a) => [a.code, a]));
  if (me && token() === asked) ctx.me = me; // not the answer for a token signed out meanwhile
  ctx.directives = directives;
}

let generation = 0;

async function route() {
  const mine = ++generation;
  const focusedId = document.activeElement?.id;
  cleanup();
  cleanup = () => {};
  applyChrome();
  if (!token()) {
    markCurrentNav(undefined);
    cleanup = renderSignIn(ctx, main, notice);
    notice = undefined;
    return;
  }
  const { page, id, params } = parseHash();
  try {
    await loadReferenceData();
  } catch (error) {
    if (error instanceof Unauthorized) return ctx.unauthorized();
    if (mine !== generation) return;
    // Busy (429), down (503) or unreachable: say so in the user's language and try again by itself.
    const seconds = Math.min(60, Math.max(2, (error instanceof ApiFailure && error.retryAfter) || 5));
    const text = error instanceof ApiFailure && error.status === 429 ? t('error.busy', { seconds }) : error instanceof ApiFailure && error.status < 500 ? t('error.load', { message: error.message }) : t('error.unavailable', { seconds });
    main.replaceChildren(Object.assign(document.createElement('p'), { className: 'message message-error', role: 'alert', textContent: text }));
    if (!(error instanceof ApiFailure) || error.status === 429 || error.status >= 500) {
      const retry = setTimeout(() => {
        if (mine === generation) void route();
      }, seconds * 1000);
      cleanup = () => clearTimeout(retry);
    }
    return;
  }
  if (mine !== generation) return; // a newer navigation took over while loading
  // The event feed is the Office's (it spans every agency): an agency's token is not offered one.
  if (ctx.me?.role === 'agency' && !liveRefused) {
    liveRefused = true;
    showLive('off');
  }
  if (!liveRefused && liveStateNow === 'off') openLive();
  showWho();
  markCurrentNav(page);
  if (page === 'status') cleanup = renderStatus(ctx, main, params);
  else if (page === 'assignments' && id) cleanup = renderAssignment(ctx, main, id);
  else if (page === 'assignments') cleanup = renderAssignments(ctx, main, params);
  else cleanup = renderTimeline(ctx, main, params);
  // A filter change re-renders the page: keep the keyboard where it was; otherwise start at the heading.
  const again = focusedId && document.getElementById(focusedId);
  if (again && again !== document.body) again.focus();
}

const FIRST_REOPEN_MS = 5_000;
const LAST_REOPEN_MS = 60_000;
let reopenMs = FIRST_REOPEN_MS;
let reopenTimer;
/** Which stream is current: an answer about an older one (signed out, or opened again since) is ignored. */
let liveGeneration = 0;

function openLive() {
  clearTimeout(reopenTimer);
  const mine = ++liveGeneration;
  startLive({
    onState: (state) => {
      if (state === 'on') reopenMs = FIRST_REOPEN_MS;
      showLive(state);
    },
    // The server ended the stream: ask the feed why. A 401 signs out and a 403 means this role has no feed;
    // anything else (a restart, an outage, a proxy's 502) is passing: open it again, a little later each time.
    onClosed: async () => {
      try {
        await get('events', { limit: 1 });
        if (mine === liveGeneration) reopenLater();
      } catch (error) {
        if (mine !== liveGeneration) return;
        if (error instanceof Unauthorized) ctx.unauthorized();
        else if (error instanceof ApiFailure && error.status === 403) {
          liveRefused = true;
          showLive('off');
        } else reopenLater();
      }
    },
  });
}

function reopenLater() {
  if (!token()) return;
  showLive('retrying');
  clearTimeout(reopenTimer);
  reopenTimer = setTimeout(openLive, reopenMs);
  reopenMs = Math.min(reopenMs * 2, LAST_REOPEN_MS);
}

async function signIn(value) {
  await get('agencies', undefined, value); // throws Unauthorized for a wrong token
  setToken(value);
  liveRefused = false;
  ctx.agencies = new Map();
  ctx.me = undefined;
  if (!location.hash || location.hash === '#/sign-in') location.hash = '#/timeline';
  else await route();
  main.focus();
}

function signOut(message) {
  clearToken();
  ctx.me = undefined;
  clearTimeout(reopenTimer);
  liveGeneration += 1;
  stopLive();
  liveRefused = false;
  notice = message;
  void route();
}

langButton.addEventListener('click', () => {
  setLang(currentLang() === 'vi' ? 'en' : 'vi');
  void route().then(() => langButton.focus());
});
signOutButton.addEventListener('click', () => signOut({ kind: 'info', text: t('signin.signedOut') }));
window.addEventListener('hashchange', () => void route());
// The skip link moves the keyboard to the content; as a hash it would be taken for a page.
document.querySelector('.skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
void route();
