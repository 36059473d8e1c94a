import { assignmentStreamId } from '@app/contracts';
import { connectToStack, testWorker, uniqueId, type StackConnection } from '../../support/test-stack';
import { agency, createDirective, eventually, FAST_TIMERS, inSeconds, plan, send, stateOf, SUPERVISOR } from '../../support/workflow-driver';

describe('stage deadlines as durable timers', () => {
  let stack: StackConnection;
  beforeAll(async () => (stack = await connectToStack()));
  afterAll(() => stack.close());

  const stream = (id: string) => stack.store.readStream(assignmentStreamId(id));
  const missed = async (id: string) => (await stream(id)).filter((e) => e.type === 'StageDeadlineMissed');

  it('marks a missed acknowledge deadline once, and nothing for one acknowledged in time', async () => {
    const worker = await testWorker();
    try {
      const [late, onTime] = [uniqueId('S1'), uniqueId('S2')];
      await createDirective(
        stack.client,
        worker.taskQueue,
        [plan(late, { stageDeadlines: { acknowledge: inSeconds(2) } }), plan(onTime, { stageDeadlines: { acknowledge: inSeconds(5) } })],
        { timerPolicy: FAST_TIMERS },
      );
      await eventually(() => stateOf(stack.client, onTime), (s) => s?.stage === 'received');
      await send(stack.client, onTime, { type: 'Acknowledge' }, agency('BTCTU'));

      const [event] = await eventually(() => missed(late), (list) => list.length > 0, 20_000);
      expect(event.data).toEqual({ stage: 'acknowledge', dueAt: expect.any(String), at: expect.any(String) });
      expect(Date.parse(event.occurredAt)).toBeGreaterThan(Date.parse((event.data as { dueAt: string }).dueAt));
      expect(event.metadata.actor).toEqual({ kind: 'system' });

      // Past the second deadline, with time for a duplicate to show up: none for either.
      await new Promise((resolve) => setTimeout(resolve, 5000));
      expect(await missed(late)).toHaveLength(1);
      expect(await missed(onTime)).toEqual([]);
      expect((await stream(late)).map((e) => e.type)).toEqual(['AssignmentCreated', 'StageDeadlineMissed']);
      expect((await stateOf(stack.client, late))?.stageDeadlines?.acknowledge).toMatchObject({ reached: false, missed: true });
      expect((await stateOf(stack.client, onTime))?.stageDeadlines?.acknowledge).toMatchObject({ reached: true, missed: false });

      // The milestone can still be reached late; nothing fires again.
      await send(stack.client, late, { type: 'Acknowledge' }, agency('BTCTU'));
      for (const id of [late, onTime]) await send(stack.client, id, { type: 'Withdraw', reason: 'Kết thúc kiểm thử' }, SUPERVISOR);
      expect(await missed(late)).toHaveLength(1);
    } finally {
      await worker.shutdown();
    }
  });
});
