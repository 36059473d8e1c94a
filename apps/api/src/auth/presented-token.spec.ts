import { presentedToken } from './presented-token';

describe('presentedToken', () => {
  it('reads a Bearer Authorization header (scheme case-insensitive)', () => {
    expect(presentedToken({ headers: { authorization: 'Bearer ddc_abc' } }, false)).toBe('ddc_abc');
    expect(presentedToken({ headers: { authorization: 'bearer   ddc_abc ' } }, false)).toBe('ddc_abc');
  });

  it('finds nothing in other schemes, empty or malformed headers', () => {
    for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ', 'Bearer a b', 'ddc_abc', '']) {
      expect(presentedToken({ headers: { authorization } }, true)).toBeUndefined();
    }
  });

  it('reads ?access_token= only where allowed, and the header wins over it', () => {
    const request = { headers: {}, query: { access_token: 'ddc_q' } };
    expect(presentedToken(request, false)).toBeUndefined();
    expect(presentedToken(request, true)).toBe('ddc_q');
    expect(presentedToken({ headers: { authorization: 'Bearer ddc_h' }, query: { access_token: 'ddc_q' } }, true)).toBe('ddc_h');
    expect(presentedToken({ headers: {}, query: { access_token: ['a', 'b'] } }, true)).toBeUndefined();
    expect(presentedToken({ headers: {}, query: { access_token: '' } }, true)).toBeUndefined();
  });
});
