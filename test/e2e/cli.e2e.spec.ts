import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { http, startTestApp, type TestApp } from '../support/test-app';
import { bearer, mintToken } from '../support/tokens';

const run = promisify(execFile);
const cli = join(__dirname, '..', '..', 'dist', 'infra', 'cli', 'dondoc-cli.js');
// The seed notice dated a day later: its own directive, apart from other tests that import the seed itself.
const seed = join(mkdtempSync(join(tmpdir(), 'dondoc-cli-')), 'notice.txt');
writeFileSync(seed, readFileSync(join(__dirname, '..', 'fixtures', 'notices', 'seed-ha-tinh-2023-03-22.txt'), 'utf8').replace('Ngày 22/3/2023', 'Ngày 23/3/2023'));

describe('npm run cli -- import FILE [--dry-run]', () => {
  let app: TestApp;
  beforeAll(async () => (app = await startTestApp()));
  afterAll(() => app.close());

  it('shows what a dry run would create, then imports the notice into the running system', async () => {
    const dry = await run(process.execPath, [cli, 'import', seed, '--dry-run'], { env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    const plan = JSON.parse(dry.stdout);
    expect(plan.dryRun).toBe(true);
    expect(plan.directiveId).toMatch(/^BTVTU-2023-03-23-/);
    expect(plan.directive.assignments.map((a: { kind: string }) => a.kind)).toEqual(['single', 'single', 'eachOf', 'single']);
    expect(dry.stderr).toContain('VAGUE_ADDRESSEE');

    const env = { PATH: process.env.PATH, HOME: process.env.HOME, TEMPORAL_ADDRESS: app.env.TEMPORAL_ADDRESS, TEMPORAL_TASK_QUEUE: app.taskQueue };
    const imported = JSON.parse((await run(process.execPath, [cli, 'import', seed], { env })).stdout);
    expect(imported).toMatchObject({ directiveId: plan.directiveId, created: true });
    const directive = await http(`${app.url}/api/directives/${plan.directiveId}`, { headers: bearer(await mintToken(app, 'supervisor')) });
    expect(directive.body.assignments).toHaveLength(4);
  });

  it('answers a bad call with the usage and exit code 2', async () => {
    await expect(run(process.execPath, [cli, 'export', seed])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage: npm run cli -- import FILE [--dry-run]') });
  });
});
