import { appProcessEnv } from './app-env';

describe('appProcessEnv', () => {
  it('starts the apps with two malloc arenas', () => {
    expect(appProcessEnv({ DATABASE_URL: 'postgres://x' })).toEqual({ DATABASE_URL: 'postgres://x', MALLOC_ARENA_MAX: '2' });
  });

  it('leaves an arena count the operator set', () => {
    expect(appProcessEnv({ MALLOC_ARENA_MAX: '4' }).MALLOC_ARENA_MAX).toBe('4');
  });
});
