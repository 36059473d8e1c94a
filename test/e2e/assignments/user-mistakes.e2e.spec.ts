import { randomUUID } from 'node:crypto';
import { noticeWith } from '../../fixtures/notices/notice-fixtures';
import { http, startTestApp, type TestApp } from '../../support/test-app';
import { bearer, mintToken } from '../../support/tokens';

/** A user's mistake gets a clear 4xx that says what to fix, alike on every endpoint, and changes nothing. */
describe('user mistakes', () => {
  let app: TestApp;
  let supervisor: string;
  let lead: string;

  beforeAll(async () => {
    app = await startTestApp();
    supervisor = await mintToken(app, 'supervisor');
    lead = await mintToken(app, 'agency', 'BTCTU');
  });
  afterAll(() => app.close());

  const post = (path: string, token: string, body: unknown = {}) => http(`${app.url}${path}`, { method: 'POST', headers: bearer(token), body });
  const refusal = async (path: string, token: string, body: unknown) => {
    const response = await post(path, token, body);
    return [response.status, response.body.code, response.body.message];
  };

  it('answers a list filtered by a directive that does not exist with a 404, not an empty page', async () => {
    for (const path of ['/api/assignments?directive=TB-NO-SUCH', '/api/escalations?directive=TB-NO-SUCH', '/api/reports/status?directive=TB-NO-SUCH']) {
      const response = await http(`${app.url}${path}`, { headers: bearer(supervisor) });
      expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status: 404, code: 'NOT_FOUND' });
    }
    const lead404 = await http(`${app.url}/api/assignments?directive=TB-NO-SUCH`, { headers: bearer(lead) });
    expect(lead404.status).toBe(404);
    // The district committees as a group are never assigned anything: a filter by them would read "nothing to do".
    for (const path of ['/api/assignments?agency=BTV-HTTU', '/api/escalations?agency=BTV-HTTU']) {
      const response = await http(`${app.url}${path}`, { headers: bearer(supervisor) });
      expect({ path, status: response.status, message: response.body.message }).toEqual({ path, status: 400, message: expect.stringMatching(/^BTV-HTTU is a group whose members each get their own part: filter by one of them/) });
    }
    const empty = await http(`${app.url}/api/escalations?agency=`, { headers: bearer(supervisor) });
    expect([empty.status, empty.body.message]).toEqual([400, 'agency must not be empty']);
    const twice = await http(`${app.url}/api/assignments?agency=BTCTU&agency=UBND`, { headers: bearer(supervisor) });
    expect([twice.status, twice.body.details, twice.body.message]).toEqual([400, { field: 'agency' }, 'The query parameter agency is given more than once: give it once']);
  });

  it('refuses an escalation to a body of the province, which is no central one', async () => {
    for (const centralBody of ['UBND tỉnh', ' Ban Tổ chức Tỉnh ủy ']) {
      const refused = await post('/api/assignments/TB-NO-SUCH-A1/escalate', supervisor, { centralBody, summary: 'Kiến nghị' });
      expect([refused.status, refused.body.details, refused.body.message]).toEqual([400, { field: 'centralBody' }, expect.stringMatching(/^centralBody names (UBND|BTCTU) \(.+\), a body of the province: escalation goes to the Centre/)]);
    }
  });

  it('refuses a directive whose deadline is before the notice was issued, creating nothing', async () => {
    const id = `TB-${randomUUID().slice(0, 8)}`;
    const plan = { key: 'A1', text: 'Rà soát quy định về công tác cán bộ', kind: 'single', agencies: [{ agency: 'BTCTU', role: 'lead' }], deadline: { kind: 'date', date: '2026-01-31' } };
    const refused = await post('/api/directives', supervisor, { id, title: 'Thông báo kết luận', issuedOn: '2026-12-01', assignments: [plan] });
    expect([refused.status, refused.body.code, refused.body.message]).toEqual([400, 'VALIDATION_FAILED', `assignments[0] (${id}-A1): the deadline 2026-01-31 is before the notice's issue date 2026-12-01`]);
    expect((await http(`${app.url}/api/directives/${id}`, { headers: bearer(supervisor) })).status).toBe(404);

    // The district committees as one lead: nobody could act on it.
    const toGroup = await post('/api/directives', supervisor, { id, title: 'Thông báo kết luận', issuedOn: '2026-12-01', assignments: [{ ...plan, deadline: { kind: 'date', date: '2099-12-31' }, agencies: [{ agency: 'BTV-HTTU', role: 'lead' }] }] });
    expect([toGroup.status, toGroup.body.code, toGroup.body.message]).toEqual([400, 'VALIDATION_FAILED', expect.stringMatching(/^BTV-HTTU is a group whose members each get their own part: name one of them, or list them all \(BTV-/)]);

    // The Centre as a coordinator: the lead escalates to it, it is never given work.
    const withCentre = { ...plan, deadline: { kind: 'date', date: '2099-12-31' }, agencies: [{ agency: 'BTCTU', role: 'lead' }, { agency: 'BTCTW', role: 'coordinator' }] };
    const toCentre = await post('/api/directives', supervisor, { id, title: 'Thông báo kết luận', issuedOn: '2026-12-01', assignments: [withCentre] });
    expect([toCentre.status, toCentre.body.details, toCentre.body.message]).toEqual([400, { field: 'assignments[0].agencies' }, expect.stringMatching(/^BTCTW \(Ban Tổ chức Trung ương\) is a central body: .* escalates to the Centre \(POST \/api\/assignments\/:id\/escalate\)$/)]);
    expect((await http(`${app.url}/api/directives/${id}`, { headers: bearer(supervisor) })).status).toBe(404);

    // The issuer is a body of the registry, as an import reads it: not a name typed in its place.
    const byName = await post('/api/directives', supervisor, { id, title: 'Thông báo kết luận', issuedOn: '2026-12-01', issuingBody: 'Ban Thường vụ Tỉnh ủy', assignments: [{ ...plan, deadline: { kind: 'date', date: '2099-12-31' } }] });
    expect([byName.status, byName.body.code, byName.body.details]).toEqual([400, 'UNKNOWN_AGENCY', { field: 'issuingBody' }]);

    // A notice with a year typed wrong: its dry run says so as the import does (the 2nd of May 2098, a day no other test uses).
    const notice = noticeWith(['- Ban Tổ chức Tỉnh ủy rà soát quy định, hoàn thành trước ngày 30/6/2097.']).replace('Ngày 22/3/2023', 'Ngày 2/5/2098');
    for (const query of ['?dryRun=true', '']) {
      const imported = await http(`${app.url}/api/directives/import${query}`, { method: 'POST', headers: { ...bearer(supervisor), 'content-type': 'text/plain; charset=utf-8' }, body: notice });
      expect({ query, status: imported.status, message: imported.body.message }).toEqual({ query, status: 400, message: expect.stringMatching(/-A1\): the deadline 2097-06-30 is before the notice's issue date 2098-05-02$/) });
    }
  });

  it('says that a re-imported copy naming another monitor leaves the stored one (3 May 2098, a day no other test uses)', async () => {
    const items = ['- Ban Tổ chức Tỉnh ủy rà soát quy định về công tác cán bộ.'];
    const importNotice = (text: string, query = '') =>
      http(`${app.url}/api/directives/import${query}`, { method: 'POST', headers: { ...bearer(supervisor), 'content-type': 'text/plain; charset=utf-8' }, body: text });
    const first = await importNotice(noticeWith(items).replace('Ngày 22/3/2023', 'Ngày 3/5/2098'));
    expect([first.status, first.body.directive.monitoringAgency]).toEqual([201, 'VPTU']);
    const otherMonitor = noticeWith(items, ['Ban Tổ chức Tỉnh ủy theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo Ban Thường vụ Tỉnh ủy.']).replace('Ngày 22/3/2023', 'Ngày 3/5/2098');
    const again = await importNotice(otherMonitor, '?dryRun=true');
    expect([again.status, again.body.directiveId, again.body.alreadyImported]).toEqual([200, first.body.directiveId, true]);
    expect(again.body.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'MONITOR_KEPT', message: expect.stringContaining('the directive keeps VPTU') })]));
  });

  it('refuses to import again a notice whose directive was withdrawn, instead of answering "already imported" (4 May 2098)', async () => {
    const notice = noticeWith(['- Ban Tổ chức Tỉnh ủy rà soát quy định về công tác cán bộ.']).replace('Ngày 22/3/2023', 'Ngày 4/5/2098');
    const importNotice = (query = '') =>
      http(`${app.url}/api/directives/import${query}`, { method: 'POST', headers: { ...bearer(supervisor), 'content-type': 'text/plain; charset=utf-8' }, body: notice });
    const first = await importNotice();
    expect(first.status).toBe(201);
    expect((await post(`/api/directives/${first.body.directiveId}/withdraw`, supervisor, { reason: 'Ban hành nhầm' })).status).toBe(200);
    const preview = await importNotice('?dryRun=true');
    expect(preview.body.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'IMPORTED_AND_WITHDRAWN', message: expect.stringContaining('(Ban hành nhầm)') })]));
    const again = await importNotice();
    expect([again.status, again.body.code, again.body.details]).toEqual([409, 'DIRECTIVE_WITHDRAWN', { directiveId: first.body.directiveId }]);
  });

  it('says a missing, empty or blank comment is required or empty, for a returned proposal (decider) and a rejected report (DTO)', async () => {
    const directiveId = `TB-${randomUUID().slice(0, 8)}`;
    const plan = (key: string) => ({ key, text: 'Rà soát quy định về công tác cán bộ', kind: 'single', agencies: [{ agency: 'BTCTU', role: 'lead' }], deadline: { kind: 'date', date: '2099-12-31' } });
    expect((await post('/api/directives', supervisor, { id: directiveId, title: 'Thông báo kết luận', issuedOn: '2023-03-22', assignments: [plan('P'), plan('R')] })).status).toBe(201);
    const proposed = `${directiveId}-P`;
    const reported = `${directiveId}-R`;
    for (const id of [proposed, reported]) {
      await post(`/api/assignments/${id}/acknowledge`, lead);
      await post(`/api/assignments/${id}/propose`, lead, { summary: 'Đề xuất', beyondProvincialCompetence: false });
    }
    await post(`/api/assignments/${reported}/review`, supervisor, { decision: 'accept' });
    expect((await post(`/api/assignments/${reported}/report`, lead, { summary: 'Đã hoàn thành' })).status).toBe(200);

    const returnProposal = (comment?: string) => refusal(`/api/assignments/${proposed}/review`, supervisor, { decision: 'return', ...(comment === undefined ? {} : { comment }) });
    const rejectReport = (comment?: string) => refusal(`/api/assignments/${reported}/reject`, supervisor, comment === undefined ? {} : { comment });
    for (const refuse of [returnProposal, rejectReport]) {
      expect(await refuse()).toEqual([400, 'VALIDATION_FAILED', 'comment is required']);
      expect(await refuse('')).toEqual([400, 'VALIDATION_FAILED', 'comment must not be empty']);
      expect(await refuse('  ')).toEqual([400, 'VALIDATION_FAILED', 'comment must not be empty']);
    }
    expect(await refusal(`/api/assignments/${reported}/reject`, supervisor, { comment: 7 })).toEqual([400, 'VALIDATION_FAILED', 'comment must be text']);
    expect(await refusal(`/api/assignments/${reported}/reject`, supervisor, { comment: 'x'.repeat(20_001) })).toEqual([400, 'VALIDATION_FAILED', 'comment is longer than 20000 characters']);
    // Nested in a directive, the path comes first.
    const nested = await post('/api/directives', supervisor, { id: `TB-${randomUUID().slice(0, 8)}`, title: 'Thông báo', issuedOn: '2023-03-22', assignments: [{ ...plan('A'), text: '' }] });
    expect([nested.status, nested.body.message]).toEqual([400, 'assignments.0.text must not be empty']);

    // A note typed in a legacy encoding (Windows-1258: "Đã rà soát" as bytes that are not UTF-8) is refused, not stored garbled.
    const legacy = Buffer.concat([Buffer.from('{"note":"'), Buffer.from([0xd0, 0xe3, 0x20, 0x72, 0xe0, 0xde, 0x20, 0x73, 0x6f, 0xe1, 0x74]), Buffer.from('"}')]);
    const garbled = await fetch(`${app.url}/api/assignments/${proposed}/research`, { method: 'POST', headers: { ...bearer(lead), 'content-type': 'application/json' }, body: legacy });
    expect([garbled.status, ((await garbled.json()) as { code: string; message: string }).message]).toEqual([400, expect.stringMatching(/^The body is not UTF-8: send JSON encoded as UTF-8/)]);
    const timeline = await http(`${app.url}/api/assignments/${proposed}/timeline`, { headers: bearer(lead) });
    expect(timeline.body.events.map((e: { type: string }) => e.type)).not.toContain('ResearchRecorded');

    // A new deadline given as a date is the end of that day in Vietnam, as the notices' deadlines are.
    expect(await refusal(`/api/assignments/${proposed}/extension`, lead, { reason: 'Chờ số liệu' })).toEqual([400, 'VALIDATION_FAILED', 'newDueAt is required']);
    const byDate = await post(`/api/assignments/${proposed}/extension`, lead, { reason: 'Chờ số liệu', newDueAt: '2100-03-01' });
    expect([byDate.status, byDate.body.assignment.pendingExtensionDueAt]).toEqual([200, '2100-03-01T16:59:59.999Z']);
  });
});
