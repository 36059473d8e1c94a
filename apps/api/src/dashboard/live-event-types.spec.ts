import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_TYPES } from '@app/domain';

// The stream names each SSE message after its event type, and EventSource hands a named message only to a listener
// of that name: a type missing from the dashboard's list never reaches a live page.
describe('the dashboard’s live stream', () => {
  it('listens to every domain event type', () => {
    const source = readFileSync(join(__dirname, 'public', 'live.js'), 'utf8');
    const list = source.match(/const EVENT_TYPES = \[([\s\S]*?)\];/)?.[1] ?? '';
    const listened = [...list.matchAll(/'(\w+)'/g)].map((match) => match[1]);
    expect([...listened].sort()).toEqual([...EVENT_TYPES].sort());
  });
});
