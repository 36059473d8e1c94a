import { eachInFlight } from './in-flight';

describe('eachInFlight', () => {
  it('runs every item once, never more than the limit at a time', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await eachInFlight([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(item);
      running -= 1;
    });
    expect([seen.sort(), most]).toEqual([[1, 2, 3, 4, 5, 6, 7], 3]);
  });

  it('fails with the first failure, and takes an empty list', async () => {
    await expect(eachInFlight([1, 2], 2, async (item) => { if (item === 2) throw new Error('refused'); })).rejects.toThrow('refused');
    await expect(eachInFlight([], 4, async () => undefined)).resolves.toBeUndefined();
  });
});
