import { hashToken } from '../tokens/token-secret';
import { requestTracker } from './request-tracker';

describe('requestTracker', () => {
  it('tracks by the hash of the bearer token, header or query, whatever the address', () => {
    const tracker = requestTracker({ headers: { authorization: 'Bearer ddc_one' }, ip: '10.0.0.1' });
    expect(tracker).toBe(`token:${hashToken('ddc_one')}`);
    expect(requestTracker({ headers: { authorization: 'Bearer ddc_one' }, ip: '10.0.0.2' })).toBe(tracker);
    expect(requestTracker({ headers: {}, query: { access_token: 'ddc_one' }, ip: '10.0.0.3' })).toBe(tracker);
    expect(requestTracker({ headers: { authorization: 'Bearer ddc_two' }, ip: '10.0.0.1' })).not.toBe(tracker);
    expect(tracker).not.toContain('ddc_one');
  });

  it('tracks requests without a token by client address', () => {
    expect(requestTracker({ headers: {}, ip: '10.0.0.1' })).toBe('ip:10.0.0.1');
  });
});
