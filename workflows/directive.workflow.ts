import { allHandlersFinished, condition, continueAsNew, ParentClosePolicy, patched, setHandler, startChild, workflowInfo } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  assignmentCommandsFor,
  decideAssignment,
  decideDirective,
  EVENT_SCHEMA_VERSION,
  evolveAssignment,
  evolveDirective,
  initialAssignmentState,
  initialDirectiveState,
  nextCompiledReportAt,
  trackIdOf,
  type Actor,
  type AssignmentEvent,
  type CreateAssignment,
  type CreateDirective,
  type DirectiveCommand,
  type DirectiveEvent,
  type DirectiveState,
  type ExistingAssignment,
  type StatusCounts,
} from '@app/domain';
import {
  ASSIGNMENT_STARTS_IN_FLIGHT,
  assignmentReadySignal,
  assignmentStreamId,
  assignmentWorkflowId,
  createDirectiveUpdate,
  directiveStateQuery,
  directiveStreamId,
  initialSearchAttributes,
  isDomainFailure,
  withdrawDirectiveUpdate,
  type AssignmentWorkflowInput,
  type DirectiveWithdrawalResult,
  type DirectiveWorkflowInput,
  type DirectiveWorkflowState,
  type WithdrawDirectiveRequest,
} from '@app/contracts';
import type { SearchAttributePair } from '@temporalio/common';
import { assignmentWorkflow } from './assignment.workflow';
import { appendEvents, appendToStreams, directiveStatusCounts, startAssignments, withdrawAssignments } from './shared/activities';
import { decideOrFail, nowIso } from './shared/domain-failure';
import { SerialQueue } from './shared/serial-queue';

const DEFAULT_HISTORY_LIMIT = 10_000;
/** How long creation waits for every assignment to be stored before answering anyway (they keep starting). */
const READY_TIMEOUT_MS = 60_000;
const PATCH_WAIT_FOR_READY = 'directive-waits-for-ready-assignments';
const PATCH_PARALLEL_STARTS = 'directive-starts-assignments-in-batches';
const PATCH_STORES_ASSIGNMENTS = 'directive-stores-its-assignments-then-starts-them';
const PATCH_STARTS_THROUGH_ACTIVITY = 'directive-starts-assignments-through-an-activity';
const PATCH_OVERLAPPED_START_BATCHES = 'directive-runs-two-start-batches-at-a-time';
export const PATCH_REFUSED_CREATION_ENDS = 'directive-ends-when-its-creation-is-refused';
export const PATCH_PARENTS_FIRST = 'directive-starts-each-of-parents-before-their-tracks';
export const PATCH_MONITOR_ENDS_WHEN_ALL_DONE = 'directive-monitor-ends-once-every-assignment-is-done';
/** A run whose creation its validator refused (nothing reached history) ends after this, having nothing to follow. */
const AWAIT_CREATION_MS = 60_000;
/** Streams per appendToStreams call: keeps each local activity's payload far below Temporal's 2 MB limit. */
const STREAMS_PER_APPEND = 200;
/** Child starts in flight at once: one round trip per batch instead of per assignment. */
const START_BATCH = 100;
/** Assignments per startAssignments activity: each carries its state, so ~2 KB apiece. */
const STARTS_PER_ACTIVITY = 200;
/** Assignments per withdrawAssignments activity: a worker that dies sends at most this many again (each once). */
const WITHDRAWALS_PER_ACTIVITY = 200;
/**
 * startAssignments activities running at once, each with its share of the starts in flight: while one drains its
 * last starts and reports back, the other keeps the server busy.
 */
const START_LANES = 2;

/**
 * The monitor's duty for one directive (the Provincial Party Office's): records the directive, starts one
 * workflow per assignment and per agency track, and compiles the periodic report for the Standing Committee.
 */
