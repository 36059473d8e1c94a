import type { StoredEvent, TransactionSql } from '@app/event-store';

interface DirectiveCreatedData {
  directiveId: string;
  title?: string;
  number?: string;
  issuer?: string;
  issuedOn?: string;
}

export async function projectDirectiveSummary(tx: TransactionSql, event: StoredEvent): Promise<void> {
  if (event.type !== 'DirectiveCreated') return;
  const data = event.data as DirectiveCreatedData;
  await tx`
    insert into directive_summary (directive_id, title, number, issuer, issued_on, data, version, created_at, updated_at)
    values (${data.directiveId}, ${data.title ?? null}, ${data.number ?? null}, ${data.issuer ?? null},
      ${data.issuedOn ?? null}, ${tx.json(event.data as never)}, ${event.streamVersion}, ${event.occurredAt}, ${event.occurredAt})
    on conflict (directive_id) do nothing`;
}
