import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  log,
  patched,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  admitAssignmentCommand,
  decideAssignment,
  evolveAssignment,
  EVENT_SCHEMA_VERSION,
  initialAssignmentState,
  nextTimer,
  NOTIFYING_EVENT_TYPES,
  summarize,
  type Actor,
  type AssignmentCommand,
  type AssignmentEvent,
  type AssignmentState,
  type NextTimer,
} from '@app/domain';
import {
  assignmentReadySignal,
  assignmentCommandUpdate,
  assignmentSearchAttributes,
  assignmentStateQuery,
  assignmentStreamId,
  assignmentWorkflowId,
  directiveWorkflowId,
  domainFailure,
  parentWithdrawnSignal,
  trackProgressSignal,
  type AppendEventsOutput,
  type AssignmentWorkflowInput,
  type CommandRequest,
  type CommandResult,
} from '@app/contracts';
import { appendEvents, deliverNotifications } from './shared/activities';
import { decideOrFail, nowIso } from './shared/domain-failure';
import { logSignalFailure } from './shared/ended-target';
import { DeadlineTimer } from './shared/deadline-timer';
import { SerialQueue } from './shared/serial-queue';

const DEFAULT_HISTORY_LIMIT = 10_000;
export const PATCH_READY_SIGNAL = 'assignment-ready-signal';
export const PATCH_KEEP_DEADLINE_TIMER = 'assignment-keeps-unchanged-deadline-timer';
export const PATCH_CHANGED_SEARCH_ATTRIBUTES = 'assignment-upserts-changed-search-attributes';
export const PATCH_DELIVER_ONLY_TO_WEBHOOKS = 'assignment-delivers-only-what-has-a-webhook';
export const PATCH_TRACK_OVERDUE_SIGNAL = 'assignment-track-signals-overdue';
export const PATCH_DRAIN_BEFORE_CONTINUE = 'assignment-drains-again-before-continue-as-new';
export const PATCH_TRACK_CLOCK_SIGNAL = 'assignment-track-signals-its-deadline';
export const PATCH_PARENT_TRACK_CLOCK = 'assignment-parent-records-track-deadlines';
export const PATCH_CARRY_DELIVERIES = 'assignment-carries-pending-deliveries-over-continue-as-new';
/** Posts the decisions' notices (not only the timers') to agencies' webhooks. */
export const PATCH_DELIVER_DECISIONS = 'assignment-delivers-decisions-to-webhooks';
export const PATCH_CAUGHT_UP_COMMANDS = 'assignment-answers-commands-it-caught-up-on';
export const PATCH_DENY_WHILE_ESCALATED = 'assignment-denies-an-extension-while-escalated';
export const PATCH_TRACK_LEVEL_SIGNAL = 'assignment-track-signals-its-escalation-level';

/**
 * One assignment (or one agency's track of an "each of" assignment) from creation to closure: commands arrive
 * as updates, deadlines as durable timers, and every change is appended to the event store before it counts.
 */