export async function directiveWorkflow(input: DirectiveWorkflowInput): Promise<void> {
  let state = (input.carried?.state as DirectiveState | undefined) ?? initialDirectiveState;
  let version = input.carried?.version ?? 0;
  let started = input.carried?.started ?? false;
  const queue = new SerialQueue();
  const ready = new Set<string>();
  let refused = false;

  const apply = async (command: DirectiveCommand, correlationId: string, tokenId?: string): Promise<void> => {
    const events = decideOrFail(() => decideDirective(command, state));
    const appended = await appendEvents({
      streamId: directiveStreamId(input.directiveId),
      expectedVersion: version,
      events: toStored(events),
      occurredAt: command.at,
      actor: command.actor,
      correlationId,
      causationId: null,
      ...(tokenId && { tokenId }),
    });
    // A retried workflow task gets back what its first attempt stored, decided at another time.
    const stored = appended.duplicate ? (appended.events.map(({ type, data }) => ({ type, data })) as DirectiveEvent[]) : events;
    state = stored.reduce(evolveDirective, state);
    version = appended.version;
  };

  /**
   * Decides the directive and every assignment's creation, then stores them in one transaction per 200 streams
   * (the first holding the directive): when the update answers, every assignment is in the projections.
   */
  const storeWithAssignments = async (command: CreateDirective, correlationId: string, tokenId: string | undefined): Promise<StoredAssignment[]> => {
    const events = decideOrFail(() => decideDirective(command, state));
    const created = events.reduce(evolveDirective, state);
    const assignments = assignmentCommandsFor(created, command.at).map((create) => ({ create, events: decideOrFail(() => decideAssignment(create, initialAssignmentState)) }));
    const appends = [
      { streamId: directiveStreamId(input.directiveId), expectedVersion: version, events: toStored(events) },
      ...assignments.map(({ create, events: creation }) => ({ streamId: assignmentStreamId(create.assignmentId), expectedVersion: 0, events: toStored(creation) })),
    ];
    const versions: number[] = [];
    // By index in `appends`: what the store already held, from a first attempt decided at another time (a workflow
    // task retried after its worker died); the states are built from what is stored.
    const held = new Map<number, { type: string; data: unknown }[]>();
    // By index in `appends`: the new assignments' notices to post to a webhook, which their workflows deliver.
    const webhookEvents = new Map<number, string[]>();
    for (let index = 0; index < appends.length; index += STREAMS_PER_APPEND) {
      const chunk = appends.slice(index, index + STREAMS_PER_APPEND);
      // The first batch claims every later batch's streams: an assignment another directive holds fails it all.
      const reserve = index === 0 ? appends.slice(STREAMS_PER_APPEND).map((a) => a.streamId) : undefined;
      const stored = await appendToStreams({ appends: chunk, occurredAt: command.at, actor: command.actor, correlationId, causationId: null, ...(tokenId && { tokenId }), ...(reserve && { reserve }) }).catch(
        (error: unknown) => {
          // Refused, nothing stored (an assignment is another directive's; a local activity's failure arrives as
          // thrown): unless another create follows, this run has no directive to follow.
          if (isDomainFailure(error)) refused = true;
          throw error;
        },
      );
      versions.push(...stored.versions);
      for (const [at, events] of Object.entries(stored.duplicates ?? {})) held.set(index + Number(at), events);
      for (const [at, eventIds] of Object.entries(stored.webhookEvents ?? {})) webhookEvents.set(index + Number(at), eventIds);
    }
    state = ((held.get(0) as DirectiveEvent[] | undefined) ?? events).reduce(evolveDirective, state);
    version = versions[0];
    return assignments.map(({ events: creation }, index) => ({
      state: ((held.get(index + 1) as AssignmentEvent[] | undefined) ?? creation).reduce(evolveAssignment, initialAssignmentState) as ExistingAssignment,
      version: versions[index + 1],
      ...(webhookEvents.has(index + 1) && { deliveries: webhookEvents.get(index + 1) }),
    }));
  };

  const view = (): DirectiveWorkflowState => ({
    directiveId: input.directiveId,
    created: state.exists,
    version,
    assignmentIds: state.exists ? state.assignments.map((plan) => plan.id) : [],
  });

  setHandler(directiveStateQuery, view);
  setHandler(assignmentReadySignal, ({ assignmentId }) => void ready.add(assignmentId));
  setHandler(
    createDirectiveUpdate,
    (request) =>
      queue.run(async () => {
        // Whether this request created the directive (a retry's finds it created): what the API answers 201 or 200 by.
        const existed = state.exists;
        const answer = (): DirectiveWorkflowState => ({ ...view(), created: !existed });
        // Runs recorded before this change appended only the directive and let each assignment store its own
        // creation (then signal it was ready); replaying them must do the same.
        if (!state.exists && patched(PATCH_STORES_ASSIGNMENTS)) {
          const command: CreateDirective = { ...request.directive, directiveId: input.directiveId, type: 'CreateDirective', at: nowIso(), actor: request.actor };
          const created = await storeWithAssignments(command, request.correlationId, request.tokenId).catch((error: unknown) => {
            // An assignment's creation refused (e.g. two reminders at the same offset), nothing stored: as the store's
            // refusal, it ends the run (runs recorded before kept waiting).
            if (isDomainFailure(error) && !state.exists && patched(PATCH_REFUSED_CREATION_ENDS)) refused = true;
            throw error;
          });
          await startStored(created, command.at, request.correlationId, input.historyLimit);
          started = true;
          return answer();
        }
        if (!state.exists) {
          await apply({ ...request.directive, directiveId: input.directiveId, type: 'CreateDirective', at: nowIso(), actor: request.actor }, request.correlationId);
        }
        if (!started) {
          const commands = assignmentCommandsFor(state, nowIso());
          await startCreatedAssignments(commands, request.correlationId, input.historyLimit);
          started = true;
          // Answer once every assignment is stored, so a client can read them right after creating the directive.
          if (patched(PATCH_WAIT_FOR_READY)) await condition(() => commands.every((command) => ready.has(command.assignmentId)), READY_TIMEOUT_MS);
        }
        return answer();
      }),
    {
      validator: (request) => {
        if (state.exists) return; // a repeat answers the existing directive
        decideOrFail(() => decideDirective({ ...request.directive, directiveId: input.directiveId, type: 'CreateDirective', at: nowIso(), actor: request.actor }, state));
      },
    },
  );

  const withdrawCommand = (request: WithdrawDirectiveRequest): DirectiveCommand => ({ type: 'Withdraw', reason: request.reason, at: nowIso(), actor: request.actor });
  // Once withdrawn, the loop below stops reporting and the run ends when this handler has withdrawn the assignments.
  setHandler(
    withdrawDirectiveUpdate,
    (request) =>
      queue.run(async () => {
        await apply(withdrawCommand(request), request.correlationId, request.tokenId);
        return withdrawOpenAssignments(state, version, request);
      }),
    {
      validator: (request) => {
        // Still storing its assignments (the directive is already listed): the handler, queued behind, decides then.
        if (!state.exists && !queue.idle) return;
        decideOrFail(() => decideDirective(withdrawCommand(request), state));
      },
    },
  );

  // A refused creation ends the run, unless another create was queued behind it.
  const settled = (): boolean => (state.exists && started) || (refused && !state.exists && queue.idle && allHandlersFinished());
  if (patched(PATCH_REFUSED_CREATION_ENDS)) {
    // The creation comes with the start; one its validator refused never reaches the run, which then follows nothing.
    const settledInTime = await condition(settled, input.awaitCreationMs ?? AWAIT_CREATION_MS);
    if (!settledInTime && !state.exists && queue.idle && allHandlersFinished()) return;
  }
  await condition(settled);
  while (state.exists && state.status === 'active') {
    const dueAt = nextCompiledReportAt(state);
    if (!dueAt) break;
    const waitMs = Date.parse(dueAt) - Date.now();
    if (waitMs <= 0 || !(await condition(() => !state.exists || state.status !== 'active', waitMs))) {
      await queue.run(() => compileReport(state, apply));
      // Followed up until every assignment is done: that report was the last (runs recorded before kept reporting).
      if (nothingOpen(state) && patched(PATCH_MONITOR_ENDS_WHEN_ALL_DONE)) break;
    }
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > (input.historyLimit ?? DEFAULT_HISTORY_LIMIT)) {
      await condition(() => queue.idle && allHandlersFinished());
      await continueAsNew<typeof directiveWorkflow>({ ...input, carried: { state, version, started } });
    }
  }
  await condition(() => queue.idle && allHandlersFinished());
}

