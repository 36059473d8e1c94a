import { appProcessEnv, appStopGraceMs } from './app-env';

describe('appProcessEnv', () => {
  it('starts the apps with two malloc arenas', () => {
    expect(appProcessEnv({ DATABASE_URL: 'postgres://x' })).toEqual({ DATABASE_URL: 'postgres://x', MALLOC_ARENA_MAX: '2' });
  });

  it('leaves an arena count the operator set', () => {
    expect(appProcessEnv({ MALLOC_ARENA_MAX: '4' }).MALLOC_ARENA_MAX).toBe('4');
  });
});

describe('appStopGraceMs', () => {
  it("waits out the API's drain and 10 s more before SIGKILL, and never less than the worker's 15 s", () => {
    expect(appStopGraceMs(30_000)).toBe(40_000);
    expect(appStopGraceMs(0)).toBe(15_000);
  });
});
