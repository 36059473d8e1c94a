// The pages: sign-in, escalation timeline, status matrix, assignment list and assignment detail.
// Each render function fills `main` and returns a cleanup function (unsubscribe, listeners).
import { get, ApiFailure, Unauthorized } from './api.js';
import { CHART_STATUSES, chartLegend, drawStatusChart } from './chart.js';
import { fill, formatClock, formatDateTime, formatDuration, h, stageLabel, statusBadge, timeEl } from './format.js';
import { t, has } from './i18n.js';
import { debounce, onEvent, TIMELINE_TYPES } from './live.js';

const MATRIX_STATUSES = [...CHART_STATUSES, 'withdrawn'];
const DATE_FIELDS = new Set(['dueAt', 'newDueAt', 'previousDueAt', 'adjustedDueAt', 'originalDueAt']);
const TEXT_FIELDS = ['centralBody', 'summary', 'response', 'reason', 'comment', 'note'];
/** Timeline entries a page shows: the newest; filters reach older ones. */
const TIMELINE_LIMIT = 200;

// ---------- shared pieces ----------

export function hashFor(path, params = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return `#/${path}${text ? `?${text}` : ''}`;
}

export const assignmentHref = (id) => `#/assignments/${encodeURIComponent(id)}`;

function agencyName(ctx, code) {
  return ctx.agencies.get(code)?.name ?? code;
}

/** An agency code with its full name as an abbreviation expansion. */
function agencyEl(ctx, code) {
  const name = agencyName(ctx, code);
  return name === code ? h('span', { class: 'agency-code' }, code) : h('abbr', { class: 'agency-code', title: name }, code);
}

function actorText(ctx, actor) {
  if (!actor || typeof actor !== 'object') return t('none');
  if (actor.kind === 'agency') return `${actor.agency} (${agencyName(ctx, actor.agency)})${actor.member ? ` · ${actor.member} (${agencyName(ctx, actor.member)})` : ''}`;
  return has(`actor.${actor.kind}`) ? t(`actor.${actor.kind}`) : String(actor.kind);
}

function eventLabel(type, data, level) {
  if (type === 'EscalatedToLevel') return t(`level.${level ?? data?.level}`);
  return has(`event.${type}`) ? t(`event.${type}`) : type;
}

/** The interesting fields of an event's data, as "label: value" lines. */
function eventDetails(data) {
  if (!data || typeof data !== 'object') return [];
  const lines = [];
  for (const key of [...DATE_FIELDS]) if (typeof data[key] === 'string') lines.push([t(`field.${key}`), formatDateTime(data[key])]);
  if (typeof data.beforeMs === 'number') lines.push([t('field.beforeMs'), formatDuration(data.beforeMs)]);
  if (typeof data.pausedMs === 'number' && data.pausedMs > 0) lines.push([t('field.pausedMs'), formatDuration(data.pausedMs)]);
  if (typeof data.verdict === 'string') lines.push([t('field.verdict'), t(`verdict.${data.verdict}`)]);
  if (typeof data.agency === 'string') lines.push([t('field.agency'), data.agency]);
  if (typeof data.stage === 'string') lines.push([t('field.stage'), stageLabel(data.stage)]);
  if (typeof data.backTo === 'string') lines.push([t('field.backTo'), stageLabel(data.backTo)]);
  if (typeof data.cause === 'string') lines.push([t('field.cause'), t(`lapsedCause.${data.cause}`)]);
  if (typeof data.status === 'string') lines.push([t('field.status'), t(`status.${data.status}`)]);
  if (data.beyondProvincialCompetence === true) lines.push([t('field.beyondProvincialCompetence'), t('yes')]);
  if (data.stopsClock === true) lines.push([t('field.clock'), t('field.clockStoppedForReview')]);
  for (const key of TEXT_FIELDS) if (typeof data[key] === 'string' && data[key]) lines.push([t(`field.${key}`), data[key]]);
  return lines;
}

function detailList(lines) {
  if (lines.length === 0) return null;
  return h('ul', { class: 'details' }, lines.map(([label, value]) => h('li', {}, h('span', { class: 'detail-label' }, `${label}: `), value)));
}