/** The last compiled report counted no assignment in progress: every one closed or withdrawn. */
function nothingOpen(state: DirectiveState): boolean {
  const last = state.exists ? state.reports[state.reports.length - 1] : undefined;
  return last !== undefined && last.counts.inProgressOnTime + last.counts.inProgressOverdue === 0;
}

/**
 * Sends the withdrawal on to each assignment as the Withdraw update a supervisor sends through the API, from activities:
 * the assignment's own validator decides, its AssignmentWithdrawn records this supervisor and token, and the answer says
 * which were withdrawn and which had finished (signals could say neither). Scheduled activities survive the worker's
 * death and are retried; an update's id derives from the directive and the assignment, so a retried batch runs nothing
 * twice, and one already closed or withdrawn is skipped. An "each of" parent withdraws its own tracks (parentWithdrawnSignal).
 */
async function withdrawOpenAssignments(state: DirectiveState, version: number, request: WithdrawDirectiveRequest): Promise<DirectiveWithdrawalResult> {
  if (!state.exists || !state.withdrawal) throw new Error('withdrawOpenAssignments: the directive is not withdrawn');
  const { id, withdrawal } = state;
  const result: DirectiveWithdrawalResult = { directiveId: id, withdrawn: true, withdrawal, version, withdrawnAssignments: [], alreadyClosedAssignments: [] };
  for (let index = 0; index < state.assignments.length; index += WITHDRAWALS_PER_ACTIVITY) {
    const plans = state.assignments.slice(index, index + WITHDRAWALS_PER_ACTIVITY);
    const batch = await withdrawAssignments({
      assignmentIds: plans.map((plan) => plan.id),
      trackIds: plans.flatMap((plan) => (plan.kind === 'eachOf' ? plan.agencies.map((a) => trackIdOf(plan.id, a.agency)) : [])),
      reason: withdrawal.reason,
      actor: request.actor,
      correlationId: request.correlationId,
      ...(request.tokenId && { tokenId: request.tokenId }),
      updateIdPrefix: `withdraw-directive/${id}`,
    });
    result.withdrawnAssignments.push(...batch.withdrawn);
    result.alreadyClosedAssignments.push(...batch.alreadyClosed);
  }
  return result;
}

