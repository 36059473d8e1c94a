import { decodeCursor, encodeCursor, InvalidCursorError } from './cursor';

const forged = (key: unknown): string => Buffer.from(JSON.stringify(key)).toString('base64url');

describe('keyset cursors', () => {
  it('give back the key they were made from', () => {
    expect(decodeCursor(encodeCursor('assignments', ['2023-03-22T10:00:00.000Z', 'TB-1-A1']), 'assignments')).toEqual(['2023-03-22T10:00:00.000Z', 'TB-1-A1']);
  });

  it('refuse another list\'s cursor, and one from before cursors named their list', () => {
    const escalations = encodeCursor('escalations', ['2023-03-22T10:00:00.000Z', '12345']);
    expect(() => decodeCursor(escalations, 'assignments')).toThrow(InvalidCursorError);
    expect(() => decodeCursor(forged(['2023-03-22T10:00:00.000Z', '12345']), 'assignments')).toThrow(/is not one this list handed out/);
  });

  it.each([
    ['not base64 JSON', 'garbage!'],
    ['a date PostgreSQL has no year for', forged(['assignments', '0000-01-01T00:00:00.000Z', 'x'])],
    ['a date in another form than ours', forged(['assignments', '2023-W12', 'x'])],
    ['a date in another form than ours (no milliseconds)', forged(['assignments', '2023-03-22T10:00:00Z', 'x'])],
    ['four parts', forged(['assignments', '2023-03-22T10:00:00.000Z', 'x', 'y'])],
    ['an id with a NUL (PostgreSQL refuses it as a parameter)', forged(['assignments', '2023-03-22T10:00:00.000Z', 'a\u0000'])],
    ['an id with half a surrogate pair', forged(['assignments', '2023-03-22T10:00:00.000Z', 'a\ud83d'])],
  ])('refuse %s as INVALID_CURSOR', (_label, cursor) => {
    expect(() => decodeCursor(cursor, 'assignments')).toThrow(InvalidCursorError);
  });

  it('refuse a second part the caller cannot use', () => {
    const isUuid = (id: string) => /^[0-9a-f-]{36}$/.test(id);
    expect(() => decodeCursor(forged(['inbox', '2023-03-22T10:00:00.000Z', 'not-a-uuid']), 'inbox', isUuid)).toThrow(InvalidCursorError);
  });
});