function message(kind, text) {
  return h('p', { class: `message message-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/** Runs a load; a 401 signs out, other failures show in `target`. */
async function guarded(ctx, target, load, status) {
  try {
    await load();
  } catch (error) {
    if (error instanceof Unauthorized) return ctx.unauthorized();
    // Nothing is loading any more: the error below says why.
    if (status) status.textContent = '';
    fill(target, message('error', failureText(error)));
  }
}

/** A failed load in the user's language: by status, or by the API's stable code; its own words otherwise. */
function failureText(error) {
  if (!(error instanceof ApiFailure)) return t('error.load', { message: error.message });
  if (error.status === 403) return t('error.forbidden');
  if (error.status === 404) return t('error.notFound');
  if (error.code && has(`apiError.${error.code}`)) return t(`apiError.${error.code}`);
  return t('error.load', { message: error.message });
}

/**
 * A labelled filter select named `name`: "all" first, then `options` ([value, text]); a selected value not among them
 * (an id typed into the address) is kept as an option of its own.
 */
function filterSelect(name, selected, options) {
  const known = options.some(([value]) => value === selected);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: `filter-${name}` }, t(`filter.${name}`)),
    h(
      'select',
      { id: `filter-${name}`, name },
      h('option', { value: '' }, t(`filter.all.${name}`)),
      selected && !known ? h('option', { value: selected, selected: true }, selected) : null,
      options.map(([value, text]) => h('option', { value, selected: value === selected }, text)),
    ),
  );
}

function directiveSelect(ctx, selected) {
  const label = (d) => `${d.number ? `${d.number} · ` : ''}${d.title} (${d.directiveId})${d.withdrawn ? ` · ${t('filter.directiveWithdrawn')}` : ''}`;
  return filterSelect('directive', selected, ctx.directives.map((d) => [d.directiveId, label(d)]));
}

// Joint groups ("Các cơ quan chuyên trách…") are addressed as one: they have timelines and matrix rows of their own.
// Never given work, so not offered: central bodies, and a group whose members each get their own part.
function agencySelect(ctx, selected) {
  const given = [...ctx.agencies.values()].filter((a) => a.level !== 'central' && a.groupMode !== 'each');
  return filterSelect('agency', selected, given.map((a) => [a.code, `${a.code} — ${a.name}`]));
}

function statusSelect(selected) {
  return filterSelect('status', selected, MATRIX_STATUSES.map((s) => [s, t(`status.${s}`)]));
}

/** The Office's queues: everything awaiting its decision, or the extension requests alone (a district's on its track). */
const QUEUES = { decision: { awaitingDecision: 'true' }, extension: { pendingExtension: 'true' } };

function queueSelect(selected) {
  return filterSelect('queue', selected, Object.keys(QUEUES).map((queue) => [queue, t(`filter.queue.${queue}`)]));
}

/** A filter form that navigates (hash) on every change; no submit needed. */
function filterForm(path, fields) {
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': t('filter.title') }, fields);
  form.addEventListener('change', () => {
    const data = Object.fromEntries(new FormData(form).entries());
    location.hash = hashFor(path, data);
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  return form;
}

function updatedNote() {
  return t('updatedAt', { time: formatClock(new Date().toISOString()) });
}

// ---------- sign-in ----------

export function renderSignIn(ctx, main, notice) {
  const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true, 'aria-describedby': 'signin-intro' });
  const feedback = h('div', { id: 'signin-message', 'aria-live': 'assertive' }, notice ? message(notice.kind, notice.text) : null);
  const button = h('button', { type: 'submit', class: 'primary' }, t('signin.submit'));
  const form = h('form', { class: 'signin-form', novalidate: true }, h('label', { for: 'token' }, t('signin.token')), input, button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (!value) {
      fill(feedback, message('error', t('signin.empty')));
      input.focus();
      return;
    }
    button.disabled = true;
    try {
      await ctx.signIn(value);
    } catch (error) {
      const text = error instanceof Unauthorized ? t('signin.invalid') : t('error.load', { message: error.message });
      fill(feedback, message('error', text));
      input.select();
      input.focus();
    } finally {
      button.disabled = false;
    }
  });
  fill(main, h('section', { class: 'signin card', 'aria-labelledby': 'signin-title' }, h('h1', { id: 'signin-title' }, t('signin.title')), h('p', { id: 'signin-intro' }, t('signin.intro')), feedback, form));
  input.focus();
  return () => {};
}

// ---------- escalation timeline ----------

function timelineItem(ctx, entry, fresh) {
  const kind = entry.type === 'EscalatedToLevel' ? `level-${entry.level}` : entry.type;
  return h(
    'li',
    { class: `event event-${kind}${fresh ? ' fresh' : ''}`, 'data-type': entry.type, 'data-event-id': entry.eventId },
    h('div', { class: 'event-when' }, timeEl(entry.occurredAt)),
    h(
      'div',
      { class: 'event-body' },
      h('p', { class: 'event-title' }, h('span', { class: `badge kind kind-${kind}` }, eventLabel(entry.type, entry.detail, entry.level)), ' ', h('a', { href: assignmentHref(entry.assignmentId) }, entry.assignmentId)),
      h(
        'p',
        { class: 'event-meta' },
        h('span', {}, `${t('assignment.directive')}: `, h('a', { href: hashFor('timeline', { directive: entry.directiveId }) }, entry.directiveId)),
        ' · ',
        h('span', {}, `${t('filter.agency')}: `, entry.agencies.flatMap((code, i) => (i ? [', ', agencyEl(ctx, code)] : [agencyEl(ctx, code)]))),
        ' · ',
        h('span', {}, `${t('col.actor')}: ${actorText(ctx, entry.actor)}`),
      ),
      detailList(eventDetails(entry.detail)),
    ),
  );
}

export function renderTimeline(ctx, main, params) {
  const directive = params.get('directive') ?? '';
  // An agency's timeline is its own (the API refuses another agency's): a link naming another is read as its own.
  const agency = ctx.me?.role === 'agency' ? '' : params.get('agency') ?? '';
  const status = h('p', { class: 'meta', role: 'status' }, t('loading'));
  const list = h('div', { class: 'timeline-wrap' });
  fill(main,
    h('h1', {}, t('timeline.title')),
    h('p', { class: 'intro' }, t('timeline.intro'), ' ', h('span', { class: 'tz' }, t('tz.note'))),
    // An agency's timeline is its own (the API filters it): no agency to choose.
    filterForm('timeline', [directiveSelect(ctx, directive), ctx.me?.role === 'agency' ? null : agencySelect(ctx, agency)]),
    status,
    list,
  );
  let seen;
  const refresh = () =>
    guarded(ctx, list, async () => {
      const { items } = await get('escalations', { directive, agency, limit: TIMELINE_LIMIT });
      const fresh = seen ? items.filter((item) => !seen.has(item.eventId)) : [];
      seen = new Set(items.map((item) => item.eventId));
      const freshIds = new Set(fresh.map((item) => item.eventId));
      fill(list,
        items.length === 0
          ? message('info', t('timeline.empty'))
          : h('ol', { class: 'timeline', 'aria-label': t('timeline.title') }, items.map((item) => timelineItem(ctx, item, freshIds.has(item.eventId)))),
      );
      const count = items.length === TIMELINE_LIMIT ? t('timeline.newest', { n: items.length }) : t('timeline.count', { n: items.length });
      status.textContent = `${count} · ${fresh.length > 0 ? `${t('timeline.newItems', { n: fresh.length })} · ` : ''}${updatedNote()}`;
    }, status);
  void refresh();
  const later = debounce(refresh, 250);
  const prefix = directive ? `assignment-${directive}-` : 'assignment-';
  return onEvent((event) => {
    if (TIMELINE_TYPES.has(event.type) && event.streamId.startsWith(prefix)) later();
  });
}

// ---------- status matrix ----------

function statusTable(ctx, report, directive) {
  // A count opens the assignments it counts: an agency's (its own track's status for an "each of" one), or all.
  const cell = (row, s, agency) => {
    const count = row[s] ?? 0;
    const listed = count > 0 ? h('a', { href: hashFor('assignments', { directive, agency, status: s === 'total' ? '' : s }) }, String(count)) : String(count);
    return h('td', { class: `num${count > 0 ? ' nonzero' : ''}`, 'data-status': s }, listed);
  };
  return h(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'status-caption' },
    h(
      'table',
      { class: 'matrix', id: 'status-table' },
      h('caption', { id: 'status-caption' }, t('status.caption', { time: formatDateTime(report.at) })),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('status.agency')), MATRIX_STATUSES.map((s) => h('th', { scope: 'col', class: 'num' }, t(`status.${s}`))), h('th', { scope: 'col', class: 'num' }, t('status.total')))),
      h(
        'tbody',
        {},
        report.agencies.map((row) =>
          h(
            'tr',
            { 'data-agency': row.agency },
            h('th', { scope: 'row' }, h('span', { class: 'agency-code' }, row.agency), h('span', { class: 'agency-name' }, agencyName(ctx, row.agency))),
            MATRIX_STATUSES.map((s) => cell(row, s, row.agency)),
            cell(row, 'total', row.agency),
          ),
        ),
      ),
      // An assignment shared by a lead and coordinators is a line in each of their rows, but once at the bottom.
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, t('status.sum')), MATRIX_STATUSES.map((s) => cell(report.assignments, s)), cell(report.assignments, 'total'))),
    ),
  );
}

export function renderStatus(ctx, main, params) {
  const directive = params.get('directive') ?? '';
  const status = h('p', { class: 'meta', role: 'status' }, t('loading'));
  const chartBox = h('div', { class: 'chart-box', id: 'status-chart' });
  const tableBox = h('div', {});
  const body = h(
    'div',
    { class: 'status-body' },
    h('section', { 'aria-labelledby': 'chart-heading', class: 'card' }, h('h2', { id: 'chart-heading' }, t('status.chart')), chartLegend(), chartBox, h('p', { class: 'meta' }, t('status.chartNote'))),
    h('section', { 'aria-labelledby': 'table-heading', class: 'card' }, h('h2', { id: 'table-heading' }, t('status.table')), tableBox),
  );
  const problem = h('div', {});
  fill(main, h('h1', {}, t('status.title')), filterForm('status', [directiveSelect(ctx, directive)]), status, problem, body);
  let report;
  const drawChart = () => {
    if (!report) return;
    if (report.agencies.length === 0) return fill(chartBox, message('info', t('status.empty')));
    const rows = report.agencies.map((row) => ({ agency: row.agency, name: agencyName(ctx, row.agency), counts: row }));
    drawStatusChart(chartBox, rows, Math.max(280, Math.floor(chartBox.clientWidth || 600)));
  };
  const refresh = () =>
    guarded(ctx, problem, async () => {
      report = await get('reports/status', { directive });
      fill(problem);
      fill(tableBox, report.agencies.length === 0 ? message('info', t('status.empty')) : statusTable(ctx, report, directive));
      drawChart();
      status.textContent = updatedNote();
    }, status);
  void refresh();
  const later = debounce(refresh, 400);
  const redraw = debounce(drawChart, 150);
  window.addEventListener('resize', redraw);
  const prefix = directive ? `assignment-${directive}-` : 'assignment-';
  const unsubscribe = onEvent((event) => {
    if (event.streamId.startsWith(prefix)) later();
  });
  return () => {
    unsubscribe();
    window.removeEventListener('resize', redraw);
  };
}

// ---------- assignments ----------

function agenciesCell(ctx, item) {
  if (item.kind === 'eachOf') return h('span', {}, item.agencies.flatMap((a, i) => (i ? [', ', agencyEl(ctx, a.agency)] : [agencyEl(ctx, a.agency)])));
  return h(
    'span',
    {},
    item.agencies.flatMap((a, i) => [i ? ', ' : '', agencyEl(ctx, a.agency), h('span', { class: 'role' }, ` (${t(`role.${a.role}`)})`)]),
  );
}

// The deadline the list is ordered and filtered by: for an "each of" parent, the earliest of its open tracks' (an
// agency's own track's, in its own list).
function deadlineCell(item) {
  const moved = item.dueAt !== item.originalDueAt;
  return [timeEl(item.dueAt), dayOffMark(item.dueOnDayOff), moved ? h('span', { class: 'original' }, ` (${t('assignment.originalDue')}: `, timeEl(item.originalDueAt), ')') : null, pausedMark(item), extensionMark(item)];
}

/** A stopped clock beside a deadline that may be past while the status stays on time. */
function pausedMark(item) {
  return item.paused ? h('span', { class: 'paused' }, ` (${t('assignment.pausedShort')})`) : null;
}

/** An extension request awaiting the supervisor's decision, beside the deadline it would move. */
function extensionMark(item) {
  if (!item.pendingExtensionDueAt) return null;
  const dayOff = item.pendingExtensionOnDayOff ? `, ${t('assignment.dayOffShort')}` : '';
  return h('span', { class: 'pending-extension' }, ` (${t('assignment.pendingExtensionShort')} `, timeEl(item.pendingExtensionDueAt), `${dayOff})`);
}

/** A date that falls on a weekend or a public holiday: worth a second look before it is approved. */
function dayOffMark(onDayOff) {
  return onDayOff ? h('span', { class: 'day-off' }, ` (${t('assignment.dayOff')})`) : null;
}

/** Each milestone's deadline and whether it was met, missed or is still ahead. */
function stageDeadlinesList(stageDeadlines) {
  const stages = ['acknowledge', 'propose', 'report'].filter((stage) => stageDeadlines[stage]);
  return h('ul', { class: 'details' }, stages.map((stage) => {
    const d = stageDeadlines[stage];
    // Reached after its deadline had passed: late, not met.
    const state = d.reached && d.missed ? 'reachedLate' : d.reached ? 'reached' : d.missed ? 'missed' : 'pending';
    return h('li', { 'data-stage-deadline': stage }, h('span', { class: 'detail-label' }, `${t(`stage.${stage}`)}: `), timeEl(d.dueAt), ` (${t(`stageDeadline.${state}`)})`);
  }));
}

/** An "each of" parent climbs no ladder of its own: it stands at the highest level among its open tracks. */
function levelText(item) {
  if (item.overdueLevel === null) return t('assignment.levelUnknown');
  const text = item.overdueLevel ? t(`level.${item.overdueLevel}`) : t('assignment.noLevel');
  if (item.kind !== 'eachOf') return text;
  if (item.overdueLevel) return `${text} (${t('assignment.highestTrack')})`;
  // Tracks that last reported before they sent their level: the parent cannot say.
  return item.tracks?.tracks.some((track) => track.level === null && track.status !== 'withdrawn' && track.stage !== 'closed') ? t('assignment.levelUnknown') : text;
}

function assignmentRow(ctx, item) {
  const text = item.text.length > 160 ? `${item.text.slice(0, 157)}…` : item.text;
  return h(
    'tr',
    { 'data-assignment': item.id },
    h('th', { scope: 'row', 'data-label': t('col.id') }, h('a', { href: assignmentHref(item.id) }, item.id)),
    h('td', { 'data-label': t('col.text'), title: item.text.length > 160 ? item.text : undefined }, text),
    h('td', { 'data-label': t('col.agencies') }, agenciesCell(ctx, item)),
    h('td', { 'data-label': t('col.stage') }, stageLabel(item.stage)),
    h('td', { 'data-label': t('col.status') }, statusBadge(item.status)),
    h('td', { 'data-label': t('col.deadline') }, deadlineCell(item)),
    h('td', { 'data-label': t('col.level') }, levelFor(ctx, item)),
  );
}

export function renderAssignments(ctx, main, params) {
  const directive = params.get('directive') ?? '';
  // An agency's list is its own (the API filters it): no agency to choose.
  const agencyRole = ctx.me?.role === 'agency';
  const agency = agencyRole ? '' : params.get('agency') ?? '';
  const wanted = params.get('status') ?? '';
  const queue = Object.hasOwn(QUEUES, params.get('queue') ?? '') ? params.get('queue') : '';
  const status = h('p', { class: 'meta', role: 'status' }, t('loading'));
  const box = h('div', {});
  const filters = [directiveSelect(ctx, directive), agencyRole ? null : agencySelect(ctx, agency), statusSelect(wanted), queueSelect(queue)];
  fill(main, h('h1', {}, t('assignments.title')), filterForm('assignments', filters), status, box);
  // Pages of 50 (tracks are on their parent's page), each "show more" appending the next; a refresh reloads as many.
  let pages = 1;
  const load = () =>
    guarded(ctx, box, async () => {
      const items = [];
      let cursor;
      for (let page = 0; page < pages; page += 1) {
        // Tracks are on their parent's page, but in the Office's queues: a district's report or request is its
        // track's. Listed for one agency, the parent stands at that agency's track's clock, its part included.
        const scope = { ...(queue && QUEUES[queue]), ...((!queue || agencyRole || agency) && { tracks: 'false' }) };
        const next = await get('assignments', { directive, agency, status: wanted, ...scope, limit: 50, cursor });
        items.push(...next.items);
        cursor = next.nextCursor;
        if (!cursor) break;
      }
      if (items.length === 0) {
        fill(box, message('info', t('assignments.empty')));
      } else {
        const more = cursor ? h('button', { type: 'button', class: 'secondary', id: 'more' }, t('assignments.more')) : null;
        more?.addEventListener('click', () => {
          pages += 1;
          void load().then(() => document.getElementById('more')?.focus());
        });
        fill(box,
          h(
            'table',
            { class: 'list stack', id: 'assignments-table' },
            h('caption', {}, t('assignments.caption')),
            h('thead', {}, h('tr', {}, ['col.id', 'col.text', 'col.agencies', 'col.stage', 'col.status', 'col.deadline', 'col.level'].map((key) => h('th', { scope: 'col' }, t(key))))),
            h('tbody', {}, items.map((item) => assignmentRow(ctx, item))),
          ),
          more,
        );
      }
      status.textContent = updatedNote();
    }, status);
  void load();
  const later = debounce(load, 400);
  const prefix = directive ? `assignment-${directive}-` : 'assignment-';
  return onEvent((event) => {
    if (event.streamId.startsWith(prefix)) later();
  });
}

const SINGLE_PATH = ['received', 'research', 'proposed', 'accepted', 'escalated', 'centreResponded', 'reported', 'closed'];
const EACH_OF_PATH = ['tracking', 'closed'];
/** The event that brings an assignment into each stage: a withdrawn one reached only the stages its events show. */
const REACHED_BY = {
  received: 'AssignmentCreated',
  tracking: 'AssignmentCreated',
  research: 'AssignmentAcknowledged',
  proposed: 'ProposalSubmitted',
  accepted: 'ProposalAccepted',
  escalated: 'EscalatedToCentre',
  centreResponded: 'CentreResponded',
  reported: 'ReportSubmitted',
};

/** ownTrack: an agency's "each of" assignment, shown at its own track's stage, whose steps are a single one's. */
function stepper(item, events, ownTrack) {
  const seen = new Set(events.map((e) => e.type));
  const path = item.kind === 'eachOf' && !ownTrack ? EACH_OF_PATH : SINGLE_PATH;
  const withdrawn = item.stage === 'withdrawn';
  const stages = withdrawn ? [...path.filter((s) => s !== 'closed'), 'withdrawn'] : path;
  const current = stages.indexOf(item.stage);
  const optional = { escalated: 'EscalatedToCentre', centreResponded: 'CentreResponded' };
  return h(
    'ol',
    { class: 'stepper' },
    stages.map((stage, index) => {
      const isCurrent = index === current;
      const passed = index < current && (withdrawn ? seen.has(REACHED_BY[stage]) : !optional[stage] || seen.has(optional[stage]));
      const skipped = index < current && !passed;
      return h(
        'li',
        { class: `step${isCurrent ? ' current' : ''}${passed ? ' passed' : ''}${skipped ? ' skipped' : ''}`, 'aria-current': isCurrent ? 'step' : undefined, 'data-stage': stage },
        stageLabel(stage),
        isCurrent ? h('span', { class: 'visually-hidden' }, ` ${t('assignment.current')}`) : passed ? h('span', { class: 'visually-hidden' }, ` ${t('assignment.done')}`) : null,
      );
    }),
  );
}

function facts(ctx, item) {
  const ownTrack = ownTrackOf(ctx, item);
  const rows = [
    ['assignment.directive', h('a', { href: hashFor('assignments', { directive: item.directiveId }) }, item.directiveId)],
    item.parentId ? ['assignment.parent', h('a', { href: assignmentHref(item.parentId) }, item.parentId)] : null,
    ['assignment.kind', t(`kind.${item.kind}`)],
    [ownTrack ? 'assignment.ownStage' : 'assignment.stage', stageLabel(item.stage)],
    item.centralCompetence ? ['assignment.centralCompetence', t('assignment.centralCompetenceYes')] : null,
    // An agency sees an "each of" assignment with its own track's clock (the API gives it so), and a way to it.
    [ownTrack ? 'assignment.ownStatus' : 'assignment.status', statusBadge(item.status)],
    ownTrack ? ['assignment.ownTrack', h('a', { href: assignmentHref(ownTrack) }, ownTrack)] : null,
    item.kind === 'eachOf' ? ['assignment.agencies', agenciesCell(ctx, item)] : ['assignment.lead', item.lead ? [agencyEl(ctx, item.lead), ` — ${agencyName(ctx, item.lead)}`] : t('none')],
    item.kind !== 'eachOf' && item.coordinators.length ? ['assignment.coordinators', item.coordinators.flatMap((c, i) => (i ? [', ', agencyEl(ctx, c)] : [agencyEl(ctx, c)]))] : null,
    ['assignment.originalDue', timeEl(item.originalDueAt)],
    // dueAt: the deadline in force (an "each of" parent's is the earliest of its open tracks').
    ['assignment.adjustedDue', [timeEl(item.dueAt), item.dueAt === item.originalDueAt ? ` (${t('assignment.sameAsOriginal')})` : null, dayOffMark(item.dueOnDayOff)]],
    item.stageDeadlines && Object.keys(item.stageDeadlines).length ? ['assignment.stageDeadlines', stageDeadlinesList(item.stageDeadlines)] : null,
    item.pendingExtensionDueAt ? ['assignment.pendingExtension', [timeEl(item.pendingExtensionDueAt), dayOffMark(item.pendingExtensionOnDayOff)]] : null,
    item.paused ? [ownTrack ? 'assignment.pausedOwn' : pausedLabel(item), t('yes')] : null,
    ['assignment.level', levelFor(ctx, item)],
    item.closedAt ? ['assignment.closedAt', [timeEl(item.closedAt), item.verdict ? ` (${t(`verdict.${item.verdict}`)})` : '']] : null,
  ].filter(Boolean);
  return h('dl', { class: 'facts' }, rows.map(([key, value]) => h('div', { 'data-fact': key.split('.')[1] }, h('dt', {}, t(key)), h('dd', {}, value))));
}

/** An agency's own track climbs its own ladder: its level (as the API gives it), not the highest among the agencies. */
function levelFor(ctx, item) {
  return ownTrackOf(ctx, item) ? levelText({ overdueLevel: item.overdueLevel }) : levelText(item);
}

/** The signed-in agency's code and those of the joint groups it is a member of, whose work it does. */
function ownCodes(ctx) {
  const own = ctx.me.agency;
  return [own, ...[...ctx.agencies.values()].filter((a) => a.groupMode === 'joint' && a.members?.includes(own)).map((a) => a.code)];
}

/** The id of the signed-in agency's own track (or its joint group's) of an "each of" assignment; undefined for anyone else. */
function ownTrackOf(ctx, item) {
  if (ctx.me?.role !== 'agency') return undefined;
  const own = ownCodes(ctx).find((code) => item.tracks?.tracks.some((track) => track.agency === code));
  return own === undefined ? undefined : `${item.id}.${own}`;
}

/** An agency opens only its own track or its joint group's (another's answers 404); every other role opens them all. */
function mayOpenTrack(ctx, track) {
  return ctx.me?.role !== 'agency' || ownCodes(ctx).includes(track.agency);
}

function tracksTable(ctx, item) {
  return h(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'tracks-caption' },
    h(
      'table',
      // On a narrow screen one card per district, as the assignment list, rather than a table scrolled sideways.
      { class: 'list stack', id: 'tracks-table' },
      h('caption', { id: 'tracks-caption', class: 'visually-hidden' }, t('assignment.tracks')),
      h('thead', {}, h('tr', {}, ['col.agency', 'col.stage', 'col.status', 'col.deadline', 'col.level'].map((key) => h('th', { scope: 'col' }, t(key))))),
      h(
        'tbody',
        {},
        item.tracks.tracks.map((track) =>
          h(
            'tr',
            { 'data-agency': track.agency },
            h('th', { scope: 'row' }, mayOpenTrack(ctx, track) ? h('a', { href: assignmentHref(`${item.id}.${track.agency}`) }, track.agency) : track.agency, h('span', { class: 'agency-name' }, agencyName(ctx, track.agency))),
            h('td', { 'data-label': t('col.stage') }, stageLabel(track.stage)),
            h('td', { 'data-label': t('col.status') }, statusBadge(track.status)),
            // The track's deadline in force as it last reported (an extension moves it, not the parent's).
            h('td', { 'data-label': t('col.deadline') }, timeEl(track.dueAt ?? item.adjustedDueAt), dayOffMark(track.dueOnDayOff), pausedMark(track), extensionMark(track)),
            h('td', { 'data-label': t('col.level') }, levelText({ overdueLevel: track.level ?? null })),
          ),
        ),
      ),
    ),
  );
}

function eventsTable(ctx, events) {
  return h(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'events-caption' },
    h(
      'table',
      { class: 'list', id: 'events-table' },
      h('caption', { id: 'events-caption', class: 'visually-hidden' }, t('assignment.timelineCaption')),
      h('thead', {}, h('tr', {}, ['col.time', 'col.event', 'col.actor', 'col.detail'].map((key) => h('th', { scope: 'col' }, t(key))))),
      h(
        'tbody',
        {},
        events.map((event) =>
          h(
            'tr',
            { 'data-type': event.type },
            h('td', { class: 'nowrap' }, timeEl(event.occurredAt)),
            h('td', {}, eventLabel(event.type, event.data)),
            // The role, and the token's label when the admin gave it one: which officer or desk acted.
            h('td', {}, actorText(ctx, event.actor), event.tokenLabel ? h('span', { class: 'token-label' }, ` · ${event.tokenLabel}`) : null),
            h('td', {}, detailList(eventDetails(event.data))),
          ),
        ),
      ),
    ),
  );
}

export function renderAssignment(ctx, main, id) {
  const status = h('p', { class: 'meta', role: 'status' }, t('loading'));
  const box = h('div', {});
  const back = h('a', { href: hashFor('assignments'), class: 'back' }, `← ${t('assignment.back')}`);
  fill(main, h('nav', { 'aria-label': t('assignment.back') }, back), h('h1', {}, t('assignment.title', { id })), status, box);
  const refresh = () =>
    guarded(ctx, box, async () => {
      const [item, timeline] = await Promise.all([get(`assignments/${encodeURIComponent(id)}`), get(`assignments/${encodeURIComponent(id)}/timeline`)]);
      const ownTrack = ownTrackOf(ctx, item);
      // The stages it went through (the Centre's, say) are in its track's events, not the whole's.
      const steps = ownTrack ? await get(`assignments/${encodeURIComponent(ownTrack)}/timeline`) : timeline;
      back.setAttribute('href', hashFor('assignments', { directive: item.directiveId }));
      fill(box,
        h('p', { class: 'assignment-text' }, item.text),
        h('section', { class: 'card', 'aria-labelledby': 'facts-heading' }, h('h2', { id: 'facts-heading', class: 'visually-hidden' }, t('assignment.status')), facts(ctx, item)),
        h('section', { class: 'card', 'aria-labelledby': 'stages-heading' }, h('h2', { id: 'stages-heading' }, t('assignment.stages')), stepper(item, steps.events, ownTrack)),
        item.tracks ? h('section', { class: 'card', 'aria-labelledby': 'tracks-heading' }, h('h2', { id: 'tracks-heading' }, t('assignment.tracks')), tracksTable(ctx, item)) : null,
        h('section', { class: 'card', 'aria-labelledby': 'events-heading' }, h('h2', { id: 'events-heading' }, t('assignment.timeline')), eventsTable(ctx, timeline.events)),
      );
      status.textContent = updatedNote();
    }, status);
  void refresh();
  const later = debounce(refresh, 300);
  const stream = `assignment-${id}`;
  return onEvent((event) => {
    if (event.streamId === stream || event.streamId.startsWith(`${stream}.`)) later();
  });
}

/** Why the clock is stopped: the Centre, the Office's review of the report, or (an "each of" parent) its tracks'. */
function pausedLabel(item) {
  if (item.stage === 'escalated') return 'assignment.paused';
  if (item.stage === 'reported') return 'assignment.pausedForReview';
  return 'assignment.pausedTracks';
}
