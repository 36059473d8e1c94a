import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { directiveStreamId } from '@app/contracts';
import { EventStore, type Sql } from '@app/event-store';
import { dondocProjector } from '@app/read-models';
import { noticeWith, readSeed } from '../fixtures/notices/notice-fixtures';
import { http, startTestApp, type TestApp } from '../support/test-app';
import { bearer, mintToken } from '../support/tokens';
import { testClient, testDatabase } from '../support/test-stack';
import { planImport, underFormerId, type PlannedImport } from '../../apps/api/src/directives/plan-import';
import { startDirective } from '../../apps/api/src/directives/start-directive';

// Every notice here is dated a day of April 2099 no other test file uses (the seed's 22/3/2023 is another's to import
// first; 23–26/3 are taken too): BTVTU's directives of one day are what an import is compared with.
const POLICY = { deadlineDays: 30, acknowledgeDays: 3, proposeDays: 15 };
const run = promisify(execFile);
const cli = join(__dirname, '..', '..', 'dist', 'infra', 'cli', 'dondoc-cli.js');

/** A small notice of BTVTU issued on `day` ("d/m/2099"). */
const noticeOn = (day: string, items: readonly string[], closing?: readonly string[]): string => noticeWith(items, closing).replace('Ngày 22/3/2023', `Ngày ${day}`);
/** The seed notice issued on `day` ("d/m/2099"), its deadlines moved to 2099. */
const seedOn = (day: string): string => readSeed().replace(/2023/gu, '2099').replace('Ngày 22/3/2099', `Ngày ${day}`);
/** The same notice lightly edited: capitals, the stray " |" gone, an item's full stop dropped, the closing paragraph reworded. */
const editedSeed = (seed: string): string =>
  seed
    .replace(/Ban Thường vụ Tỉnh ủy/gu, 'BAN THƯỜNG VỤ TỈNH ỦY')
    .replace(/ \|\s*$/u, '')
    .replace('trưởng các chi đoàn, chi hội.', 'trưởng các chi đoàn, chi hội')
    .replace('theo dõi, tổng hợp kết quả', 'theo dõi, đôn đốc, tổng hợp kết quả');

function planned(text: string): PlannedImport {
  const plan = planImport(text, POLICY);
  if (!plan.ok) throw new Error(plan.error.message);
  return plan;
}

