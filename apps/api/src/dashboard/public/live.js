// The live event stream (GET /api/events/stream, token as ?access_token= since EventSource cannot send headers).
// Views subscribe; each domain event is handed to them. The browser reconnects on its own with Last-Event-ID.
import { streamUrl } from './api.js';

let source;
/** The last event delivered: a stream opened again resumes after it instead of replaying the whole feed. */
let lastEventId;
const listeners = new Set();
let stateListener = () => {};
let closedHandler = () => {};

/** 'connecting' | 'on' | 'retrying' | 'off' */
let state = 'off';

function setState(next) {
  state = next;
  stateListener(next);
}

export function liveState() {
  return state;
}

/**
 * Opens the stream. `onState` hears the connection state; `onClosed` is called when the server refused the
 * stream (EventSource gives no status: the caller asks the API why, e.g. a 401 means sign in again).
 */
export function startLive({ onState, onClosed }) {
  stopLive();
  stateListener = onState;
  closedHandler = onClosed;
  setState('connecting');
  // First open: only what follows (the views load their data themselves); again: resume past the last event seen.
  source = new EventSource(streamUrl(lastEventId ?? 'latest'));
  source.onopen = () => setState('on');
  source.onerror = () => {
    if (!source) return;
    if (source.readyState === EventSource.CLOSED) {
      source = undefined;
      setState('off');
      closedHandler();
    } else setState('retrying');
  };
  const deliver = (message) => {
    let event;
    try {
      event = JSON.parse(message.data);
    } catch {
      return;
    }
    if (message.lastEventId) lastEventId = message.lastEventId;
    if (state !== 'on') setState('on');
    for (const listener of listeners) listener(event);
  };
  source.onmessage = deliver;
  for (const type of EVENT_TYPES) source.addEventListener(type, deliver);
  // Where a stream opened at 'latest' starts: a stream opened again resumes there, missing nothing in between.
  source.addEventListener('head', (message) => {
    if (message.lastEventId) lastEventId = message.lastEventId;
  });
}

export function stopLive() {
  if (source) source.close();
  source = undefined;
  setState('off');
}

/** Calls `listener(event)` for each event; returns the unsubscribe function. */
export function onEvent(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// SSE messages carry `event: <type>`; EventSource only dispatches named events to listeners of that name.
const EVENT_TYPES = [
  'AssignmentCreated',
  'AssignmentAcknowledged',
  'ResearchRecorded',
  'ProposalSubmitted',
  'ProposalAccepted',
  'ProposalReturned',
  'EscalatedToCentre',
  'CentreResponded',
  'ReportSubmitted',
  'ReportConfirmed',
  'ReportRejected',
  'ExtensionRequested',
  'ExtensionApproved',
  'ExtensionDenied',
  'ExtensionRequestWithdrawn',
  'ExtensionRequestLapsed',
  'AssignmentWithdrawn',
  'ReminderSent',
  'MarkedOverdue',
  'EscalatedToLevel',
  'StageDeadlineMissed',
  'TrackProgressRecorded',
  'AssignmentClosed',
  'DirectiveCreated',
  'DirectiveWithdrawn',
  'CompiledReportProduced',
];

/** The escalation timeline's event types (GET /api/escalations). */
export const TIMELINE_TYPES = new Set([
  'ReminderSent',
  'MarkedOverdue',
  'EscalatedToLevel',
  'StageDeadlineMissed',
  'EscalatedToCentre',
  'CentreResponded',
  'ExtensionRequested',
  'ExtensionApproved',
  'ExtensionDenied',
  'ExtensionRequestWithdrawn',
  'ExtensionRequestLapsed',
  'AssignmentWithdrawn',
]);

/**
 * Coalesces bursts (the replay on connect, a fan-out of tracks) into one call after `ms` of quiet, and at least one
 * every `maxWaitMs` while events keep coming (a busy province), so the page never stops refreshing.
 */
export function debounce(fn, ms, maxWaitMs = 2000) {
  let timer;
  let firstAt;
  return () => {
    clearTimeout(timer);
    firstAt ??= Date.now();
    const run = () => {
      firstAt = undefined;
      fn();
    };
    timer = setTimeout(run, Math.max(0, Math.min(ms, firstAt + maxWaitMs - Date.now())));
  };
}
