import { idempotentUpdateId, isValidIdempotencyKey, requestHash, stableJson } from './request-hash';

describe('idempotency hashing', () => {
  it('serialises objects with sorted keys at every depth, keeping array order', () => {
    expect(stableJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(stableJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(stableJson(undefined)).toBe('null');
  });

  it('hashes the scope and the body: key order does not matter, content and scope do', () => {
    const hash = requestHash('assignments:complete:A1', { note: 'xong', files: ['a', 'b'] });
    expect(requestHash('assignments:complete:A1', { files: ['a', 'b'], note: 'xong' })).toBe(hash);
    expect(requestHash('assignments:complete:A1', { files: ['b', 'a'], note: 'xong' })).not.toBe(hash);
    expect(requestHash('assignments:complete:A2', { note: 'xong', files: ['a', 'b'] })).not.toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('derives one update id per use of a key: per (token, key, when the key was claimed)', () => {
    const [token, otherToken, at] = ['5d0c7c1e-0000-4000-8000-000000000001', '5d0c7c1e-0000-4000-8000-000000000002', '1796231400123456'];
    const id = idempotentUpdateId(token, 'k-1', at);
    expect(idempotentUpdateId(token, 'k-1', at)).toBe(id);
    expect(idempotentUpdateId(otherToken, 'k-1', at)).not.toBe(id);
    expect(idempotentUpdateId(token, 'k-2', at)).not.toBe(id);
    // Freed by a refusal and claimed again: the refused update's id (and its recorded refusal) is not reused.
    expect(idempotentUpdateId(token, 'k-1', '1796231401000001')).not.toBe(id);
  });

  it('accepts keys of 1..200 characters of [A-Za-z0-9._:-] only', () => {
    for (const key of ['a', 'A.b_c:d-9', 'x'.repeat(200), '550e8400-e29b-41d4-a716-446655440000']) expect(isValidIdempotencyKey(key)).toBe(true);
    for (const key of ['', 'x'.repeat(201), 'has space', 'a,b', 'ă', 'a/b', 'a\nb']) expect(isValidIdempotencyKey(key)).toBe(false);
  });
});