describe('importing a notice already imported, retyped, or another of the same day', () => {
  let app: TestApp;
  let supervisor: string;
  let sql: Sql;
  beforeAll(async () => {
    app = await startTestApp();
    supervisor = await mintToken(app, 'supervisor');
    sql = await testDatabase();
  });
  afterAll(async () => {
    await sql.end();
    await app.close();
  });

  const importText = (text: string, query = '') =>
    http(`${app.url}/api/directives/import${query}`, { method: 'POST', headers: { ...bearer(supervisor), 'content-type': 'text/plain; charset=utf-8' }, body: text });
  const directive = (id: string) => http(`${app.url}/api/directives/${id}`, { headers: bearer(supervisor) });

  /** What the last release did: the directive under the id it gave the notice (its fingerprint then). */
  async function importedByLastRelease(text: string): Promise<string> {
    const plan = planned(text);
    const earlier = underFormerId(plan, plan.formerDirectiveIds[0]);
    const client = await testClient();
    try {
      await startDirective(client, app.taskQueue, earlier.directiveId, { directive: earlier.directive, actor: { kind: 'supervisor' }, correlationId: randomUUID() });
    } finally {
      await client.connection.close();
    }
    return earlier.directiveId;
  }

  /** The directive withdrawn, as the read models see it once its withdrawal is stored. */
  async function withdraw(directiveId: string): Promise<void> {
    const { version } = (await directive(directiveId)).body as { version: number };
    const store = new EventStore(sql, new Map(), dondocProjector());
    const withdrawn = { type: 'DirectiveWithdrawn', schemaVersion: 1, data: { reason: 'Ban hành nhầm', at: new Date().toISOString() } };
    await store.append(directiveStreamId(directiveId), version, [withdrawn], { actor: { kind: 'supervisor' }, correlationId: randomUUID(), causationId: null, occurredAt: new Date().toISOString() });
  }

  describe('over the API', () => {
    it('finds a notice the last release imported under its id then, as given and lightly edited, and creates nothing new', async () => {
      const seed = seedOn('6/4/2099');
      const formerId = await importedByLastRelease(seed);
      const plan = planned(seed);
      expect(formerId).not.toBe(plan.directiveId);
      const again = await importText(seed);
      expect(again).toMatchObject({ status: 200, body: { directiveId: formerId, alreadyImported: true, state: { created: false } } });
      // Edited, its fingerprint as computed then is another: found by the fingerprint of the stored notice today.
      const edited = editedSeed(seed);
      expect(planned(edited).formerDirectiveIds).not.toContain(formerId);
      const dry = await importText(edited, '?dryRun=true');
      expect(dry).toMatchObject({ status: 200, body: { directiveId: formerId, alreadyImported: true } });
      expect(dry.body.warnings.map((w: { code: string }) => w.code)).not.toContain('SIMILAR_DIRECTIVE_EXISTS');
      expect(await importText(edited)).toMatchObject({ status: 200, body: { directiveId: formerId, alreadyImported: true, state: { created: false } } });
      expect((await directive(plan.directiveId)).status).toBe(404);
    });

    it('gives a retyped copy (capitals, end punctuation, a stray "|") the id of the notice imported now', async () => {
      const notice = noticeOn('7/4/2099', ['- Ban Tổ chức Tỉnh ủy rà soát quy định về công tác cán bộ.', '- Ban Dân vận Tỉnh ủy nắm tình hình nhân dân.']);
      const created = await importText(notice);
      expect(created).toMatchObject({ status: 201, body: { alreadyImported: false, state: { created: true } } });
      const retyped = notice.replace(/Tỉnh ủy/gu, 'TỈNH ỦY').replace('công tác cán bộ.', 'công tác cán bộ ;').replace('nắm tình hình nhân dân.', 'nắm tình hình nhân dân\n |');
      expect(await importText(retyped)).toMatchObject({ status: 200, body: { directiveId: created.body.directiveId, alreadyImported: true, state: { created: false } } });
    });

    it('refuses another notice of the same issuer and day unless allowSimilar=true says it is one on purpose; the dry run warns', async () => {
      const first = await importText(noticeOn('8/4/2099', ['- Ban Tổ chức Tỉnh ủy rà soát quy định về công tác cán bộ.']));
      expect(first.status).toBe(201);
      const { directiveId, directive: { title } } = first.body as { directiveId: string; directive: { title: string } };
      const another = noticeOn('8/4/2099', ['- Ban Tuyên giáo Tỉnh ủy tuyên truyền kết quả hội nghị.']);

      const dry = await importText(another, '?dryRun=true');
      expect(dry).toMatchObject({ status: 200, body: { dryRun: true, alreadyImported: false } });
      expect(dry.body.directiveId).not.toBe(directiveId);
      expect(dry.body.warnings).toContainEqual({ code: 'SIMILAR_DIRECTIVE_EXISTS', message: expect.stringContaining(`${directiveId} ("${title}")`) });

      const refused = await importText(another);
      expect(refused).toMatchObject({
        status: 409,
        body: { code: 'SIMILAR_DIRECTIVE_EXISTS', message: expect.stringContaining('?allowSimilar=true'), details: { directiveId: dry.body.directiveId, similar: [{ directiveId, title }] } },
      });
      expect(refused.body.message).toContain(directiveId);
      expect((await directive(dry.body.directiveId)).status).toBe(404);
      for (const word of ['yes', '1', '']) expect((await importText(another, `?allowSimilar=${word}`)).body.code).toBe('VALIDATION_FAILED');

      const allowed = await importText(another, '?allowSimilar=true');
      expect(allowed).toMatchObject({ status: 201, body: { directiveId: dry.body.directiveId, state: { created: true } } });
      // Imported now, it is found under its own id: a repeat is no longer "another notice".
      expect(await importText(another)).toMatchObject({ status: 200, body: { alreadyImported: true } });
    });

    it('does not count a withdrawn directive of that day', async () => {
      const first = await importText(noticeOn('9/4/2099', ['- Ban Tổ chức Tỉnh ủy rà soát quy định về công tác cán bộ.']));
      expect(first.status).toBe(201);
      await withdraw(first.body.directiveId);
      expect((await directive(first.body.directiveId)).body.withdrawn).toBe(true);
      const replacement = await importText(noticeOn('9/4/2099', ['- Ban Tổ chức Tỉnh ủy rà soát quy định về công tác cán bộ và đào tạo.']));
      expect(replacement).toMatchObject({ status: 201, body: { state: { created: true } } });
    });
  });

  describe('with the CLI', () => {
    const folder = mkdtempSync(join(tmpdir(), 'dondoc-cli-similar-'));
    const file = (name: string, text: string): string => {
      writeFileSync(join(folder, name), text);
      return join(folder, name);
    };
    const cliEnv = (withDatabase = true) => ({
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TEMPORAL_ADDRESS: app.env.TEMPORAL_ADDRESS,
      TEMPORAL_TASK_QUEUE: app.taskQueue,
      ...(withDatabase && { DATABASE_URL: app.env.DATABASE_URL }),
    });
    const cliImport = async (path: string, ...flags: string[]) => JSON.parse((await run(process.execPath, [cli, 'import', path, ...flags], { env: cliEnv() })).stdout);

    it('refuses another notice of the same issuer and day unless --allow-similar, when DATABASE_URL reaches the read models', async () => {
      const first = await cliImport(file('first.txt', noticeOn('10/4/2099', ['- Ban Tổ chức Tỉnh ủy rà soát quy định về công tác cán bộ.'])));
      expect(first).toMatchObject({ created: true });
      const another = file('another.txt', noticeOn('10/4/2099', ['- Ban Tuyên giáo Tỉnh ủy tuyên truyền kết quả hội nghị.']));
      const dry = await run(process.execPath, [cli, 'import', another, '--dry-run'], { env: cliEnv() });
      expect(JSON.parse(dry.stdout).warnings.map((w: { code: string }) => w.code)).toContain('SIMILAR_DIRECTIVE_EXISTS');
      await expect(run(process.execPath, [cli, 'import', another], { env: cliEnv() })).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(new RegExp(`SIMILAR_DIRECTIVE_EXISTS: .*${first.directiveId}.*--allow-similar`, 'u')),
      });
      expect(await cliImport(another, '--allow-similar')).toMatchObject({ created: true });
      // Without DATABASE_URL it cannot look, and says so.
      const blind = await run(process.execPath, [cli, 'import', another, '--dry-run'], { env: cliEnv(false) });
      expect(blind.stderr).toContain('DATABASE_URL is not set');
    });

    it('imports a notice the last release imported, as given or lightly edited, under its id then', async () => {
      const seed = seedOn('11/4/2099');
      const formerId = await importedByLastRelease(seed);
      expect(await cliImport(file('seed.txt', seed))).toMatchObject({ directiveId: formerId, created: false });
      expect(await cliImport(file('edited.txt', editedSeed(seed)))).toMatchObject({ directiveId: formerId, created: false });
    });
  });
});
