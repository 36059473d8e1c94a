import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { http, startTestApp, type TestApp } from '../support/test-app';
import { bearer, mintToken } from '../support/tokens';
import { testClient } from '../support/test-stack';
import { planImport, underFormerId } from '../../apps/api/src/directives/plan-import';
import { startDirective } from '../../apps/api/src/directives/start-directive';

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

  it('imports a notice retyped with the other tone placement ("uỷ") under the id an earlier release gave it', async () => {
    const text = readFileSync(seed, 'utf8').replace(/2023/gu, '2099').replace('Ngày 23/3/2099', 'Ngày 25/3/2099').replace(/ủy/gu, 'uỷ').replace(/Ủy/gu, 'Uỷ');
    const file = join(mkdtempSync(join(tmpdir(), 'dondoc-cli-tone-')), 'notice.txt');
    writeFileSync(file, text);
    const planned = planImport(text, { deadlineDays: 30, acknowledgeDays: 3, proposeDays: 15 });
    if (!planned.ok || planned.formerDirectiveIds.length < 2) throw new Error('the notice should have had other ids before');
    // As written, the id a release before tone folding gave it (the first former id is the last release's).
    const client = await testClient();
    try {
      const earlier = underFormerId(planned, planned.formerDirectiveIds[1]);
      await startDirective(client, app.taskQueue, earlier.directiveId, { directive: earlier.directive, actor: { kind: 'supervisor' }, correlationId: 'e2e-earlier-release' });
    } finally {
      await client.connection.close();
    }
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, TEMPORAL_ADDRESS: app.env.TEMPORAL_ADDRESS, TEMPORAL_TASK_QUEUE: app.taskQueue };
    const imported = JSON.parse((await run(process.execPath, [cli, 'import', file], { env })).stdout);
    expect(imported).toMatchObject({ directiveId: planned.formerDirectiveIds[1], created: false });
  });

  it('reads a notice saved as UTF-16 (Word\'s "Unicode Text"), a path relative to where npm was run, and refuses a legacy code page with what to do', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'dondoc-cli-enc-'));
    const text = readFileSync(seed, 'utf8');
    writeFileSync(join(folder, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, INIT_CWD: folder };
    const dry = JSON.parse((await run(process.execPath, [cli, 'import', 'utf16.txt', '--dry-run'], { env })).stdout);
    expect(dry.directiveId).toMatch(/^BTVTU-2023-03-23-/);
    expect(dry.directive.assignments).toHaveLength(4);
    // "Thông báo" in Windows-1258: bytes that are not UTF-8.
    writeFileSync(join(folder, 'cp1258.txt'), Buffer.from([0x54, 0x68, 0xf4, 0x6e, 0x67, 0x20, 0x62, 0xe1, 0x6f]));
    await expect(run(process.execPath, [cli, 'import', 'cp1258.txt', '--dry-run'], { env })).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('save it as UTF-8 (in Word: Save As') });
  });

  it('refuses to import into a task queue no dondoc worker polls, instead of waiting for ever', async () => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, TEMPORAL_ADDRESS: app.env.TEMPORAL_ADDRESS, TEMPORAL_TASK_QUEUE: 'nobody-polls-this-queue' };
    await expect(run(process.execPath, [cli, 'import', seed], { env })).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('No dondoc worker polls task queue "nobody-polls-this-queue"') });
  });

  it('answers a bad call with the usage and exit code 2', async () => {
    await expect(run(process.execPath, [cli, 'export', seed])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage: npm run cli -- import FILE [--dry-run]') });
  });
});
