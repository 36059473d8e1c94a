// Formatting shared by the views, and a tiny DOM builder (no innerHTML: every text is a text node).
import { t } from './i18n.js';

const dateTimeParts = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  const out = {};
  for (const part of dateTimeParts.formatToParts(date)) out[part.type] = part.value;
  return out;
}

/** dd/mm/yyyy HH:mm in Asia/Ho_Chi_Minh, whatever the language. */
export function formatDateTime(iso) {
  const p = iso ? parts(iso) : undefined;
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : t('none');
}

/** HH:mm:ss in Asia/Ho_Chi_Minh. */
export function formatClock(iso) {
  const p = parts(iso);
  return p ? `${p.hour}:${p.minute}:${p.second}` : '';
}

/** dd/mm/yyyy in Asia/Ho_Chi_Minh. */
export function formatDate(iso) {
  const p = iso ? parts(iso) : undefined;
  return p ? `${p.day}/${p.month}/${p.year}` : t('none');
}

/** A <time> element showing dd/mm/yyyy HH:mm. */
export function timeEl(iso) {
  return h('time', { datetime: iso ?? '' }, formatDateTime(iso));
}

const DURATION_UNITS = [['days', 86400], ['hours', 3600], ['minutes', 60], ['seconds', 1]];

/** "3 ngày", "2 ngày 3 giờ": the two largest units that are not zero (a pause is rarely a round number). */
export function formatDuration(ms) {
  let rest = Math.round(ms / 1000);
  const parts = [];
  for (const [unit, size] of DURATION_UNITS) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || (parts.length > 0 && parts.length < 2)) parts.push([unit, n]);
    if (parts.length === 2) break;
  }
  if (parts.length === 0) return t('duration.seconds', { n: 0 });
  return parts.filter(([, n], i) => i === 0 || n > 0).map(([unit, n]) => t(`duration.${unit}`, { n })).join(' ');
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(element, attrs, children) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Replaces the children of `element`, skipping null, undefined and false (no "null" text nodes). */
export function fill(element, ...children) {
  element.replaceChildren(...children.flat(Infinity).filter((child) => child !== undefined && child !== null && child !== false));
  return element;
}

/** h('a', { href: '#/x' }, 'text', child…) */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** A status as a coloured badge with its text (colour is never the only cue). */
export function statusBadge(status) {
  return h('span', { class: `badge status-${status}` }, t(`status.${status}`));
}

export function stageLabel(stage) {
  return t(`stage.${stage}`);
}
