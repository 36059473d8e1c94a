import { decodeCursor, encodeCursor } from './feed-cursor';

describe('feed cursor', () => {
  it('round-trips the position of an event', () => {
    const cursor = encodeCursor({ transactionId: '7890', globalPosition: '42' });
    expect(cursor).toBe('7890.42');
    expect(decodeCursor(cursor)).toEqual({ transactionId: '7890', globalPosition: '42' });
    expect(decodeCursor('18446744073709551615.9223372036854775807')).toEqual({
      transactionId: '18446744073709551615',
      globalPosition: '9223372036854775807',
    });
  });

  it('starts from the beginning without a cursor', () => {
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(decodeCursor('')).toBeUndefined();
  });

  it.each(['garbage', '12', '12.', '.12', '1.2.3', '-1.2', '1.-2', '1.2 ', ' 1.2', '1e3.2', '0x1.2', '18446744073709551616.1', '1.9223372036854775808'])(
    'refuses %j with 400 INVALID_CURSOR',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ status: 400, code: 'INVALID_CURSOR' }));
    },
  );
});