export async function assignmentWorkflow(input: AssignmentWorkflowInput): Promise<void> {
  let state: AssignmentState = input.carried?.state ?? initialAssignmentState;
  let version = input.carried?.version ?? 0;
  const queue = new SerialQueue();
  // Notifying events whose webhook delivery is pending, carried over continue-as-new (the activity skips delivered ones).
  const deliveries: string[] = [...(input.carried?.deliveries ?? [])];
  // Signals to the parent or tracks; awaited before the workflow ends, or they would be dropped with it.
  const outbox: Promise<void>[] = [];
  const streamId = assignmentStreamId(input.assignmentId);
  const deadline = new DeadlineTimer();
  const published = new Map<string, string | null>();

  // Users' commands whose events a catch-up took in (their first attempt stored them; its task's completion was lost).
  const caughtUp = new Map<string, AppendEventsOutput['events']>();
  const ownCatchUp = (correlationId: string) => (correlationId === workflowInfo().workflowId ? undefined : caughtUp.get(correlationId));

  const apply = async (command: AssignmentCommand, correlationId: string, tokenId?: string): Promise<CommandResult> => {
    // Caught up by another command before this one ran again: it took effect then (runs recorded before decided it again).
    const stored = ownCatchUp(correlationId);
    if (stored && patched(PATCH_CAUGHT_UP_COMMANDS)) return { assignment: summarize(state, command.at), version, events: stored };
    refuseAsRecordedRunsDid(command, state);
    let events = decideOrFail(() => decideAssignment(command, state));
    let appended = await append(events, command, correlationId, tokenId);
    // Behind its own stream (a workflow task whose completion was lost had stored more): take those events as
    // they are. If this very command is among them (a user's command has a correlation id of its own; timers and
    // signals share the workflow's), it took effect then; otherwise decide it again on that state.
    while (appended.behind) {
      const behind = appended.behind;
      const beforeCatchUp = state;
      state = behind.reduce<AssignmentState>((current, event) => evolveAssignment(current, { type: event.type, data: event.data } as AssignmentEvent), state);
      version = appended.version;
      for (const event of behind) caughtUp.set(event.correlationId, [...(caughtUp.get(event.correlationId) ?? []), event]);
      const withdrawal = behind.find((event) => event.type === 'AssignmentWithdrawn');
      afterChange(beforeCatchUp, { version, events: behind, ...(appended.webhookEvents && { webhookEvents: appended.webhookEvents }) }, (withdrawal?.actor ?? command.actor) as Actor);
      const own = correlationId === workflowInfo().workflowId ? [] : behind.filter((event) => event.correlationId === correlationId);
      if (own.length > 0) return { assignment: summarize(state, command.at), version, events: own };
      events = decideOrFail(() => decideAssignment(command, state));
      appended = await append(events, command, correlationId, tokenId);
    }
    const before = state;
    state = asStored(appended).reduce<AssignmentState>((current, event: AssignmentEvent) => evolveAssignment(current, event), state);
    version = appended.version;
    afterChange(before, appended, command.actor);
    return { assignment: summarize(state, command.at), version, events: appended.events };
  };

  const append = (events: AssignmentEvent[], command: AssignmentCommand, correlationId: string, tokenId?: string): Promise<AppendEventsOutput> =>
    appendEvents({
      streamId,
      expectedVersion: version,
      events: events.map((event) => ({ type: event.type, data: event.data, schemaVersion: EVENT_SCHEMA_VERSION[event.type] })),
      occurredAt: command.at,
      actor: command.actor,
      correlationId,
      causationId: null,
      ...(tokenId ? { tokenId } : {}),
    });

  const afterChange = (before: AssignmentState, appended: AppendEventsOutput, actor: Actor): void => {
    publishSearchAttributes(state, published);
    const notifying = appended.events.filter((event) => NOTIFYING_EVENT_TYPES.includes(event.type)).map((event) => event.eventId);
    // Runs recorded before this change scheduled delivery for every notifying event, webhook or not.
    if (notifying.length > 0) {
      const withWebhook = new Set(appended.webhookEvents ?? notifying);
      deliveries.push(...(patched(PATCH_DELIVER_ONLY_TO_WEBHOOKS) ? notifying.filter((id) => withWebhook.has(id)) : notifying));
    }
    // A decision's notices too (a proposal returned, a report confirmed…), where an agency has a webhook; the store
    // said so only for the timers' before, so runs recorded then never get here.
    const decisions = (appended.webhookEvents ?? []).filter((id) => !notifying.includes(id));
    if (decisions.length > 0 && patched(PATCH_DELIVER_DECISIONS)) deliveries.push(...decisions);
    if (state.exists && state.kind === 'track' && state.parentId && state.lead && (progressChanged(before, state) || wentOverdue(appended) || clockMoved(before, state) || climbedTheLadder(appended))) {
      const progress = summarize(state, nowIso());
      outbox.push(
        getExternalWorkflowHandle(assignmentWorkflowId(state.parentId))
          .signal(trackProgressSignal, { agency: state.lead, stage: progress.stage, status: progress.status, dueAt: progress.dueAt, paused: progress.paused, level: progress.overdueLevel, trackVersion: version })
          .catch((error: unknown) => logSignalFailure('could not signal the parent assignment', error)),
      );
    }
    if (state.exists && state.kind === 'eachOf' && state.stage === 'withdrawn' && before.exists && before.stage !== 'withdrawn') {
      const reason = state.withdrawal?.reason ?? '';
      for (const track of state.tracks) {
        outbox.push(
          getExternalWorkflowHandle(assignmentWorkflowId(`${state.id}.${track.agency}`))
            // As the supervisor who withdrew the parent: only a supervisor or admin may withdraw (runs recorded
            // before sent 'system', which each track refused; replaying them does so again).
            .signal(parentWithdrawnSignal, { reason, actor })
            .catch((error: unknown) => logSignalFailure('could not signal a track', error)),
        );
      }
    }
  };

  const toCommand = (request: CommandRequest, at: string): AssignmentCommand =>
    ({ ...request.command, at, actor: request.actor }) as AssignmentCommand;

  setHandler(assignmentStateQuery, () => ({ assignment: state.exists ? summarize(state, nowIso()) : null, version }));
  setHandler(
    assignmentCommandUpdate,
    (request) => queue.run(() => apply(toCommand(request, nowIso()), request.correlationId, request.tokenId)),
    // Rejects an invalid command before anything reaches history or the event store.
    {
      validator: (request) => {
        if (ownCatchUp(request.correlationId)) return; // already stored: answered with its events
        const command = toCommand(request, nowIso());
        decideOrFail(() => {
          admitAssignmentCommand(command, state);
          return decideAssignment(command, state);
        });
      },
    },
  );
  setHandler(trackProgressSignal, (signalled) => {
    // A parent run recorded before parents held tracks to their deadlines took stage and status only, even from a
    // track that sent its deadline too (a rolling deploy); replaying it must too.
    const { agency, stage, status } = signalled;
    const progress = signalled.dueAt !== undefined && patched(PATCH_PARENT_TRACK_CLOCK) ? signalled : { agency, stage, status };
    void queue
      .run(() => apply({ type: 'RecordTrackProgress', ...progress, at: nowIso(), actor: { kind: 'system' } }, workflowInfo().workflowId))
      .catch((error: unknown) => logSignalFailure('track progress not recorded', error));
  });
  setHandler(parentWithdrawnSignal, ({ reason, actor }) => {
    void queue
      .run(() => apply({ type: 'Withdraw', reason, at: nowIso(), actor: actor as Actor }, workflowInfo().workflowId))
      .catch((error: unknown) => logSignalFailure('track not withdrawn', error));
  });

  if (!state.exists) {
    if (!input.create) throw ApplicationFailure.nonRetryable(`Assignment ${input.assignmentId} has no creation command`);
    const create = input.create;
    await queue.run(() => apply(create, input.correlationId));
    // Runs recorded before this change never sent the signal; replaying them must not either.
    if (patched(PATCH_READY_SIGNAL)) outbox.push(
      getExternalWorkflowHandle(directiveWorkflowId(create.directiveId))
        .signal(assignmentReadySignal, { assignmentId: input.assignmentId })
        .catch((error: unknown) => log.warn('could not tell the directive', { error: String(error) })),
    );
  }

  const deliveryLoop = deliverInBackground(deliveries);
  while (!isTerminal(state)) {
    // Runs recorded before this change cancelled and restarted the timer on every command; replaying them must too.
    const timers = patched(PATCH_KEEP_DEADLINE_TIMER) ? deadline : undefined;
    await nextChangeOrTimer(() => version, queue, () => state, (command) => apply(command, workflowInfo().workflowId), timers, () => shouldContinueAsNew(input.historyLimit));
    if (shouldContinueAsNew(input.historyLimit)) {
      // Runs recorded before waited for every delivery, up to a day of retries with a webhook down, firing no timer.
      const carryDeliveries = patched(PATCH_CARRY_DELIVERIES);
      const idle = (): boolean => queue.idle && allHandlersFinished() && (carryDeliveries || deliveries.length === 0);
      const drain = async (): Promise<void> => {
        await condition(idle);
        await Promise.all(outbox);
      };
      await drain();
      // A command that arrived while the outbox was awaited is finished before the state is carried over, or it
      // would be lost with this run (runs recorded before continued at once).
      while (!idle() && patched(PATCH_DRAIN_BEFORE_CONTINUE)) await drain();
      const pending = carryDeliveries && deliveries.length > 0 ? { deliveries: [...deliveries] } : {};
      await continueAsNew<typeof assignmentWorkflow>({ ...input, create: undefined, carried: { state, version, ...pending } });
    }
  }
  await condition(() => queue.idle && allHandlersFinished() && deliveries.length === 0);
  await Promise.all(outbox);
  deliveryLoop.stop();
}

