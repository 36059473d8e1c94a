// Projection rebuild rate (events per second) via rebuildProjections, against reading the same events only.
import { DEFAULT_TIMER_POLICY, type AssignmentCommand } from '@app/domain';
import { connect, EventStore, type Sql, type StreamAppend } from '@app/event-store';
import { dondocProjector, rebuildProjections } from '@app/read-models';
import type { Ctx } from '../context';
import type { Report } from '../report';
import { decideInOrder, progress, round } from '../support';

/** Events the store holds before the rebuild runs: the run's own, topped up with synthetic assignment lifecycles. */
const MIN_EVENTS = { quick: 30_000, full: 300_000 };
const BATCH = 2000; // rebuildProjections' default

export async function runRebuild(ctx: Ctx, report: Report): Promise<void> {
  const sql = connect(ctx.stack.databaseUrl, { max: 2 }); // rebuildProjections reads on one and writes on the other
  try {
    await topUp(sql, ctx.quick ? MIN_EVENTS.quick : MIN_EVENTS.full, ctx.runId);
    const [{ total }] = await sql<{ total: number }[]>`select count(*)::int as total from events`;
    progress(`rebuild: reading ${total.toLocaleString('en-US')} events in batches of ${BATCH} (reference), then rebuildProjections`);
    const r0 = performance.now();
    let after = '0';
    for (;;) {
      const batch = await sql<{ global_position: string }[]>`
        select event_id, stream_id, stream_version, type, schema_version, data, metadata, occurred_at, global_position::text, transaction_id::text
        from events e where e.global_position > ${after}::bigint order by e.global_position limit ${BATCH}`;
      if (batch.length === 0) break;
      after = batch[batch.length - 1].global_position;
    }
    const readMs = performance.now() - r0;
    let lastReport = Date.now();
    const result = await rebuildProjections(sql, {
      onProgress: ({ done, total: all }) => {
        if (Date.now() - lastReport > 5000) {
          lastReport = Date.now();
          progress(`  rebuild: ${done}/${all}`);
        }
      },
    });
    const rate = result.events / (result.ms / 1000);
    const readRate = total / (readMs / 1000);
    report.add({ section: `Projection rebuild (${result.events.toLocaleString('en-US')} events)`, metric: 'rebuildProjections (read-only scan as baseline)', unit: 'events/s', dondoc: round(rate, 0), baseline: round(readRate, 0), target: '≥ 50,000 events/s', met: rate >= 50_000 });
    const [{ types }] = await sql<{ types: Record<string, number> }[]>`select jsonb_object_agg(type, n) as types from (select type, count(*)::int as n from events group by type) t`;
    report.details.rebuild = { events: result.events, ms: result.ms, eventsPerSecond: round(rate, 0), readOnlyMs: round(readMs), readOnlyEventsPerSecond: round(readRate, 0), eventTypes: types };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Appends assignment lifecycles (create, acknowledge, two research notes, a proposal: five events each, as the
 * domain decides them) 200 streams per transaction, with the projections, until the store holds `min` events.
 */
async function topUp(sql: Sql, min: number, runId: string): Promise<void> {
  const [{ total }] = await sql<{ total: number }[]>`select count(*)::int as total from events`;
  const lifecycles = Math.ceil(Math.max(0, min - total) / 5);
  if (lifecycles === 0) return;
  progress(`rebuild: appending ${lifecycles.toLocaleString('en-US')} synthetic assignment lifecycles (${(lifecycles * 5).toLocaleString('en-US')} events) first`);
  const store = new EventStore(sql, new Map(), dondocProjector());
  const at = new Date().toISOString();
  const context = { occurredAt: at, actor: { kind: 'system' }, correlationId: runId, causationId: null };
  for (let first = 0; first < lifecycles; first += 200) {
    const appends: StreamAppend[] = [];
    for (let i = first; i < Math.min(lifecycles, first + 200); i++) appends.push(lifecycle(`BENCH-REBUILD-${runId}-${i}`, at));
    await store.appendToStreams(appends, context);
  }
}

function lifecycle(assignmentId: string, at: string): StreamAppend {
  const lead = { kind: 'agency', agency: 'BTCTU' } as const;
  const commands: AssignmentCommand[] = [
    { type: 'CreateAssignment', assignmentId, directiveId: 'BENCH-REBUILD', kind: 'single', text: 'Rà soát chức năng, nhiệm vụ của các cơ quan tham mưu, giúp việc Tỉnh ủy', agencies: [{ agency: 'BTCTU', role: 'lead' }, { agency: 'VPTU', role: 'coordinator' }], deadline: { kind: 'date', date: '2099-12-31' }, timerPolicy: DEFAULT_TIMER_POLICY, at, actor: { kind: 'supervisor' } },
    { type: 'Acknowledge', at, actor: lead },
    { type: 'RecordResearch', note: 'Đang tổng hợp ý kiến các sở, ngành', at, actor: lead },
    { type: 'RecordResearch', note: 'Khảo sát 13 huyện, thị xã, thành phố', at, actor: { kind: 'agency', agency: 'VPTU' } },
    { type: 'SubmitProposal', summary: 'Đề xuất sắp xếp tổ chức bộ máy', beyondProvincialCompetence: false, at, actor: lead },
  ];
  return { streamId: `assignment-${assignmentId}`, expectedVersion: 0, events: decideInOrder(commands).flat() };
}