async function compileReport(state: DirectiveState, apply: (command: DirectiveCommand, correlationId: string) => Promise<void>): Promise<void> {
  // Withdrawn while this report waited behind the withdrawal in the queue: there is nothing more to report (the decider
  // would refuse it and fail the run). No run recorded before withdrawals existed gets here withdrawn: no patch needed.
  if (!state.exists || state.status !== 'active') return;
  const at = nowIso();
  const counts = (await directiveStatusCounts({ directiveId: state.id, at })) as StatusCounts;
  const actor: Actor = { kind: 'system' };
  await apply({ type: 'RecordCompiledReport', periodEnd: at, counts, at, actor }, workflowInfo().workflowId);
}

interface ChildStart {
  input: AssignmentWorkflowInput;
  searchAttributes?: SearchAttributePair[];
}

const toStored = (events: readonly (DirectiveEvent | AssignmentEvent)[]) =>
  events.map((event) => ({ type: event.type, data: event.data, schemaVersion: EVENT_SCHEMA_VERSION[event.type] }));

/** An assignment stored with the directive, and its notices to post to a webhook (its workflow posts them). */
interface StoredAssignment {
  state: ExistingAssignment;
  version: number;
  deliveries?: string[];
}

/**
 * Starts the workflows of assignments already stored, each from its state. Runs recorded before this change started
 * them as (abandoned) children, with their search attributes set; replaying them must too.
 */
async function startStored(
  created: StoredAssignment[],
  at: string,
  correlationId: string,
  historyLimit: number | undefined,
): Promise<void> {
  const inputs = created.map(({ state, version, deliveries }): AssignmentWorkflowInput => ({ assignmentId: state.id, carried: { state, version, ...(deliveries && { deliveries }) }, historyLimit, correlationId }));
  if (!patched(PATCH_STARTS_THROUGH_ACTIVITY)) {
    await startChildren(inputs.map((input, index) => ({ input, searchAttributes: initialSearchAttributes(created[index].state, at) })));
    return;
  }
  let rest = inputs;
  // A track reports to its "each of" parent from its first task (an overdue mark, at once for a notice imported late):
  // the parents are started first, or such a report could find no parent and be lost (runs recorded before did not).
  if (inputs.some(isParent) && patched(PATCH_PARENTS_FIRST)) {
    const parents = inputs.filter(isParent);
    for (let index = 0; index < parents.length; index += STARTS_PER_ACTIVITY) await startAssignments({ inputs: parents.slice(index, index + STARTS_PER_ACTIVITY), at });
    rest = inputs.filter((input) => !isParent(input));
  }
  const batches: AssignmentWorkflowInput[][] = [];
  for (let index = 0; index < rest.length; index += STARTS_PER_ACTIVITY) batches.push(rest.slice(index, index + STARTS_PER_ACTIVITY));
  if (!patched(PATCH_OVERLAPPED_START_BATCHES)) {
    for (const batch of batches) await startAssignments({ inputs: batch, at });
    return;
  }
  const lanes = Math.min(START_LANES, batches.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < batches.length) await startAssignments({ inputs: batches[next++], at, inFlight: ASSIGNMENT_STARTS_IN_FLIGHT / lanes });
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}

const isParent = (input: AssignmentWorkflowInput): boolean => {
  const state = input.carried?.state;
  return state !== undefined && state.exists && state.kind === 'eachOf';
};

/** Starts each assignment's workflow once; ids derive from the assignment, so a repeat starts nothing. */
async function startCreatedAssignments(commands: CreateAssignment[], correlationId: string, historyLimit: number | undefined): Promise<void> {
  await startChildren(commands.map((create) => ({ input: { assignmentId: create.assignmentId, create, historyLimit, correlationId } })));
}

async function startChildren(starts: ChildStart[]): Promise<void> {
  const startOne = async ({ input, searchAttributes }: ChildStart): Promise<void> => {
    try {
      await startChild(assignmentWorkflow, {
        workflowId: assignmentWorkflowId(input.assignmentId),
        args: [input],
        // Assignments outlive this workflow's runs (continue-as-new) and its withdrawal bookkeeping.
        parentClosePolicy: ParentClosePolicy.ABANDON,
        ...(searchAttributes && { typedSearchAttributes: searchAttributes }),
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  };
  if (!patched(PATCH_PARALLEL_STARTS)) {
    for (const start of starts) await startOne(start);
    return;
  }
  for (let index = 0; index < starts.length; index += START_BATCH) {
    await Promise.all(starts.slice(index, index + START_BATCH).map(startOne));
  }
}