/** Waits for a command to change the state, or for the next deadline timer, which then fires through the queue. */
async function nextChangeOrTimer(
  currentVersion: () => number,
  queue: SerialQueue,
  currentState: () => AssignmentState,
  fire: (command: AssignmentCommand) => Promise<CommandResult>,
  deadline: DeadlineTimer | undefined,
  continueAsNewDue: () => boolean,
): Promise<void> {
  const timer = nextTimer(currentState());
  // Runs recorded before the kept deadline timer woke on every change (their timer was restarted each time).
  const changed = deadline ? changeThatMatters(currentVersion, currentState, timer, continueAsNewDue) : versionChanged(currentVersion);
  if (!timer) {
    deadline?.cancel();
    await condition(() => changed() || isTerminal(currentState()));
    return;
  }
  const waitMs = Date.parse(timer.at) - Date.now();
  if (waitMs > 0) {
    const outcome = deadline ? await deadline.waitUntil(timer.at, changed) : (await condition(changed, waitMs)) ? 'changed' : 'fired';
    if (outcome === 'changed') return;
  }
  await queue.run(async () => {
    // Re-check inside the queue: a command may have changed what is due while we waited.
    const due = nextTimer(currentState());
    if (!due || due.command.type !== timer.command.type || Date.parse(due.at) > Date.now()) return;
    await fire({ ...due.command, at: nowIso() } as AssignmentCommand).catch((error: unknown) => {
      if (error instanceof ActivityFailure) throw error;
      log.warn('timer command rejected', { error: String(error) });
    });
  });
}

