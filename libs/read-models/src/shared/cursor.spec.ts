import { decodeCursor, encodeCursor, InvalidCursorError } from './cursor';

const forged = (key: unknown): string => Buffer.from(JSON.stringify(key)).toString('base64url');

describe('keyset cursors', () => {
  it('give back the key they were made from', () => {
    expect(decodeCursor(encodeCursor(['2023-03-22T10:00:00.000Z', 'TB-1-A1']))).toEqual(['2023-03-22T10:00:00.000Z', 'TB-1-A1']);
  });

  it.each([
    ['not base64 JSON', 'garbage!'],
    ['a date PostgreSQL has no year for', forged(['0000-01-01T00:00:00.000Z', 'x'])],
    ['a date in another form than ours', forged(['2023-W12', 'x'])],
    ['a date in another form than ours (no milliseconds)', forged(['2023-03-22T10:00:00Z', 'x'])],
    ['three parts', forged(['2023-03-22T10:00:00.000Z', 'x', 'y'])],
    ['an id with a NUL (PostgreSQL refuses it as a parameter)', forged(['2023-03-22T10:00:00.000Z', 'a\u0000'])],
    ['an id with half a surrogate pair', forged(['2023-03-22T10:00:00.000Z', 'a\ud83d'])],
  ])('refuse %s as INVALID_CURSOR', (_label, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(InvalidCursorError);
  });

  it('refuse a second part the caller cannot use', () => {
    const isUuid = (id: string) => /^[0-9a-f-]{36}$/.test(id);
    expect(() => decodeCursor(forged(['2023-03-22T10:00:00.000Z', 'not-a-uuid']), isUuid)).toThrow(InvalidCursorError);
  });
});
