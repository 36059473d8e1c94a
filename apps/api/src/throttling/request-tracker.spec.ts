import { hashToken } from '../tokens/token-secret';
import { KnownTokens } from './known-tokens';
import { requestTracker } from './request-tracker';

describe('requestTracker', () => {
  const known = new KnownTokens();
  known.add(hashToken('ddc_one'));
  known.add(hashToken('ddc_two'));

  it('tracks a token this process has authenticated by its hash, header or query, whatever the address', () => {
    const tracker = requestTracker({ headers: { authorization: 'Bearer ddc_one' }, ip: '10.0.0.1' }, known);
    expect(tracker).toBe(`token:${hashToken('ddc_one')}`);
    expect(requestTracker({ headers: { authorization: 'Bearer ddc_one' }, ip: '10.0.0.2' }, known)).toBe(tracker);
    expect(requestTracker({ headers: {}, query: { access_token: 'ddc_one' }, ip: '10.0.0.3' }, known)).toBe(tracker);
    expect(requestTracker({ headers: { authorization: 'Bearer ddc_two' }, ip: '10.0.0.1' }, known)).not.toBe(tracker);
    expect(tracker).not.toContain('ddc_one');
  });

  it('tracks requests without a token, or with one never authenticated here, by client address', () => {
    expect(requestTracker({ headers: {}, ip: '10.0.0.1' }, known)).toBe('ip:10.0.0.1');
    for (const madeUp of ['ddc_x1', 'ddc_x2', 'ddc_x3']) {
      expect(requestTracker({ headers: { authorization: `Bearer ${madeUp}` }, ip: '10.0.0.1' }, known)).toBe('ip:10.0.0.1');
    }
  });

  it('remembers the most recent tokens only, so a flood of real ones cannot grow it without bound', () => {
    const few = new KnownTokens(2);
    for (const hash of ['a', 'b', 'a', 'c']) few.add(hash);
    expect([few.has('a'), few.has('b'), few.has('c')]).toEqual([true, false, true]);
  });
});