/**
 * A deny while the work waits for the Centre: runs recorded before it could be decided refused it in the handler too
 * (its validator had passed on the stage before the escalation); replaying them must refuse it again.
 */
function refuseAsRecordedRunsDid(command: AssignmentCommand, state: AssignmentState): void {
  if (command.type !== 'DecideExtension' || !state.exists || state.stage !== 'escalated') return;
  if (!patched(PATCH_DENY_WHILE_ESCALATED)) throw domainFailure('INVALID_TRANSITION', 'Cannot decide an extension while the assignment is escalated', { stage: state.stage });
}

function versionChanged(currentVersion: () => number): () => boolean {
  const seen = currentVersion();
  return () => currentVersion() !== seen;
}

/**
 * True once a change gives the loop something to do: the next timer moved, changed kind, came due or went away, or
 * history is due for continue-as-new. After any other change (a research note, a coordinator's input) the loop
 * would only wait again on the same timer, so it is not woken: that round would cost every step a call into the
 * sandbox and a dozen promises. Each change is judged once, as the loop would have judged it on waking.
 */
function changeThatMatters(
  currentVersion: () => number,
  currentState: () => AssignmentState,
  timer: NextTimer | undefined,
  continueAsNewDue: () => boolean,
): () => boolean {
  let seen = currentVersion();
  return () => {
    if (currentVersion() === seen) return false;
    seen = currentVersion();
    const next = nextTimer(currentState());
    const timerMoved = !next || !timer ? next !== timer : next.at !== timer.at || next.command.type !== timer.command.type || Date.parse(next.at) <= Date.now();
    return timerMoved || continueAsNewDue();
  };
}

