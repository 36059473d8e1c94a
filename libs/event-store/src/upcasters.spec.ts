import type { StoredEvent } from './types';
import { upcast, upcasterKey } from './upcasters';

const stored = (schemaVersion: number, data: unknown): StoredEvent => ({
  eventId: 'e-1', streamId: 'assignment-A1', streamVersion: 1, type: 'ExtensionRequested', schemaVersion, data,
  metadata: { actor: { kind: 'agency', agency: 'BTCTU' }, correlationId: 'c', causationId: null },
  occurredAt: '2023-03-22T01:00:00.000Z', globalPosition: '1', transactionId: '1',
});

describe('upcasting on read', () => {
  const upcasters = new Map<string, (data: unknown) => unknown>([
    [upcasterKey('ExtensionRequested', 1), (data: unknown) => ({ ...(data as object), reason: (data as { why: string }).why })],
    [upcasterKey('ExtensionRequested', 2), (data: unknown) => ({ ...(data as object), requestedBy: 'lead' })],
  ]);

  it('brings an old event through every step to the current schema version', () => {
    const event = upcast(stored(1, { why: 'Chờ ý kiến Trung ương' }), upcasters);
    expect(event.schemaVersion).toBe(3);
    expect(event.data).toEqual({ why: 'Chờ ý kiến Trung ương', reason: 'Chờ ý kiến Trung ương', requestedBy: 'lead' });
  });

  it('leaves a current event as it is', () => {
    const current = stored(3, { reason: 'x', requestedBy: 'lead' });
    expect(upcast(current, upcasters)).toBe(current);
  });
});
