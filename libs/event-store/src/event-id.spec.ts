import { deterministicEventId } from './event-id';

describe('deterministicEventId', () => {
  it('gives the same RFC 9562 version-5 id for the same event at the same position, another otherwise', () => {
    const first = deterministicEventId('assignment-A1', 1, 'Acknowledged', { by: 'VPTU' });
    expect(first).toBe(deterministicEventId('assignment-A1', 1, 'Acknowledged', { by: 'VPTU' }));
    expect(first).not.toBe(deterministicEventId('assignment-A1', 2, 'Acknowledged', { by: 'VPTU' }));
    expect(first).not.toBe(deterministicEventId('assignment-A2', 1, 'Acknowledged', { by: 'VPTU' }));
    expect(first).not.toBe(deterministicEventId('assignment-A1', 1, 'Acknowledged', { by: 'BTC' }));
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
