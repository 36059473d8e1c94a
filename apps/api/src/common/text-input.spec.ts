import { normalizedInput } from './text-input';

describe('normalizedInput', () => {

  it('gives every string of the body, query and path in NFC, keeping numbers, booleans and nulls', () => {
    const nfd = 'Thông báo kết luận'.normalize('NFD');
    expect(normalizedInput({ title: nfd, items: [{ text: nfd, n: 3, ok: true, none: null }] }, 'body')).toEqual({
      title: 'Thông báo kết luận',
      items: [{ text: 'Thông báo kết luận', n: 3, ok: true, none: null }],
    });
    expect(normalizedInput(nfd, 'id')).toBe('Thông báo kết luận');
  });

  it('refuses a NUL or half a surrogate pair with 400 VALIDATION_FAILED naming the field', () => {
    expect(() => normalizedInput({ items: [{ note: 'a\u0000b' }] }, 'body')).toThrow(
      expect.objectContaining({ status: 400, code: 'VALIDATION_FAILED', details: { field: 'body.items[0].note' } }),
    );
    expect(() => normalizedInput('x\udc00', 'agency')).toThrow(expect.objectContaining({ status: 400 }));
    expect(normalizedInput({ note: 'Đạt 👍' }, 'body')).toEqual({ note: 'Đạt 👍' });
  });

  it('refuses a body nested deeper than any request needs instead of running out of stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(() => normalizedInput(deep, 'body')).toThrow(expect.objectContaining({ status: 400, code: 'VALIDATION_FAILED' }));
  });
});
