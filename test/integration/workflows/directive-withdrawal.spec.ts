import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import {
  assignmentStreamId,
  assignmentWorkflowId,
  DIRECTIVE_WORKFLOW,
  directiveStreamId,
  directiveWorkflowId,
  withdrawDirectiveUpdate,
  type WithdrawDirectiveRequest,
} from '@app/contracts';
import { DirectiveSummaryRepository } from '@app/read-models';
import { withdrawAssignments } from '../../../apps/worker/src/activities/withdraw-assignments.activity';
import { recordHistory } from '../../support/history-fixtures';
import { connectToStack, testWorker, type StackConnection } from '../../support/test-stack';
import { agency, createDirective, plan, rejectionCode, send, stateOf, SUPERVISOR } from '../../support/workflow-driver';

describe("the Office's withdrawal of a whole directive", () => {
  let stack: StackConnection;
  let worker: Awaited<ReturnType<typeof testWorker>>;
  let summaries: DirectiveSummaryRepository;

  beforeAll(async () => {
    stack = await connectToStack();
    worker = await testWorker();
    summaries = new DirectiveSummaryRepository(stack.sql);
  });
  afterAll(async () => {
    await worker.shutdown();
    await stack.close();
  });

  const types = async (streamId: string) => (await stack.store.readStream(streamId)).map((event) => event.type);
  const withdrawal = (reason: string): WithdrawDirectiveRequest => ({ reason, actor: SUPERVISOR, correlationId: randomUUID(), tokenId: randomUUID() });
  /** As the API sends it: to the running workflow, or to a new run from the stored state when the directive's monitoring has ended. */
  const withdraw = async (directiveId: string, request: WithdrawDirectiveRequest) => {
    const stored = await summaries.findState(directiveId);
    return stack.client.workflow.executeUpdateWithStart(withdrawDirectiveUpdate, {
      args: [request],
      startWorkflowOperation: new WithStartWorkflowOperation(DIRECTIVE_WORKFLOW, {
        workflowId: directiveWorkflowId(directiveId),
        taskQueue: worker.taskQueue,
        args: [{ directiveId, ...(stored && { carried: { state: stored.state, version: stored.version, started: true } }) }],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    });
  };
  async function close(id: string): Promise<void> {
    const lead = agency('BTCTU');
    await send(stack.client, id, { type: 'Acknowledge' }, lead);
    await send(stack.client, id, { type: 'SubmitProposal', summary: 'Đề xuất', beyondProvincialCompetence: false }, lead);
    await send(stack.client, id, { type: 'ReviewProposal', decision: 'accept' }, SUPERVISOR);
    await send(stack.client, id, { type: 'SubmitReport', summary: 'Xong' }, lead);
    await send(stack.client, id, { type: 'ConfirmReport' }, SUPERVISOR);
  }

  it('withdraws every open assignment (an "each of" with its tracks), leaves a closed one, ends, and refuses a second withdrawal', async () => {
    const directiveId = `D-${randomUUID().slice(0, 8)}`;
    const [inResearch, closed, eachOf] = [`${directiveId}-A1`, `${directiveId}-A2`, `${directiveId}-A3`];
    const districts = ['BTV-HUONGSON', 'BTV-CANLOC'];
    const tracks = districts.map((code) => `${eachOf}.${code}`);
    await createDirective(stack.client, worker.taskQueue, [plan(inResearch), plan(closed), plan(eachOf, { kind: 'eachOf', agencies: districts.map((code) => ({ agency: code, role: 'lead' as const })) })], { directiveId });
    await send(stack.client, inResearch, { type: 'Acknowledge' }, agency('BTCTU'));
    await close(closed);
    await send(stack.client, tracks[1], { type: 'Acknowledge' }, agency('BTV-CANLOC'));
    expect((await stateOf(stack.client, inResearch))?.stage).toBe('research');

    const request = withdrawal('  Ban hành nhầm; thay thế bằng thông báo khác  ');
    const result = await stack.client.workflow.getHandle(directiveWorkflowId(directiveId)).executeUpdate(withdrawDirectiveUpdate, { args: [request] });
    expect(result).toMatchObject({
      directiveId,
      withdrawn: true,
      withdrawal: { reason: 'Ban hành nhầm; thay thế bằng thông báo khác' },
      version: 2,
      withdrawnAssignments: [inResearch, eachOf],
      alreadyClosedAssignments: [closed],
    });
    // Every district's part is withdrawn by the time the Office has its answer: none can still act on it.
    for (const track of tracks) expect((await stateOf(stack.client, track))?.stage).toBe('withdrawn');

    // The monitoring stops: no more compiled reports, the run ends once its assignments are withdrawn.
    await stack.client.workflow.getHandle(directiveWorkflowId(directiveId)).result();
    expect(await types(directiveStreamId(directiveId))).toEqual(['DirectiveCreated', 'DirectiveWithdrawn']);
    expect(await summaries.find(directiveId)).toMatchObject({ withdrawn: true, withdrawal: { reason: 'Ban hành nhầm; thay thế bằng thông báo khác', at: result.withdrawal.at } });
    for (const id of [inResearch, eachOf]) {
      const last = (await stack.store.readStream(assignmentStreamId(id))).at(-1);
      // As the supervisor who withdrew the directive, with their token and the directive's reason.
      expect(last).toMatchObject({ type: 'AssignmentWithdrawn', data: { reason: result.withdrawal.reason }, metadata: { actor: SUPERVISOR, tokenId: request.tokenId, correlationId: request.correlationId } });
    }
    for (const track of tracks) {
      await stack.client.workflow.getHandle(assignmentWorkflowId(track)).result();
      expect((await stack.store.readStream(assignmentStreamId(track))).at(-1)).toMatchObject({ type: 'AssignmentWithdrawn', metadata: { actor: SUPERVISOR } });
    }
    expect(await types(assignmentStreamId(closed))).not.toContain('AssignmentWithdrawn');
    expect((await types(assignmentStreamId(closed))).at(-1)).toBe('ReportConfirmed');
    await recordHistory(directiveWorkflowId(directiveId), 'directive-withdrawn');

    // Refused before anything is stored, even by a run started again from the stored state.
    expect(await rejectionCode(withdraw(directiveId, withdrawal('Lần nữa')))).toBe('DIRECTIVE_WITHDRAWN');
    await stack.client.workflow.getHandle(directiveWorkflowId(directiveId)).result();
    expect(await types(directiveStreamId(directiveId))).toEqual(['DirectiveCreated', 'DirectiveWithdrawn']);
  });

  it('a batch of withdrawals sent again (its activity retried after a worker died) withdraws nothing twice', async () => {
    const directiveId = `D-${randomUUID().slice(0, 8)}`;
    const [open, closed] = [`${directiveId}-A1`, `${directiveId}-A2`];
    await createDirective(stack.client, worker.taskQueue, [plan(open), plan(closed)], { directiveId });
    await close(closed);
    const request = withdrawal('Thu hồi');
    expect(await withdraw(directiveId, request)).toMatchObject({ withdrawnAssignments: [open], alreadyClosedAssignments: [closed] });

    const again = await withdrawAssignments(stack.client.workflow, { assignmentIds: [open, closed], reason: 'Thu hồi', actor: SUPERVISOR, correlationId: request.correlationId, updateIdPrefix: `withdraw-directive/${directiveId}` });
    // Answered by the updates that ran, even by a workflow that has ended since.
    expect(again).toEqual({ withdrawn: [open], alreadyClosed: [closed] });
    expect((await types(assignmentStreamId(open))).filter((type) => type === 'AssignmentWithdrawn')).toHaveLength(1);
  });

  it('withdraws a directive whose monitoring had ended (every assignment done) from its stored state', async () => {
    const directiveId = `D-${randomUUID().slice(0, 8)}`;
    const id = `${directiveId}-A1`;
    await createDirective(stack.client, worker.taskQueue, [plan(id)], { directiveId, reportingEveryMs: 1000 });
    await close(id);
    await stack.client.workflow.getHandle(directiveWorkflowId(directiveId)).result();
    const before = (await summaries.findState(directiveId))?.version ?? 0;
    // Its next report is due by now: the new run must not compile it behind the withdrawal (it would be refused).
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const result = await withdraw(directiveId, withdrawal('Đã được thay thế'));
    expect(result).toMatchObject({ withdrawn: true, version: before + 1, withdrawnAssignments: [], alreadyClosedAssignments: [id] });
    await stack.client.workflow.getHandle(directiveWorkflowId(directiveId)).result();
    expect((await types(directiveStreamId(directiveId))).at(-1)).toBe('DirectiveWithdrawn');
    expect((await summaries.find(directiveId))?.withdrawn).toBe(true);
    await recordHistory(directiveWorkflowId(directiveId), 'directive-withdrawn-after-it-ended');
  });

  it('refuses a withdrawal without a reason, or by an agency, in its validator: nothing in history, nothing stored', async () => {
    const directiveId = `D-${randomUUID().slice(0, 8)}`;
    await createDirective(stack.client, worker.taskQueue, [plan(`${directiveId}-A1`)], { directiveId });
    const handle = stack.client.workflow.getHandle(directiveWorkflowId(directiveId));
    expect(await rejectionCode(handle.executeUpdate(withdrawDirectiveUpdate, { args: [withdrawal('   ')] }))).toBe('VALIDATION_FAILED');
    expect(await rejectionCode(handle.executeUpdate(withdrawDirectiveUpdate, { args: [{ ...withdrawal('Thu hồi'), actor: agency('BTCTU') }] }))).toBe('NOT_PERMITTED');
    expect(await types(directiveStreamId(directiveId))).toEqual(['DirectiveCreated']);
    const accepted = ((await handle.fetchHistory()).events ?? []).map((event) => event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name);
    expect(accepted).not.toContain(withdrawDirectiveUpdate.name);
  });
});
