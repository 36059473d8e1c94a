// Projection rebuild rate (events per second) via rebuildProjections, against reading the same events only.
import { connect } from '@app/event-store';
import { rebuildProjections } from '@app/read-models';
import type { Ctx } from '../context';
import type { Report } from '../report';
import { progress, round } from '../support';

export async function runRebuild(ctx: Ctx, report: Report): Promise<void> {
  const sql = connect(ctx.stack.databaseUrl, { max: 1 });
  try {
    const [{ total }] = await sql<{ total: number }[]>`select count(*)::int as total from events`;
    progress(`rebuild: reading ${total.toLocaleString('en-US')} events in batches of 500 (reference), then rebuildProjections`);
    const r0 = performance.now();
    let after = '0';
    for (;;) {
      const batch = await sql<{ global_position: string }[]>`
        select event_id, stream_id, stream_version, type, schema_version, data, metadata, occurred_at, global_position::text, transaction_id::text
        from events e where e.global_position > ${after}::bigint order by e.global_position limit 500`;
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
