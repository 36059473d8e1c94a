import { actorOf } from './actor-of';

describe('actorOf', () => {
  it('maps agency, supervisor and admin principals to their domain actor', () => {
    expect(actorOf({ tokenId: 't1', role: 'agency', agency: 'UBND' })).toEqual({ kind: 'agency', agency: 'UBND' });
    expect(actorOf({ tokenId: 't2', role: 'supervisor', agency: null })).toEqual({ kind: 'supervisor' });
    expect(actorOf({ tokenId: 't3', role: 'admin', agency: null })).toEqual({ kind: 'admin' });
  });

  it('refuses viewers (they never act) and agency tokens without an agency, with 403', () => {
    expect(() => actorOf({ tokenId: 't4', role: 'viewer', agency: null })).toThrow(expect.objectContaining({ status: 403, code: 'FORBIDDEN' }));
    expect(() => actorOf({ tokenId: 't5', role: 'agency', agency: null })).toThrow(expect.objectContaining({ status: 403, code: 'FORBIDDEN' }));
  });
});
