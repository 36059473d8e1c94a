import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadHistories } from '../../support/history-fixtures';

const run = promisify(execFile);
const replayScript = join(__dirname, '..', '..', '..', 'dist', 'infra', 'scripts', 'replay-histories.js');

// Replay runs in its own process: the SDK's protobuf classes cannot cross jest's module registry.
describe('replay of recorded histories against the current workflow code', () => {
  it('replays every fixture under test/fixtures/histories without nondeterminism', async () => {
    const names = loadHistories().map((h) => h.workflowId);
    expect(names).toEqual(expect.arrayContaining(['v1-lead-and-coordinators', 'lead-and-coordinators', 'escalation-to-centre', 'each-of-parent', 'each-of-track', 'timers-fired-then-withdrawn']));
    const { stdout } = await run(process.execPath, [replayScript]);
    for (const name of names) expect(stdout).toContain(`ok   ${name}`);
    expect(stdout).toContain(`replayed ${names.length} histories, 0 failed`);
  });
});