function deliverInBackground(queue: string[]): { stop(): void } {
  let stopped = false;
  const loop = async (): Promise<void> => {
    while (!stopped) {
      await condition(() => queue.length > 0 || stopped);
      if (stopped) return;
      const eventIds = queue.slice();
      await deliverNotifications({ eventIds }).catch((error: unknown) => log.warn('notifications left in the inbox', { error: String(error) }));
      queue.splice(0, eventIds.length);
    }
  };
  void loop();
  return { stop: () => (stopped = true) };
}

/**
 * The events as the store holds them, which the state is the fold of: the ones decided, or those of the first attempt
 * when the store already held the command (a retried workflow task decided it again at another time). On replay they
 * come from history, so a run recorded before a change to the decider rebuilds the state it had.
 */
function asStored(appended: AppendEventsOutput): AssignmentEvent[] {
  return appended.events.map((event) => ({ type: event.type, data: event.data }) as AssignmentEvent);
}

function isTerminal(state: AssignmentState): boolean {
  return state.exists && (state.stage === 'closed' || state.stage === 'withdrawn');
}

/**
 * A track's overdue mark: its status was already overdue at `now` before the mark was stored, so progressChanged
 * does not see it, and the parent's roll-up kept the track on time (runs recorded before this did not signal it).
 */
function wentOverdue(appended: AppendEventsOutput): boolean {
  return appended.events.some((event) => event.type === 'MarkedOverdue') && patched(PATCH_TRACK_OVERDUE_SIGNAL);
}

/** A track's ladder level rose: the parent shows the highest of its tracks' (runs recorded before did not say). */
function climbedTheLadder(appended: AppendEventsOutput): boolean {
  return appended.events.some((event) => event.type === 'EscalatedToLevel') && patched(PATCH_TRACK_LEVEL_SIGNAL);
}

/**
 * The track's deadline in force moved (an extension, a resumed Centre pause) or its clock stopped or restarted, with
 * no change of stage or status: the parent holds the district to that deadline (runs recorded before did not say).
 */
function clockMoved(before: AssignmentState, after: AssignmentState): boolean {
  if (!before.exists || !after.exists) return false;
  const moved = before.adjustedDueAt !== after.adjustedDueAt || (before.pausedAt === null) !== (after.pausedAt === null);
  return moved && patched(PATCH_TRACK_CLOCK_SIGNAL);
}

function progressChanged(before: AssignmentState, after: AssignmentState): boolean {
  if (!after.exists) return false;
  if (!before.exists) return true;
  const now = nowIso();
  const [a, b] = [summarize(before, now), summarize(after, now)];
  return a.stage !== b.stage || a.status !== b.status;
}

function shouldContinueAsNew(historyLimit = DEFAULT_HISTORY_LIMIT): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength > historyLimit;
}

/** Upserts the attributes whose value changed since the last upsert (all of them in runs recorded before that change). */
function publishSearchAttributes(state: AssignmentState, published: Map<string, string | null>): void {
  if (!state.exists) return;
  const pairs = assignmentSearchAttributes(state, nowIso());
  if (!patched(PATCH_CHANGED_SEARCH_ATTRIBUTES)) return upsertSearchAttributes(pairs);
  const changed = pairs.filter(({ key, value }) => published.get(key.name) !== keyOf(value));
  if (changed.length === 0) return;
  upsertSearchAttributes(changed);
  for (const { key, value } of changed) published.set(key.name, keyOf(value));
}

function keyOf(value: unknown): string | null {
  return value instanceof Date ? value.toISOString() : value === null || value === undefined ? null : String(value);
}
