import type { Ctx } from '../context';
import { httpOk, waitUntil } from '../support';

export interface BenchAssignment {
  key: string;
  deadline: { kind: 'date'; date: string } | { kind: 'instant'; at: string };
}

export const FAR_DEADLINE = { kind: 'date' as const, date: '2099-12-31' };

/** POST /api/directives as the admin: every assignment is BTCTU's alone (single, lead). Answers the assignment ids. */
export async function createDirective(
  ctx: Ctx,
  directiveId: string,
  assignments: BenchAssignment[],
  timerPolicy?: { remindBeforeMs: number[]; ladderAfterMs: [number, number, number] },
): Promise<string[]> {
  const answer = await httpOk(
    `${ctx.stack.apiUrl}/api/directives`,
    {
      method: 'POST',
      token: ctx.stack.adminToken,
      body: {
        id: directiveId,
        title: `Bench ${directiveId}`,
        ...(timerPolicy ? { timerPolicy } : {}),
        assignments: assignments.map((a) => ({ key: a.key, text: `Bench task ${a.key}`, kind: 'single', agencies: [{ agency: 'BTCTU', role: 'lead' }], deadline: a.deadline })),
      },
    },
    201,
  );
  return answer.body.assignmentIds as string[];
}

/** Resolves once every assignment of the directive is in the projection (its creation event is stored). */
export async function waitForAssignments(ctx: Ctx, directiveId: string, count: number, timeoutMs: number): Promise<void> {
  await waitUntil(
    `${count} assignments of ${directiveId} in the projection`,
    async () => {
      const [{ n }] = await ctx.sql<{ n: number }[]>`select count(*)::int as n from assignment_summary where directive_id = ${directiveId}`;
      return n >= count;
    },
    timeoutMs,
    50,
  );
}

export async function mintAgencyToken(apiUrl: string, adminToken: string, agency: string): Promise<string> {
  const answer = await httpOk(`${apiUrl}/api/tokens`, { method: 'POST', token: adminToken, body: { role: 'agency', agency, label: 'bench' } }, 201);
  return answer.body.token as string;
}
